// createWx's options are checked when the shim is created: a wrong one throws
// WxnetError `wx/options` naming it, and wx.request itself never throws (the
// platform's does not). Also: no path through a call leaves a concurrency slot taken,
// and a domain list with a typo says so instead of refusing everything in silence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWx, refererGuard, WxnetError } from '../pkg/node.mjs';
import { startHttpServer } from './helpers/wx-servers.mjs';

let server;
before(async () => { server = await startHttpServer(); });
after(() => server.close());

function call(api, option) {
  return new Promise((resolve) => {
    const seen = { success: [], fail: [], complete: [] };
    api({
      ...option,
      success: (res) => seen.success.push(res),
      fail: (res) => seen.fail.push(res),
      complete: (res) => { seen.complete.push(res); resolve(seen); },
    });
  });
}

const optionError = (pattern) => (error) => error instanceof WxnetError && error.code === 'wx/options' && pattern.test(error.message);

test('every wrong option throws wx/options at createWx, naming the option', () => {
  const cases = [
    [{ urlCheck: 'false' }, /options\.urlCheck must be a boolean/],
    [{ wssPortCheck: 'yes' }, /options\.wssPortCheck must be a boolean/],
    [{ domains: 'x' }, /options\.domains must be an object/],
    [{ domains: ['https://a.com'] }, /options\.domains must be an object/],
    [{ lan: '192.168.1.2/24' }, /options\.lan must be an object/],
    [{ lan: { ip: 'nope' } }, /lan\.ip "nope"/],
    [{ app: '{"networkTimeout":{"request":1000}}' }, /options\.app must be the parsed app\.json/],
    [{ appid: 'WX0123' }, /options\.appid: /],
    [{ appid: 42 }, /options\.appid must be a string/],
    [{ version: '01' }, /options\.version: /],
    [{ limits: 'ab' }, /options\.limits must be an object/],
    [{ limits: { request: 0 } }, /options\.limits\.request must be a positive integer/],
    [{ limits: { requests: 3 } }, /options\.limits\.requests is not a network API/],
    [{ overLimit: 1n }, /options\.overLimit must be 'fail' or 'queue', got 1n/],
    [{ overLimit: 'drop' }, /options\.overLimit must be 'fail' or 'queue'/],
    [{ fetch: 'no' }, /options\.fetch must be a function/],
    [{ WebSocket: {} }, /options\.WebSocket must be a function/],
    [{ fileStore: {} }, /options\.fileStore must have read\(path\) and save/],
    [{ refererHeader: 'Referer' }, /options\.refererHeader must be a header name other than Referer/],
    [{ refererHeader: 'bad header' }, /options\.refererHeader/],
    [{ streamUploads: 1 }, /options\.streamUploads must be a boolean/],
    [{ upstreams: { 'https://a.com/path': 'http://127.0.0.1:1' } }, /options\.upstreams key "https:\/\/a\.com\/path" must be an origin/],
    [{ upstreams: { 'https://a.com': 'ftp://127.0.0.1' } }, /must be an origin/],
    [{ domain: { requestdomain: [] } }, /unknown option "domain"; did you mean domains\?/],
    [{ urlcheck: false }, /unknown option "urlcheck"; did you mean urlCheck\?/],
  ];
  for (const [options, pattern] of cases) {
    assert.throws(() => createWx(options), optionError(pattern), JSON.stringify(options, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)));
  }
  assert.throws(() => createWx('x'), optionError(/options must be an object/));
});

test('rule 4: a non-object app (app.json as text) is refused at creation, so no call can take a slot and throw', () => {
  const text = JSON.stringify({ networkTimeout: { request: 1000 } });
  assert.throws(() => createWx({ app: text }), optionError(/options\.app/));
});

test('rule 6: a transport that throws synchronously never leaves a concurrency slot taken', async () => {
  const { wx, runtime } = createWx({ urlCheck: false, fetch: () => { throw new Error('transport broke'); } });
  for (let round = 0; round < 3; round++) { // 30 calls through 10 slots: a leaked slot would refuse the later rounds
    const results = await Promise.all(Array.from({ length: 10 }, () => call(wx.request, { url: `${server.origin}/echo` })));
    assert.ok(results.every((seen) => seen.complete.length === 1 && /^request:fail transport broke/.test(seen.fail[0]?.errMsg)));
  }
  assert.deepEqual(runtime.inFlight(), { request: 0, uploadFile: 0, downloadFile: 0, connectSocket: 0 });
});

test('rule 6: a throwing network-log listener never leaves a slot taken either', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  runtime.onEvent(() => { throw new Error('panel broke'); });
  const reported = [];
  const original = globalThis.reportError;
  globalThis.reportError = (error) => reported.push(error.message);
  try {
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(Array.from({ length: 10 }, () => call(wx.request, { url: `${server.origin}/status?code=200` })));
      assert.ok(results.every((seen) => seen.success.length === 1));
    }
  } finally {
    globalThis.reportError = original;
  }
  assert.ok(reported.length > 0 && reported.every((message) => message === 'panel broke'));
  assert.equal(runtime.inFlight().request, 0);
});

test('wx.request never throws, whatever it is given', () => {
  const { wx } = createWx({ urlCheck: false });
  for (const option of [undefined, null, 1, 'x', [], { url: 1 }, { url: 'x', header: 'h' }, { url: 'x', timeout: '1' }, { url: 'x', method: 7 }]) {
    assert.doesNotThrow(() => wx.request(option));
    assert.doesNotThrow(() => wx.uploadFile(option));
    assert.doesNotThrow(() => wx.downloadFile(option));
  }
});

test('rule 1: a domain list with a typo is a warning on the network log and once on the console', async () => {
  const warnings = [];
  const original = console.warn;
  console.warn = (message) => warnings.push(message);
  try {
    const { wx, runtime } = createWx({ domains: { requestDomain: ['https://api.example.test'] } });
    createWx({ domains: { requestDomain: ['https://api.example.test'] } }); // the same typo again: not repeated
    const events = [];
    runtime.onEvent((event) => events.push(event));
    assert.equal(events[0].type, 'warning');
    assert.equal(events[0].code, 'wxnet/domain-field');
    assert.match(events[0].message, /options\.domains: "requestDomain" is not a domain list.*Did you mean requestdomain\?/);
    const seen = await call(wx.request, { url: 'https://api.example.test/' });
    assert.equal(seen.fail[0].errMsg, 'request:fail url not in domain list');
    const { runtime: stringList } = createWx({ domains: { requestdomain: 'https://api.example.test' } });
    const more = [];
    stringList.onEvent((event) => more.push(event));
    assert.match(more[0].message, /requestdomain must be an array of strings, got string/);
  } finally {
    console.warn = original;
  }
  assert.equal(warnings.filter((line) => line.includes('requestDomain')).length, 1);
  assert.ok(warnings.some((line) => line.includes('requestdomain must be an array')));
  const clean = [];
  createWx({ domains: { requestdomain: ['https://api.example.test'] } }).runtime.onEvent((event) => clean.push(event));
  assert.deepEqual(clean, [], 'a clean list gives no warning');
});

test('rule 5: refererGuard checks its options: not an object, or a malformed AppID, is a WxnetError', () => {
  assert.throws(() => refererGuard(null), { name: 'WxnetError', code: 'referer/options' });
  assert.throws(() => refererGuard('wx0123456789abcdef'), { name: 'WxnetError', code: 'referer/options' });
  assert.throws(() => refererGuard({ appids: ['WX'] }), { name: 'WxnetError', code: 'referer/options', message: /options\.appids\[0\]: / });
  assert.doesNotThrow(() => refererGuard({ appids: ['wx0123456789abcdef', 'touristappid'] }));
});

test('a body too large for the core, and running out of wasm memory, are WxnetErrors; the instance goes on', async () => {
  // In a child process, so that the memory grown here is not this process's.
  const script = `
    import { decodeBody, WxnetError } from ${JSON.stringify(new URL('../pkg/node.mjs', import.meta.url).href)};
    const gbk = { contentType: 'text/plain; charset=gbk' };
    const codes = [];
    for (const size of [600_000_000, 3_900_000_000]) {
      try { decodeBody(new Uint8Array(size), gbk); codes.push('no error'); }
      catch (error) { codes.push(error instanceof WxnetError ? error.code : 'raw ' + error.constructor.name); }
    }
    codes.push(decodeBody(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4), gbk).data);
    console.log(codes.join(' '));`;
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(child.stdout.trim(), 'body/too-large wasm/out-of-memory 中文', child.stderr.slice(0, 500));
});
