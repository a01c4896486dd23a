// The URL cases (RULES.md §1–§3), as data shared with the Rust core's own runner
// (tests/url_cases.rs): tests/data/url-cases.json. Loaded here for tests/rules.test.mjs
// (Node, from the file) and tests/rules/page.html (Chromium, by fetch), which run each
// case through the package they are given with runUrlCase.
import { canonical, decode, errorProblem, loadData } from '../helpers/conformance.mjs';

const data = await loadData('url-cases.json');

export const URL_SET = Object.freeze({ name: 'url', cases: data.cases });
export const TABLE_DOMAINS = Object.freeze(data.domains);

/** checkUrl's options for case `c`: its own, or the table's domains. */
export function urlOptions(c) {
  return c.options === undefined ? { domains: TABLE_DOMAINS } : decode(c.options);
}

/** The cases that give a verdict (not an error), with the options to check them with. */
export const VERDICT_CASES = data.cases.filter((c) => c.error === undefined)
  .map((c) => ({ ...c, options: urlOptions(c) }));

/** null when `wxnet.checkUrl` gives case `c` its reason, host and port (or its error), else what differs. */
export function runUrlCase(wxnet, c) {
  let verdict;
  try {
    verdict = wxnet.checkUrl(c.api, c.url, urlOptions(c));
  } catch (error) {
    return c.error === undefined ? `threw ${error?.code} ${error?.message}` : errorProblem(error, c.error, wxnet.WxnetError);
  }
  const got = { reason: verdict.reason, host: verdict.host, port: verdict.port };
  if (c.error !== undefined) return `gave ${canonical(got)}, want the error ${c.error.code}`;
  const want = { reason: c.reason, host: c.host, port: c.port };
  return canonical(got) === canonical(want) ? null
    : `${c.api} ${JSON.stringify(c.url)} (${c.group}): got ${canonical(got)}, want ${canonical(want)}`;
}
