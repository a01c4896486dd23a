// The Referer cases (RULES.md §5), as data shared with the Rust core's own runner
// (tests/referer_cases.rs): tests/data/referer-cases.json. Loaded here for
// tests/referer.test.mjs (Node, from the file) and tests/referer/page.html (Chromium,
// by fetch), which run each case through the package they are given with runRefererCase.
import { canonical, decode, errorProblem, loadData } from '../helpers/conformance.mjs';

const data = await loadData('referer-cases.json');

export const REFERER_SET = Object.freeze({ name: 'referer', cases: data.cases });

/** null when `wxnet[c.call](...c.args)` gives case `c` its result (or its error), else what differs. */
export function runRefererCase(wxnet, c) {
  const args = decode(c.args);
  const shown = `${c.call}(${args.map((arg) => (typeof arg === 'string' && arg.length > 80 ? `${arg.slice(0, 80)}…` : canonical(arg))).join(', ')})`;
  let result;
  try {
    result = wxnet[c.call](...args);
  } catch (error) {
    if (c.error === undefined) return `${shown} threw ${error?.code} ${error?.message}`;
    const problem = errorProblem(error, c.error, wxnet.WxnetError);
    return problem === null ? null : `${shown} ${problem}`;
  }
  if (c.error !== undefined) return `${shown} gave ${canonical(result)}, want the error ${c.error.code}`;
  return canonical(result) === canonical(c.result) ? null : `${shown} gave ${canonical(result)}, want ${canonical(c.result)}`;
}
