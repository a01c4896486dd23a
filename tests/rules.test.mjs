// RULES.md §1–§4 and §7 through the npm package: checkUrl/checkUrls (the URL cases of
// tests/data/url-cases.json, WHATWG conformance against Node's URL, batch = single), lintDomains,
// normalizeDomains, resolveTimeout, resolveUrlCheck, errMsgFor, bad arguments, a
// 100,000-input fuzz run of the wasm build, and the same verdicts in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as wxnet from '../pkg/node.mjs';
import { BENCH_DOMAINS, BENCH_LAN, baselineChecker, mixedUrls } from './helpers/rules-corpus.mjs';
import { seededRandom as random } from './helpers/random.mjs';
import { TABLE_DOMAINS, URL_SET, VERDICT_CASES, runUrlCase } from './rules/cases.mjs';
import { loadData, runSet } from './helpers/conformance.mjs';
import { launchChromium, pageResult, serveStatic } from './helpers/browser.mjs';

const { checkUrl, checkUrls, compileDomains, lintDomains, normalizeDomains, resolveTimeout, resolveUrlCheck, errMsgFor, WxnetError } = wxnet;
const cjs = createRequire(import.meta.url)('../pkg/node.cjs');

function throwsCode(fn, code, messagePattern) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof WxnetError, `expected WxnetError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (messagePattern) assert.match(error.message, messagePattern);
    return true;
  });
}

// --- checkUrl -------------------------------------------------------------------

// The URL cases, through import and require(), with the expected failures listed for node.
const expectedFailures = await loadData('expected-failures.json');
const urlReports = new Map();
function urlReport(flavour) {
  if (!urlReports.has(flavour)) {
    const module = flavour === 'import' ? wxnet : cjs;
    urlReports.set(flavour, runSet(URL_SET, (c) => runUrlCase(module, c), expectedFailures, 'node'));
  }
  return urlReports.get(flavour);
}

const URL_RULES = [
  [1, 'URL cases (lists, ports, schemes, userinfo, backslashes, IDN, IP and localhost spellings) get the verdict, host and port a browser would see'],
  [2, 'URL cases: LAN peers in the subnet pass over http and ws, other subnets, the own IP and loopback fail, a malformed LAN is refused'],
  [3, 'URL cases: urlCheck false accepts every parseable URL of the API and nothing else'],
];
for (const [rule, title] of URL_RULES) {
  for (const flavour of ['import', 'require']) {
    test(`rule ${rule}: ${title} (${flavour})`, () => {
      const problems = urlReport(flavour).byRule[rule];
      assert.ok(problems !== undefined, `no case names RULES.md §${rule}`);
      assert.deepEqual(problems, []);
    });
  }
}

test('the URL cases have stable ids and rules 1-3 only; every expected failure listed for node ran', () => {
  for (const flavour of ['import', 'require']) {
    const report = urlReport(flavour);
    assert.deepEqual(Object.keys(report.byRule), URL_RULES.map(([rule]) => String(rule)));
    assert.deepEqual([...report.set, ...report.notRun], []);
    assert.ok(report.ran >= 150, `the URL cases lost some: ${report.ran}`);
  }
});

test('rule 7: errMsg and errno are exactly what the platform puts in the callback', () => {
  const options = { domains: TABLE_DOMAINS };
  assert.deepEqual(checkUrl('request', 'https://a.com/x', options), { ok: true, reason: 'listed', errMsg: 'request:ok', host: 'a.com' });
  assert.deepEqual(checkUrl('uploadFile', 'https://a.com:443/', options), {
    ok: false, reason: 'not-listed', errMsg: 'uploadFile:fail url not in domain list', errno: 600002, host: 'a.com', port: 443,
  });
  assert.deepEqual(checkUrl('downloadFile', 'ftp://x y', options), {
    ok: false, reason: 'invalid-url', errMsg: 'downloadFile:fail invalid url "ftp://x y"', errno: 600009,
  });
  for (const { api, url, reason, options: caseOptions } of VERDICT_CASES) {
    const verdict = checkUrl(api, url, caseOptions);
    const expected = verdict.ok ? `${api}:ok` : reason === 'invalid-url' ? `${api}:fail invalid url "${url}"` : `${api}:fail url not in domain list`;
    assert.equal(verdict.errMsg, expected, url);
    assert.equal(verdict.errno, verdict.ok ? undefined : reason === 'invalid-url' ? 600009 : 600002, url);
  }
});

test('rule 3: resolveUrlCheck prefers project.private.config.json, then project.config.json, then true', () => {
  assert.equal(resolveUrlCheck(), true);
  assert.equal(resolveUrlCheck({ setting: { urlCheck: false } }), false);
  assert.equal(resolveUrlCheck({ setting: { urlCheck: false } }, { setting: { urlCheck: true } }), true);
  assert.equal(resolveUrlCheck({ setting: { urlCheck: true } }, { setting: { urlCheck: false } }), false);
  assert.equal(resolveUrlCheck({ setting: { urlCheck: 'false' } }, { setting: {} }), true, 'only booleans count');
  assert.equal(resolveUrlCheck(null, { setting: { urlCheck: false } }), false);
  throwsCode(() => resolveUrlCheck('{}'), 'arg/type', /projectConfig/);
});

test('rule 1: a domains object is compiled once; compileDomains gives a reusable policy', () => {
  const domains = { requestdomain: ['https://a.com'] };
  assert.equal(checkUrl('request', 'https://b.com/', { domains }).reason, 'not-listed');
  domains.requestdomain.push('https://b.com');
  assert.equal(checkUrl('request', 'https://b.com/', { domains }).reason, 'not-listed', 'documented: read once');
  assert.equal(checkUrl('request', 'https://b.com/', { domains: { ...domains } }).reason, 'listed');
  const policy = compileDomains(domains);
  assert.equal(checkUrl('request', 'https://b.com/', { domains: policy }).reason, 'listed');
  assert.equal(checkUrls('request', ['https://a.com', 'https://c.com'], { domains: policy }).map((v) => v.reason).join(), 'listed,not-listed');
});

test('rule 1: WHATWG conformance: host and port equal what Node\'s URL extracts, over 20,000 generated URLs', () => {
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const schemes = ['https:', 'http:', 'HTTPS:', 'wss:', 'ws:', 'ftp:', 'https', 'hTTp:'];
  const slashes = ['//', '/', '', '\\\\', '/\\', '///', '\t//'];
  const users = ['', '', '', 'user@', 'u:p@', 'a.com@', '@', 'a@b@', 'x%40y@', 'a.com:443@'];
  const hosts = ['a.com', 'A.Com', 'a.com.', '例え.jp', 'xn--r8jz45g.jp', 'ａ．com', 'a%2Ecom', '%61.com', '127.0.0.1', '0x7f.1',
    '2130706433', '0177.0.0.01', '1.2.3', '256.1.1.1', '1.2.3.4.', '[::1]', '[::ffff:127.0.0.1]', '[2001:DB8::1]', '[::1',
    'localhost', 'a b', 'a\tb.com', '', 'xn--a', 'a..b', '-a.com', 'a_b.com', 'ß.de', 'Ⅻ.com', '0', '0x', 'a.0x10', 'a.1', '.a', 'ﬀ.com'];
  const ports = ['', '', '', ':', ':443', ':80', ':0443', ':8080', ':65535', ':65536', ':x', ':1\t2'];
  const tails = ['', '/', '/p?q#f', '?@evil.com', '#@evil.com', '\\@evil.com', '/@x:1', ' ', '\n'];
  const leads = ['', '', ' ', '\u0000', '\t'];
  let parsed = 0;
  for (let i = 0; i < 20_000; i++) {
    const url = pick(leads) + pick(schemes) + pick(slashes) + pick(users) + pick(hosts) + pick(ports) + pick(tails);
    for (const api of ['request', 'connectSocket']) {
      const verdict = checkUrl(api, url, { urlCheck: false });
      let node;
      try {
        node = new URL(url);
      } catch {
        node = undefined;
      }
      const usable = node && (api === 'request' ? ['https:', 'http:'] : ['wss:', 'ws:']).includes(node.protocol);
      if (!usable) {
        assert.equal(verdict.reason, 'invalid-url', `${api} ${JSON.stringify(url)}: Node refuses it or the scheme is not the API's`);
        continue;
      }
      parsed++;
      assert.equal(verdict.reason, 'unchecked', JSON.stringify(url));
      assert.equal(verdict.host, node.hostname, `host of ${JSON.stringify(url)}`);
      if (node.port !== '') {
        assert.equal(verdict.port, Number(node.port), `port of ${JSON.stringify(url)}`);
      } else {
        const fallback = node.protocol === 'https:' || node.protocol === 'wss:' ? 443 : 80;
        assert.ok(verdict.port === undefined || verdict.port === fallback, `port of ${JSON.stringify(url)}: ${verdict.port}`);
      }
    }
  }
  assert.ok(parsed > 5_000, `only ${parsed} parseable URLs were generated`);
});

// --- checkUrls ------------------------------------------------------------------

test('checkUrls gives exactly the verdicts of checkUrl, in order, on 20,000 mixed URLs', () => {
  const corpus = mixedUrls(20_000, 3);
  const options = { domains: BENCH_DOMAINS, lan: BENCH_LAN };
  const batch = checkUrls('request', corpus, options);
  assert.equal(batch.length, corpus.length);
  corpus.forEach((url, i) => assert.deepEqual(batch[i], checkUrl('request', url, options), url));
  const baseline = baselineChecker(BENCH_DOMAINS, BENCH_LAN);
  corpus.forEach((url, i) => assert.deepEqual(batch[i], baseline('request', url), `baseline disagrees on ${url}`));
});

test('checkUrls handles hosts that are not verbatim in the input, NUL inside a URL, and empty input', () => {
  const urls = ['https://A.com/', 'https://例え.jp/', 'https://ü.com/ä', 'https://%61.com', '€ https://a.com', 'https://a.com/\u0000x', 'https://a.com:443'];
  const batch = checkUrls('request', urls, { domains: TABLE_DOMAINS });
  assert.deepEqual(batch, urls.map((url) => checkUrl('request', url, { domains: TABLE_DOMAINS })));
  assert.deepEqual(batch.map((v) => v.host), ['a.com', 'xn--r8jz45g.jp', 'xn--tda.com', 'a.com', undefined, 'a.com', 'a.com']);
  const noNul = urls.filter((url) => !url.includes('\u0000'));
  assert.deepEqual(checkUrls('request', noNul, { domains: TABLE_DOMAINS }).map((v) => v.host), ['a.com', 'xn--r8jz45g.jp', 'xn--tda.com', 'a.com', undefined, 'a.com']);
  assert.deepEqual(checkUrls('request', [], {}), []);
  throwsCode(() => checkUrls('request', 'https://a.com'), 'arg/type', /urls must be an array/);
  throwsCode(() => checkUrls('request', ['https://a.com', 3]), 'arg/type', /urls\[1\] must be a string, got number/);
  throwsCode(() => checkUrls('fetch', []), 'arg/api');
});

test('checkUrl works the same through require()', () => {
  assert.deepEqual(cjs.checkUrl('request', 'https://a.com:443/', { domains: TABLE_DOMAINS }), checkUrl('request', 'https://a.com:443/', { domains: TABLE_DOMAINS }));
  assert.equal(cjs.WxnetError, WxnetError);
  assert.equal(cjs.errMsgFor('request', 'timeout').errMsg, 'request:fail timeout');
});

test('bad arguments to checkUrl throw WxnetError naming the argument', () => {
  throwsCode(() => checkUrl('fetch', 'https://a.com'), 'arg/api', /"fetch"/);
  throwsCode(() => checkUrl(undefined, 'https://a.com'), 'arg/api');
  throwsCode(() => checkUrl('toString', 'https://a.com'), 'arg/api');
  throwsCode(() => checkUrl('request', undefined), 'arg/type', /url must be a string, got undefined/);
  throwsCode(() => checkUrl('request', new URL('https://a.com')), 'arg/type', /url must be a string, got object/);
  throwsCode(() => checkUrl('request', 'https://a.com', 'x'), 'arg/type', /options must be an object/);
  throwsCode(() => checkUrl('request', 'https://a.com', { domains: 'https://a.com' }), 'arg/type', /options\.domains/);
  throwsCode(() => checkUrl('request', 'https://a.com', { domains: ['https://a.com'] }), 'arg/type', /options\.domains/);
  throwsCode(() => checkUrl('request', 'https://a.com', { urlCheck: 'false' }), 'arg/type', /options\.urlCheck/);
  throwsCode(() => checkUrl('request', 'https://a.com', { wssPortCheck: 1 }), 'arg/type', /options\.wssPortCheck/);
});

// --- lintDomains / normalizeDomains --------------------------------------------

test('rule 1: lintDomains reports each problem with code, severity, pointer and a fix (its help)', () => {
  const found = lintDomains({
    requestdomain: ['https://a.com', 'http://b.com', 'https://c.com/api', 'https://1.2.3.4', 'https://localhost', 'https://*.d.com',
      'https://api.weixin.qq.com', 'https://A.COM/', 'https://e.com:99999', 'f.com'],
    wsrequestdomain: 'wss://x.com',
    uploaddomain: [1],
    requestdomains: [],
    errcode: 0,
    errmsg: 'ok',
  });
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.pointer]), [
    ['wxnet/domain-scheme', 'error', '/requestdomain/1'],
    ['wxnet/domain-path', 'error', '/requestdomain/2'],
    ['wxnet/domain-ip', 'error', '/requestdomain/3'],
    ['wxnet/domain-localhost', 'error', '/requestdomain/4'],
    ['wxnet/domain-wildcard', 'error', '/requestdomain/5'],
    ['wxnet/domain-forbidden', 'error', '/requestdomain/6'],
    ['wxnet/domain-duplicate', 'warning', '/requestdomain/7'],
    ['wxnet/domain-invalid', 'error', '/requestdomain/8'],
    ['wxnet/domain-scheme', 'warning', '/requestdomain/9'],
    ['wxnet/domain-field', 'error', '/wsrequestdomain'],
    ['wxnet/domain-field', 'error', '/uploaddomain/0'],
    ['wxnet/domain-field', 'warning', '/requestdomains'],
  ]);
  assert.equal(found[0].field, 'requestdomain');
  assert.equal(found[0].index, 1);
  assert.equal(found[0].help, 'write https://b.com');
  assert.doesNotMatch(found[0].message, /write/, 'the fix is the help, apart from the message');
  assert.match(found[11].help, /Did you mean requestdomain\?/);
  assert.deepEqual(lintDomains({ requestdomain: ['https://a.com', 'https://例え.jp'], wsrequestdomain: ['wss://a.com'] }), []);
  const tooMany = lintDomains({ downloaddomain: Array.from({ length: 21 }, (_, i) => `https://h${i}.com`) });
  assert.deepEqual(tooMany.map((d) => [d.code, d.severity, d.pointer]), [['wxnet/domain-too-many', 'warning', '/downloaddomain']]);
  throwsCode(() => lintDomains('x'), 'arg/type', /domains must be an object/);
  throwsCode(() => lintDomains(undefined), 'arg/type');
});

test('rule 1: normalizeDomains gives canonical entries and drops refused ones and duplicates', () => {
  assert.deepEqual(normalizeDomains({
    requestdomain: ['HTTPS://例え.JP/', 'https://xn--r8jz45g.jp', 'https://a.com:443/', 'http://b.com', 'c.com', 'https://d.com.'],
    wsrequestdomain: ['WSS://WS.A.COM'],
    foo: ['https://x.com'],
  }), {
    requestdomain: ['https://xn--r8jz45g.jp', 'https://a.com:443', 'https://c.com', 'https://d.com'],
    wsrequestdomain: ['wss://ws.a.com'],
  });
});

// --- resolveTimeout ---------------------------------------------------------------

test('rule 4: resolveTimeout: per call > networkTimeout[api] > 60000, bad values fall through, clamped above 60000', () => {
  const app = { networkTimeout: { request: 8000, uploadFile: 90000, connectSocket: 'x' } };
  const cases = [
    [['request', 5000, app], { timeout: 5000, source: 'call', clamped: false }],
    [['request', undefined, app], { timeout: 8000, source: 'config', clamped: false }],
    [['uploadFile', undefined, app], { timeout: 60000, source: 'config', clamped: true }],
    [['uploadFile', undefined, app, { clamp: false }], { timeout: 90000, source: 'config', clamped: false }],
    [['connectSocket', undefined, app], { timeout: 60000, source: 'default', clamped: false }],
    [['downloadFile', undefined, undefined], { timeout: 60000, source: 'default', clamped: false }],
    [['request', 120000, undefined], { timeout: 60000, source: 'call', clamped: true }],
    [['request', 120000, undefined, { clamp: false }], { timeout: 120000, source: 'call', clamped: false }],
  ];
  for (const bad of ['5000', 0, -1, NaN, Infinity, -Infinity, null, {}]) {
    cases.push([['request', bad, app], { timeout: 8000, source: 'config', clamped: false }]);
    cases.push([['request', bad, { networkTimeout: { request: bad } }], { timeout: 60000, source: 'default', clamped: false }]);
  }
  for (const [args, expected] of cases) assert.deepEqual(resolveTimeout(...args), expected, JSON.stringify(args));
  throwsCode(() => resolveTimeout('fetch', 1), 'arg/api', /request, uploadFile, downloadFile, connectSocket/);
  throwsCode(() => resolveTimeout(3, 1), 'arg/api');
  throwsCode(() => resolveTimeout('request', 1, 'app.json'), 'arg/type', /appConfig/);
  throwsCode(() => resolveTimeout('request', 1, {}, { clamp: 'no' }), 'arg/type', /options\.clamp/);
});

// --- errMsgFor --------------------------------------------------------------------

test('rule 7: errMsgFor builds every errMsg and errno from the one catalogue', () => {
  const cases = [
    [['request', 'ok'], { errMsg: 'request:ok' }],
    [['request', 'url-not-in-domain-list'], { errMsg: 'request:fail url not in domain list', errno: 600002 }],
    [['request', 'invalid-url', 'ftp://a'], { errMsg: 'request:fail invalid url "ftp://a"', errno: 600009 }],
    [['request', 'timeout'], { errMsg: 'request:fail timeout' }],
    [['uploadFile', 'abort'], { errMsg: 'uploadFile:fail abort' }],
    [['request', 'interrupted'], { errMsg: 'request:fail interrupted', errno: 600003 }],
    [['request', 'exceed-max-task-count'], { errMsg: 'request:fail exceed max task count', errno: 600007 }],
    [['request', 'exceed max task count'], { errMsg: 'request:fail exceed max task count', errno: 600007 }],
    [['request', 'method-is-invalid'], { errMsg: 'request:fail method is invalid' }],
    [['request', 'parameter-error', { parameter: 'url', expected: 'String' }],
      { errMsg: 'request:fail parameter error: parameter.url should be String instead of Undefined;', errno: 1001 }],
    [['request', 'parameter-error', { parameter: 'header', expected: 'Object', value: [] }],
      { errMsg: 'request:fail parameter error: parameter.header should be Object instead of Array;', errno: 1001 }],
    [['request', 'parameter error', 'parameter.data should be String instead of Null;'],
      { errMsg: 'request:fail parameter error: parameter.data should be String instead of Null;', errno: 1001 }],
    [['request', 'redirect-not-in-domain-list', 'evil.com'], { errMsg: 'request:fail redirect url not in domain list:evil.com' }],
    [['request', 'certificate', '-202:net::ERR_CERT_AUTHORITY_INVALID'], { errMsg: 'request:fail -202:net::ERR_CERT_AUTHORITY_INVALID', errno: 600001 }],
    [['request', 'tls-version'], { errMsg: 'request:fail 小程序要求的 TLS 版本必须大于等于 1.2' }],
    [['request', 'network', 'net::ERR_CONNECTION_REFUSED'], { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }],
    [['sendSocketMessage', 'websocket-is-not-connected'], { errMsg: 'sendSocketMessage:fail WebSocket is not connected' }],
    [['connectSocket', 'port'], { errMsg: 'connectSocket:fail url not in domain list', errno: 600002 }],
    [['request', 'listed'], { errMsg: 'request:ok' }],
  ];
  for (const [args, expected] of cases) assert.deepEqual(errMsgFor(...args), expected, JSON.stringify(args));
  throwsCode(() => errMsgFor('request', 'nope'), 'arg/reason', /not in the errMsg catalogue/);
  throwsCode(() => errMsgFor('request', 'invalid-url'), 'arg/type', /the URL/);
  throwsCode(() => errMsgFor('', 'ok'), 'arg/api');
  throwsCode(() => errMsgFor(undefined, 'ok'), 'arg/api');
  throwsCode(() => errMsgFor('request', 3), 'arg/type', /reason must be a string/);
});

// --- fuzz -------------------------------------------------------------------------

const PIECES = ['https://', 'http://', 'wss://', 'a.com', '例え.jp', '@', ':', ':443', '[', ']', '::1', '127.0.0.1', '0x7f', '%', '%00',
  '\\', '/', '?', '#', '.', '。', '\u0000', '\t', '\ud800', '😀', 'xn--', 'localhost', 'api.weixin.qq.com', ' ', '*', '-'];

function randomString(next) {
  let s = '';
  const n = Math.floor(next() * 8);
  for (let i = 0; i < n; i++) {
    s += next() < 0.7 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
  }
  return s;
}

function randomValue(next, depth = 0) {
  const kind = Math.floor(next() * 9);
  if (kind === 0) return undefined;
  if (kind === 1) return null;
  if (kind === 2) return next() * 2e5 - 5e4;
  if (kind === 3) return [NaN, Infinity, -0, 0, 1e308][Math.floor(next() * 5)];
  if (kind === 4 && depth < 2) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  if (kind === 5 && depth < 2) {
    const keys = ['requestdomain', 'wsrequestdomain', 'networkTimeout', 'request', 'ip', 'netmask', 'clamp', randomString(next)];
    const o = {};
    for (let i = Math.floor(next() * 4); i > 0; i--) o[keys[Math.floor(next() * keys.length)]] = randomValue(next, depth + 1);
    return o;
  }
  if (kind === 6) return next() < 0.5;
  return randomString(next);
}

test('fuzz: 100,000 random strings and objects through checkUrl, checkUrls, lintDomains, resolveTimeout; the instance still answers', () => {
  const next = random(2024);
  const apis = ['request', 'uploadFile', 'downloadFile', 'connectSocket', 'fetch', undefined];
  let thrown = 0;
  for (let i = 0; i < 100_000; i++) {
    const api = apis[Math.floor(next() * apis.length)];
    try {
      switch (i % 5) {
        case 0: checkUrl(api, randomString(next), { domains: TABLE_DOMAINS, lan: next() < 0.3 ? BENCH_LAN : undefined }); break;
        case 1: checkUrl(api, randomValue(next), randomValue(next)); break;
        case 2: lintDomains(randomValue(next)); normalizeDomains({ requestdomain: [randomString(next), randomString(next)] }); break;
        case 3: resolveTimeout(api, randomValue(next), randomValue(next), randomValue(next)); break;
        default: checkUrls(api, [randomString(next), randomString(next), randomString(next)], { domains: { requestdomain: [randomString(next)] } });
      }
    } catch (error) {
      assert.ok(error instanceof WxnetError, `only WxnetError may escape, got ${error?.stack ?? error}`);
      assert.match(error.code, /^arg\//);
      thrown++;
    }
  }
  assert.ok(thrown > 1000, 'bad arguments were generated and refused');
  assert.deepEqual(checkUrl('request', 'https://a.com:443/', { domains: TABLE_DOMAINS }),
    { ok: false, reason: 'port', errMsg: 'request:fail url not in domain list', errno: 600002, host: 'a.com', port: 443 });
  assert.deepEqual(resolveTimeout('request', 5000), { timeout: 5000, source: 'call', clamped: false });
  assert.deepEqual(lintDomains({ requestdomain: ['https://a.com'] }), []);
});

// --- Chromium -----------------------------------------------------------------------

test('rules 1-3: in headless Chromium, /pkg/browser.mjs passes the URL cases and gives the same verdicts as Node', async () => {
  const server = await serveStatic();
  const browser = await launchChromium();
  try {
    const page = await pageResult(browser, `${server.origin}/tests/rules/page.html`);
    assert.match(page.userAgent, /Chrome/);
    const corpus = mixedUrls(3000, 7);
    const options = { domains: BENCH_DOMAINS, lan: BENCH_LAN };
    const node = corpus.map((url) => checkUrl('request', url, options));
    assert.deepEqual(page.single, node);
    assert.deepEqual(page.batch, node);
    assert.deepEqual(Object.keys(page.urlCases.byRule), URL_RULES.map(([rule]) => String(rule)));
    assert.deepEqual(page.urlCases.problems, [], 'the URL cases, with the expected failures for chromium');
    assert.equal(page.urlCases.ran, URL_SET.cases.length);
    assert.deepEqual(page.verdicts, VERDICT_CASES.map(({ api, url, options }) => checkUrl(api, url, options)));
    assert.deepEqual(page.lint, lintDomains({ requestdomain: ['http://a.com/x', 'https://例え.jp', 'https://例え.jp/'] }));
    assert.deepEqual(page.timeout, { timeout: 60000, source: 'config', clamped: true });
    assert.equal(page.errMsg.errMsg, 'request:fail parameter error: parameter.url should be String instead of Undefined;');
  } finally {
    await browser.close();
    await server.close();
  }
});

// --- types --------------------------------------------------------------------------

test('types: the rules API type-checks as documented, and each marked misuse is a type error', () => {
  const tsc = fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('./rules/types/tsconfig.json', import.meta.url));
  let output = '';
  try {
    execFileSync(tsc, ['-p', project, '--noEmit'], { stdio: 'pipe' });
  } catch (error) {
    output = error.stdout.toString() || error.stderr.toString() || String(error);
  }
  assert.equal(output, '');
});

test('rules 4, 6 and 9: networkLimits gives the client limits the wx shim enforces', async () => {
  const { networkLimits } = await import('../pkg/node.mjs');
  const limits = networkLimits();
  assert.deepEqual(limits, {
    concurrent: { request: 10, uploadFile: 10, downloadFile: 10, connectSocket: 5 },
    backgroundGraceMs: 5000, maxDownloadBytes: 200 * 1024 * 1024, maxCloseReasonBytes: 123,
    defaultTimeoutMs: 60000, maxTimeoutMs: 60000,
  });
  assert.ok(Object.isFrozen(limits) && Object.isFrozen(limits.concurrent));
  assert.equal(networkLimits(), limits, 'one object, read from the core once');
});

test('rule 9: requestDefaults gives the methods wx.request accepts and its default content-type', async () => {
  const { requestDefaults } = await import('../pkg/node.mjs');
  assert.deepEqual(requestDefaults(), {
    methods: ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'], contentType: 'application/json',
  });
  assert.ok(Object.isFrozen(requestDefaults().methods));
});

test('rule 1: a fresh inline domains object per call (the README style) reuses the compiled lists: 100,000 calls stay small', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `
    import { checkUrl } from ${JSON.stringify(new URL('../pkg/node.mjs', import.meta.url).href)};
    const before = process.memoryUsage().rss;
    let ok = 0;
    for (let i = 0; i < 100000; i++) {
      ok += checkUrl('request', 'https://api.example.com/v1?i=' + i, { domains: { requestdomain: ['https://api.example.com'] } }).ok ? 1 : 0;
    }
    console.log(ok, Math.round((process.memoryUsage().rss - before) / 1048576));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  const [ok, growthMiB] = child.stdout.trim().split(' ').map(Number);
  assert.equal(ok, 100000, child.stderr);
  assert.ok(growthMiB < 300, `RSS grew by ${growthMiB} MiB (each call compiled its own lists)`);
});

test('rule 1: domain-hostname refuses what DNS refuses, and no fix suggests a refused entry', () => {
  const codes = (entry) => lintDomains({ requestdomain: [entry] }).map((d) => d.code);
  for (const entry of ['https://a', 'https://com', 'https://-a.com', 'https://a-.com', 'https://a_b.com', `https://${'a'.repeat(64)}.com`]) {
    assert.deepEqual(codes(entry), ['wxnet/domain-hostname'], entry);
    assert.equal(checkUrl('request', `${entry}/`, { domains: { requestdomain: [entry] } }).ok, false, `${entry} is refused, so it lets nothing through`);
  }
  assert.deepEqual(codes(`https://${'a'.repeat(63)}.com`), []);
  const [scheme, localhost] = lintDomains({ requestdomain: ['http://127.0.0.1:8787'] });
  assert.equal(scheme.code, 'wxnet/domain-scheme');
  assert.equal(scheme.help, undefined, scheme.message);
  assert.doesNotMatch(scheme.message, /write/, scheme.message);
  assert.equal(localhost.code, 'wxnet/domain-localhost');
  const path = lintDomains({ requestdomain: ['https://a/api'] }).find((d) => d.code === 'wxnet/domain-path');
  assert.equal(path.help, undefined);
  assert.doesNotMatch(path.message, /write/);
});
