// Shared by tests/rules.test.mjs and bench/rules.bench.mjs: a deterministic corpus
// of mixed URLs, and a plain-JavaScript checker (WHATWG URL + Set lookup) that gives
// the same verdicts as checkUrl on that corpus. The baseline is what a previewer
// would write by hand; it is not a second implementation of the rules for users.
import { seededRandom } from './random.mjs';

export const BENCH_DOMAINS = Object.freeze({
  requestdomain: [
    ...Array.from({ length: 18 }, (_, i) => `https://api${i}.example.com`),
    'https://例え.jp', 'https://pay.example.com:8443',
  ],
});
export const BENCH_LAN = Object.freeze({ ip: '192.168.1.10', netmask: '255.255.255.0' });

/** `count` URLs: listed, unlisted, ports, http, localhost, IPs, LAN, IDN, invalid. */
export function mixedUrls(count, seed = 1) {
  const next = seededRandom(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const path = () => pick(['/', '/v1/users', '/v2/orders/123?x=1&y=2', '/search?q=%E4%BD%A0', '', '/a/b/c#frag']);
  const makers = [
    () => `https://api${Math.floor(next() * 20)}.example.com${path()}`,
    () => `https://API${Math.floor(next() * 18)}.Example.COM${path()}`,
    () => `https://api${Math.floor(next() * 18)}.example.com:${pick([443, 8443, 80])}${path()}`,
    () => `https://pay.example.com:8443${path()}`,
    () => `https://pay.example.com${path()}`,
    () => `http://api${Math.floor(next() * 18)}.example.com${path()}`,
    () => `https://cdn${Math.floor(next() * 1000)}.other.net${path()}`,
    () => `https://localhost:${3000 + Math.floor(next() * 10)}${path()}`,
    () => `https://127.0.0.${1 + Math.floor(next() * 254)}${path()}`,
    () => `http://192.168.1.${1 + Math.floor(next() * 254)}:8080${path()}`,
    () => `https://10.0.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}${path()}`,
    () => `https://例え.jp${path()}`,
    () => `https://api.weixin.qq.com/sns/jscode2session?appid=wx${Math.floor(next() * 1e6)}`,
    () => `https://user@api${Math.floor(next() * 18)}.example.com${path()}`,
    () => `https://api${Math.floor(next() * 18)}.example.com.${path()}`,
    () => pick(['not a url', '/relative/path', 'ftp://api1.example.com/', 'https://', 'https://a b.com/']),
    () => `https://[::1]:${8000 + Math.floor(next() * 10)}${path()}`,
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

const INVALID = { ok: false, reason: 'invalid-url', errno: 600009 };

/**
 * Hand-written checker with the same verdicts as checkUrl for `request` on the
 * corpus above: WHATWG `URL` for the host, a regex for the port as written (URL
 * drops a default port), and a Set of `host` / `host:port` keys per list.
 */
export function baselineChecker(domains, lan) {
  const keys = new Set();
  for (const entry of domains.requestdomain ?? []) {
    const url = new URL(entry);
    const host = url.hostname.replace(/\.$/, '');
    const written = /:(\d+)\/?$/.exec(entry);
    keys.add(written ? `${host}:${Number(written[1])}` : host);
  }
  const hostsWithPort = new Set([...keys].map((k) => k.replace(/:\d+$/, '')));
  const lanNet = lan.ip.split('.').slice(0, 3).join('.') + '.'; // /24 only, enough for the bench
  const AUTHORITY = /^[\u0000-\u0020]*[a-zA-Z][a-zA-Z0-9+.-]*:[/\\]*(?:[^/\\?#]*@)?(?:\[[^\]]*\]|[^/\\?#:]*)(?::([0-9]*))?/;
  const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
  const ok = (api, reason) => ({ ok: true, reason, errMsg: `${api}:ok` });
  const fail = (api, reason) => ({ ok: false, reason, errMsg: `${api}:fail url not in domain list`, errno: 600002 });
  return function check(api, input) {
    let url;
    try {
      url = new URL(input);
    } catch {
      return { ...INVALID, errMsg: `${api}:fail invalid url "${input}"` };
    }
    const scheme = url.protocol;
    if (scheme !== 'https:' && scheme !== 'http:') return { ...INVALID, errMsg: `${api}:fail invalid url "${input}"` };
    const host = url.hostname;
    const typed = url.port !== '' ? url.port : AUTHORITY.exec(input)?.[1];
    const port = typed ? Number(typed) : undefined;
    let verdict;
    const name = host.endsWith('.') ? host.slice(0, -1) : host;
    if (name === 'localhost' || name.endsWith('.localhost') || host === '[::1]' || host === '[::]' || host.startsWith('127.') || host === '0.0.0.0') {
      verdict = fail(api, 'localhost');
    } else if (IPV4.test(host)) {
      verdict = host === lan.ip ? fail(api, 'self-ip') : host.startsWith(lanNet) ? ok(api, 'lan') : fail(api, 'ip');
    } else if (host.startsWith('[')) {
      verdict = fail(api, 'ip');
    } else if (name === 'api.weixin.qq.com') {
      verdict = fail(api, 'forbidden-host');
    } else if (scheme !== 'https:') {
      verdict = fail(api, 'insecure');
    } else if (keys.has(port === undefined ? name : `${name}:${port}`)) {
      verdict = ok(api, 'listed');
    } else {
      verdict = fail(api, hostsWithPort.has(name) ? 'port' : 'not-listed');
    }
    verdict.host = host;
    if (port !== undefined) verdict.port = port;
    return verdict;
  };
}
