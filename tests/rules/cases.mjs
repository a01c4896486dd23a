// The table-driven adversarial URL suite (RULES.md §1–§3), as data shared with the
// Rust core's own test (tests/url_cases.rs): tests/data/url-cases.json. Loaded here for
// tests/rules.test.mjs (Node, from the file) and tests/rules/page.html (Chromium, by fetch).
// Each row of ADVERSARIAL: [api, url, expected reason, expected host, expected port (as written)].

const location = new URL('../data/url-cases.json', import.meta.url);
const data = typeof window === 'undefined'
  ? JSON.parse(await (await import('node:fs/promises')).readFile(location, 'utf8'))
  : await (await fetch(location)).json();

export const TABLE_DOMAINS = Object.freeze(data.domains);
export const ADVERSARIAL = data.cases.map(({ api, url, reason, host, port }) => [api, url, reason, host, port]);
export const ADVERSARIAL_URLS = ADVERSARIAL.map(([api, url]) => [api, url]);
