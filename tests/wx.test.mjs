// wx.request and the shared machinery (limits, timeouts, background, Referer, the
// network log) against a real HTTP server on 127.0.0.1. Rule numbers: RULES.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWx, checkUrl, buildReferer, WxnetError } from '../pkg/node.mjs';
import { startHttpServer, mappedFetch } from './helpers/wx-servers.mjs';

let server;
before(async () => { server = await startHttpServer(); });
after(() => server.close());

/** Runs one wx call and resolves with what its callbacks saw. */
function call(api, option) {
  return new Promise((resolve) => {
    const seen = { success: [], fail: [], complete: [] };
    const task = api({
      ...option,
      success: (res) => seen.success.push(res),
      fail: (res) => seen.fail.push(res),
      complete: (res) => { seen.complete.push(res); setTimeout(() => resolve({ ...seen, task }), 20); },
    });
    seen.task = task;
  });
}

const unchecked = (extra = {}) => createWx({ urlCheck: false, ...extra });

test('rule 7: success for every HTTP response whatever its status, complete exactly once after it', async () => {
  const { wx } = unchecked();
  for (const code of [200, 204, 302, 404, 500, 503]) {
    const seen = await call(wx.request, { url: `${server.origin}/status?code=${code}` });
    assert.equal(seen.success.length, 1, `status ${code}`);
    assert.equal(seen.fail.length, 0);
    assert.equal(seen.complete.length, 1);
    assert.equal(seen.success[0].statusCode, code);
    assert.equal(seen.success[0].errMsg, 'request:ok');
    assert.equal(seen.complete[0], seen.success[0]);
  }
});

test('rule 7: fail only when no response arrived (connection reset), complete exactly once', async () => {
  const { wx } = unchecked();
  const seen = await call(wx.request, { url: `${server.origin}/reset`, method: 'POST', data: { a: 1 } });
  assert.equal(seen.success.length, 0);
  assert.equal(seen.fail.length, 1);
  assert.equal(seen.complete.length, 1);
  assert.match(seen.fail[0].errMsg, /^request:fail /);
});

test('rule 7: callbacks never run synchronously inside the call, even for immediate failures', async () => {
  const { wx } = createWx({ domains: { requestdomain: ['https://api.example.test'] } });
  const order = [];
  wx.request({ url: 'https://unlisted.example.test/', complete: () => order.push('refused') });
  wx.request({ complete: () => order.push('parameter') });
  wx.request({ url: 'https://api.example.test/', method: 'PATCHY', complete: () => order.push('method') });
  order.push('returned');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(order, ['returned', 'refused', 'parameter', 'method']);
});

test('rule 1: a URL the core refuses fails with its exact errMsg and errno and never touches the network', async () => {
  const domains = { requestdomain: ['https://api.example.test'] };
  const { wx } = createWx({ domains });
  const hits = server.stats.hits;
  for (const url of [`${server.origin}/echo`, 'https://api.example.test:443/echo', 'https://other.example.test/echo', 'ftp://api.example.test/']) {
    const seen = await call(wx.request, { url });
    const verdict = checkUrl('request', url, { domains, urlCheck: true });
    assert.equal(verdict.ok, false, url);
    assert.equal(seen.fail.length, 1, url);
    assert.equal(seen.fail[0].errMsg, verdict.errMsg, url);
    assert.equal(seen.fail[0].errno, verdict.errno, url);
  }
  const invalid = await call(wx.request, { url: 'not a url' });
  assert.equal(invalid.fail[0].errMsg, 'request:fail invalid url "not a url"');
  assert.equal(invalid.fail[0].errno, 600009);
  const unlisted = await call(wx.request, { url: 'https://other.example.test/' });
  assert.equal(unlisted.fail[0].errMsg, 'request:fail url not in domain list');
  assert.equal(unlisted.fail[0].errno, 600002);
  assert.equal(server.stats.hits, hits, 'no refused call reached the server');
});

test('rule 1: a listed domain goes through end to end (fetch maps api.example.test to the local server)', async () => {
  const asked = [];
  const { wx } = createWx({ domains: { requestdomain: ['https://api.example.test'] }, fetch: mappedFetch(server.origin, 'api.example.test', asked) });
  const seen = await call(wx.request, { url: 'https://api.example.test/echo?x=1' });
  assert.equal(seen.success.length, 1, seen.fail[0]?.errMsg);
  assert.equal(seen.success[0].data.url, '/echo?x=1');
  assert.deepEqual(asked, ['https://api.example.test/echo?x=1']);
});

test('rule 1: a redirect to an unlisted host fails with redirect url not in domain list:<host> before it is requested', async () => {
  const asked = [];
  const { wx } = createWx({ domains: { requestdomain: ['https://api.example.test'] }, fetch: mappedFetch(server.origin, 'api.example.test', asked) });
  const away = `https://api.example.test/redirect?to=${encodeURIComponent('https://evil.example.test/steal')}`;
  const refused = await call(wx.request, { url: away });
  assert.deepEqual(refused.fail, [{ errMsg: 'request:fail redirect url not in domain list:evil.example.test' }]);
  assert.deepEqual(asked, [away], 'the unlisted host was never asked for');
  const home = `https://api.example.test/redirect?code=303&to=${encodeURIComponent('https://api.example.test/echo?via=303')}`;
  const followed = await call(wx.request, { url: home, method: 'POST', data: { a: 1 } });
  assert.equal(followed.success[0].statusCode, 200);
  assert.equal(followed.success[0].data.url, '/echo?via=303');
  assert.equal(followed.success[0].data.method, 'GET', '303 continues as GET');
  const download = await call(createWx({ domains: { downloaddomain: ['https://api.example.test'] }, fetch: mappedFetch(server.origin) }).wx.downloadFile, { url: away });
  assert.deepEqual(download.fail, [{ errMsg: 'downloadFile:fail redirect url not in domain list:evil.example.test' }]);
});

test('rule 2: with a LAN context a peer in the subnet is reached over plain http without a list; the own IP is refused', async () => {
  const peer = 'http://192.168.1.20';
  const asked = [];
  const lanFetch = (url, init) => { // the "peer" is the local server; nothing else may be fetched
    asked.push(String(url));
    if (!String(url).startsWith(peer)) throw new TypeError(`test fetch refuses ${url}`);
    return fetch(String(url).replace(peer, server.origin), init);
  };
  const { wx } = createWx({ lan: { ip: '192.168.1.10/24' }, fetch: lanFetch });
  const reached = await call(wx.request, { url: `${peer}/status?code=200` });
  assert.equal(reached.success[0]?.statusCode, 200, reached.fail[0]?.errMsg);
  const own = await call(wx.request, { url: 'http://192.168.1.10/status' });
  assert.equal(own.fail[0].errno, 600002);
  const outside = await call(wx.request, { url: 'http://192.168.2.20/status' });
  assert.equal(outside.fail[0].errno, 600002);
  assert.deepEqual(asked, [`${peer}/status?code=200`], 'refused addresses were never fetched');
});

test('rule 3: urlCheck false lets a loopback http URL through', async () => {
  const { wx } = createWx({ urlCheck: false });
  const seen = await call(wx.request, { url: `${server.origin}/status?code=200` });
  assert.equal(seen.success[0].statusCode, 200);
  const checked = await call(createWx({}).wx.request, { url: `${server.origin}/status?code=200` });
  assert.equal(checked.fail.length, 1, 'with urlCheck on, loopback is refused');
});

test('rule 4: a per-call timeout fails with request:fail timeout and cancels the transport', async () => {
  const { wx, runtime } = unchecked();
  const started = performance.now();
  const seen = await call(wx.request, { url: `${server.origin}/slow?ms=2000`, timeout: 150 });
  assert.equal(seen.fail[0].errMsg, 'request:fail timeout');
  assert.equal(seen.success.length, 0);
  assert.ok(performance.now() - started < 1500);
  assert.equal(runtime.inFlight().request, 0);
});

test('rule 4: a stopped call cuts its connection at once, with the Node transport and with an injected fetch', async () => {
  server.stats.closed = [];
  const closedAfter = async (options, tag) => {
    const { wx } = unchecked(options);
    const started = performance.now();
    const seen = await call(wx.request, { url: `${server.origin}/slow?ms=700&tag=${tag}`, timeout: 100 });
    assert.deepEqual(seen.fail, [{ errMsg: 'request:fail timeout' }]);
    while (!server.stats.closed.some((c) => c.url.endsWith(tag))) await new Promise((resolve) => setTimeout(resolve, 10));
    const closed = server.stats.closed.find((c) => c.url.endsWith(tag));
    return { after: closed.time - started, finished: closed.finished };
  };
  for (const [tag, options] of [['node', {}], ['fetch', { fetch: (url, init) => fetch(url, init) }]]) {
    const { after, finished } = await closedAfter(options, tag);
    assert.ok(after < 500 && !finished, `${tag}: closed after ${after} ms`);
  }
  delete server.stats.closed;
});

test('a Node process exits right after a timed-out request to a server that never answers', async () => {
  const script = `
    import { createServer } from 'node:http';
    import { createWx } from ${JSON.stringify(new URL('../pkg/node.mjs', import.meta.url).href)};
    const server = createServer(() => {});
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      createWx({ urlCheck: false }).wx.request({ url: 'http://127.0.0.1:' + server.address().port + '/', timeout: 100,
        fail: (r) => console.log(r.errMsg) });
    });`;
  const started = performance.now();
  const { stdout } = await new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 }, (error, out) => (error ? reject(error) : resolve({ stdout: out })));
  });
  assert.equal(stdout.trim(), 'request:fail timeout');
  assert.ok(performance.now() - started < 5000, 'the abandoned connection kept the process alive');
});

test('rule 6: after runtime.hide() an idle Node process exits at once; the 5 s background timer does not hold it', async () => {
  const script = `
    import { createWx } from ${JSON.stringify(new URL('../pkg/node.mjs', import.meta.url).href)};
    const { runtime } = createWx({ urlCheck: false });
    runtime.hide();
    console.log('hidden');`;
  const started = performance.now();
  const { stdout } = await new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 }, (error, out) => (error ? reject(error) : resolve({ stdout: out })));
  });
  assert.equal(stdout.trim(), 'hidden');
  assert.ok(performance.now() - started < 2500, `the process lived ${Math.round(performance.now() - started)} ms`);
});

test('rule 6: a call still running when the app is hidden is interrupted after 5 s (the timer works when something is alive)', async () => {
  const { wx, runtime } = unchecked();
  const pending = call(wx.request, { url: `${server.origin}/slow?ms=8000`, timeout: 20000 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  runtime.hide();
  const seen = await pending;
  runtime.show();
  assert.deepEqual(seen.fail, [{ errMsg: 'request:fail interrupted', errno: 600003 }]);
});

test('rule 1: with upstreams the checks see the listed URL, and a same-server redirect (absolute or relative) is judged on the listed host', async () => {
  const { wx } = createWx({ domains: { requestdomain: ['https://api.example.test'] }, upstreams: { 'https://api.example.test': server.origin } });
  for (const to of ['/echo?via=relative', `${server.origin}/echo?via=absolute`]) {
    const seen = await call(wx.request, { url: `https://api.example.test/redirect?to=${encodeURIComponent(to)}` });
    assert.equal(seen.success[0]?.statusCode, 200, seen.fail[0]?.errMsg);
    assert.match(seen.success[0].data.url, /^\/echo\?via=/);
  }
  const away = await call(wx.request, { url: `https://api.example.test/redirect?to=${encodeURIComponent('https://evil.example.test/')}` });
  assert.deepEqual(away.fail, [{ errMsg: 'request:fail redirect url not in domain list:evil.example.test' }]);
  const unlisted = await call(wx.request, { url: `${server.origin}/echo` });
  assert.equal(unlisted.fail[0].errno, 600002, 'the upstream itself is not listed');
});

test('rule 4: app.json networkTimeout applies when the call gives none, and the call wins over it', async () => {
  const app = { networkTimeout: { request: 120 } };
  const { wx } = unchecked({ app });
  const fromConfig = await call(wx.request, { url: `${server.origin}/slow?ms=600` });
  assert.equal(fromConfig.fail[0].errMsg, 'request:fail timeout');
  const fromCall = await call(wx.request, { url: `${server.origin}/slow?ms=300`, timeout: 3000 });
  assert.equal(fromCall.success[0].statusCode, 200);
});

test('rule 4: a timeout while the body is still arriving fails too (no complete response)', async () => {
  const { wx } = unchecked();
  const seen = await call(wx.request, { url: `${server.origin}/stall-body`, timeout: 200 });
  assert.equal(seen.fail[0].errMsg, 'request:fail timeout');
});

test('rule 7: task.abort() fails with request:fail abort; abort after completion changes nothing', async () => {
  const { wx } = unchecked();
  const finished = call(wx.request, { url: `${server.origin}/slow?ms=100` });
  const seen = await new Promise((resolve) => {
    const result = { fail: [], complete: [], success: [] };
    const task = wx.request({
      url: `${server.origin}/slow?ms=1000`,
      success: (r) => result.success.push(r), fail: (r) => result.fail.push(r),
      complete: (r) => { result.complete.push(r); setTimeout(() => resolve(result), 30); },
    });
    setTimeout(() => { task.abort(); task.abort(); }, 50);
  });
  assert.deepEqual(seen.fail, [{ errMsg: 'request:fail abort' }]);
  assert.equal(seen.complete.length, 1);
  const done = await finished;
  done.task.abort();
  assert.equal(done.success.length, 1);
  assert.equal(done.complete.length, 1);
});

test('rule 6: over the limit fails with exceed max task count (600007) and in-flight never exceeds it', async () => {
  const { wx, runtime } = unchecked({ limits: { request: 3 } });
  const peaks = [];
  const calls = Array.from({ length: 5 }, () => call(wx.request, { url: `${server.origin}/slow?ms=200` }));
  peaks.push(runtime.inFlight().request);
  const results = await Promise.all(calls);
  assert.equal(peaks[0], 3);
  assert.equal(results.filter((r) => r.success.length === 1).length, 3);
  const refused = results.filter((r) => r.fail.length === 1).map((r) => r.fail[0]);
  assert.deepEqual(refused, [
    { errMsg: 'request:fail exceed max task count', errno: 600007 },
    { errMsg: 'request:fail exceed max task count', errno: 600007 },
  ]);
  assert.equal(runtime.inFlight().request, 0);
});

test('rule 6: the default limit is 10 concurrent requests', async () => {
  const { wx } = unchecked();
  const results = await Promise.all(Array.from({ length: 11 }, () => call(wx.request, { url: `${server.origin}/slow?ms=150` })));
  assert.equal(results.filter((r) => r.success.length === 1).length, 10);
  assert.equal(results[10].fail[0].errno, 600007);
});

test('rule 6: overLimit queue runs every call, never more than the limit at once', async () => {
  const { wx, runtime } = unchecked({ limits: { request: 2 }, overLimit: 'queue' });
  server.stats.opened = [];
  const calls = Array.from({ length: 6 }, (_, i) => call(wx.request, { url: `${server.origin}/slow?ms=80&queued=${i}` }));
  assert.deepEqual([runtime.inFlight().request, runtime.queued().request], [2, 4]);
  const results = await Promise.all(calls);
  assert.ok(results.every((r) => r.success.length === 1 && r.complete.length === 1));
  let live = 0;
  let most = 0;
  for (const entry of server.stats.opened.filter((e) => e.includes('queued='))) {
    live += entry.startsWith('closed ') ? -1 : 1;
    most = Math.max(most, live);
  }
  delete server.stats.opened;
  assert.equal(most, 2, 'the server saw exactly 2 of them at once');
});

test('rule 6: after hide() a call still running 5 s later fails with interrupted (600003); calls while hidden fail at once; show() restores', async () => {
  const { wx, runtime } = unchecked();
  const running = call(wx.request, { url: `${server.origin}/slow?ms=8000`, timeout: 20000 });
  // In queue mode a call still waiting for a slot is interrupted the same way.
  const queueing = unchecked({ overLimit: 'queue', limits: { downloadFile: 1 } });
  const queuedCalls = [0, 1].map(() => call(queueing.wx.downloadFile, { url: `${server.origin}/slow?ms=8000`, timeout: 20000 }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const hiddenAt = performance.now();
  runtime.hide();
  queueing.runtime.hide();
  const whileHidden = await call(wx.request, { url: `${server.origin}/status?code=200` });
  assert.deepEqual(whileHidden.fail, [{ errMsg: 'request:fail interrupted', errno: 600003 }]);
  const interrupted = await running;
  const waited = performance.now() - hiddenAt;
  assert.deepEqual(interrupted.fail, [{ errMsg: 'request:fail interrupted', errno: 600003 }]);
  assert.ok(waited >= 4900 && waited < 6500, `interrupted after ${waited} ms`);
  for (const queued of await Promise.all(queuedCalls)) {
    assert.deepEqual(queued.fail, [{ errMsg: 'downloadFile:fail interrupted', errno: 600003 }]);
  }
  assert.deepEqual(queueing.runtime.queued().downloadFile, 0);
  runtime.show();
  const afterShow = await call(wx.request, { url: `${server.origin}/status?code=200` });
  assert.equal(afterShow.success[0].statusCode, 200);
});

test('rule 6: a call survives a background stay shorter than 5 s', async () => {
  const { wx, runtime } = unchecked();
  const running = call(wx.request, { url: `${server.origin}/slow?ms=400` });
  runtime.hide();
  setTimeout(() => runtime.show(), 100);
  const seen = await running;
  assert.equal(seen.success[0].statusCode, 200);
});

test('rule 5: a caller Referer (any case) is dropped and the platform Referer is sent', async () => {
  const { wx } = unchecked({ appid: 'wx0123456789abcdef', version: 7 });
  const seen = await call(wx.request, { url: `${server.origin}/echo`, header: { REFERER: 'https://evil.example/', referer: 'x', 'X-Custom': 'kept' } });
  const { headers } = seen.success[0].data;
  assert.equal(headers.referer, 'https://servicewechat.com/wx0123456789abcdef/7/page-frame.html');
  assert.equal(headers.referer, buildReferer('wx0123456789abcdef', 7));
  assert.equal(headers['x-custom'], 'kept');
  const devtools = await call(unchecked({ appid: 'wx0123456789abcdef' }).wx.request, { url: `${server.origin}/echo` });
  assert.equal(devtools.success[0].data.headers.referer, 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html');
});

test('rule 5: refererHeader also sends the Referer under a header a dev proxy can read', async () => {
  const { wx } = unchecked({ appid: 'wx0123456789abcdef', refererHeader: 'X-Wxnet-Referer' });
  const seen = await call(wx.request, { url: `${server.origin}/echo` });
  assert.equal(seen.success[0].data.headers['x-wxnet-referer'], 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html');
});

test('rule 5: a bad appid is refused when the shim is created', () => {
  assert.throws(() => createWx({ appid: 'not-an-appid' }),
    (error) => error instanceof WxnetError && error.code === 'wx/options' && /options\.appid: /.test(error.message) && error.cause?.code === 'referer/appid');
});

test('rule 9: methods outside the list fail with request:fail method is invalid, lower case is accepted', async () => {
  const { wx } = unchecked();
  const hits = server.stats.hits;
  const seen = await call(wx.request, { url: `${server.origin}/echo`, method: 'PATCH' });
  assert.deepEqual(seen.fail, [{ errMsg: 'request:fail method is invalid' }]);
  assert.equal(server.stats.hits, hits);
  for (const method of ['get', 'OPTIONS', 'HEAD', 'POST', 'PUT', 'DELETE']) {
    const ok = await call(wx.request, { url: `${server.origin}/echo`, method });
    assert.equal(ok.success[0]?.statusCode, 200, method);
    if (method !== 'HEAD') assert.equal(ok.success[0].data.method, method.toUpperCase());
  }
});

test('rule 9: content-type defaults to application/json; a caller content-type (any case) is kept', async () => {
  const { wx } = unchecked();
  const plain = await call(wx.request, { url: `${server.origin}/echo` });
  assert.equal(plain.success[0].data.headers['content-type'], 'application/json');
  const custom = await call(wx.request, { url: `${server.origin}/echo`, method: 'POST', header: { 'Content-Type': 'text/plain' }, data: 'hi' });
  assert.equal(custom.success[0].data.headers['content-type'], 'text/plain');
  assert.equal(custom.success[0].data.body, 'hi');
});

test('rule 9: data is serialised per method and content type', async () => {
  const { wx } = unchecked();
  const get = await call(wx.request, { url: `${server.origin}/echo?a=1#frag`, data: { q: 'a b&c', n: 2, o: { x: 1 } } });
  assert.equal(get.success[0].data.url, '/echo?a=1&q=a%20b%26c&n=2&o=%7B%22x%22%3A1%7D');
  const getString = await call(wx.request, { url: `${server.origin}/echo`, data: 'raw=1&b=2' });
  assert.equal(getString.success[0].data.url, '/echo?raw=1&b=2');
  const json = await call(wx.request, { url: `${server.origin}/echo`, method: 'POST', data: { a: [1, 2], b: '中' } });
  assert.equal(Buffer.from(json.success[0].data.body, 'latin1').toString(), '{"a":[1,2],"b":"中"}');
  const form = await call(wx.request, { url: `${server.origin}/echo`, method: 'PUT', header: { 'content-type': 'application/x-www-form-urlencoded' }, data: { a: 'x y', b: 2 } });
  assert.equal(form.success[0].data.body, 'a=x%20y&b=2');
  const binary = await call(wx.request, { url: `${server.origin}/echo`, method: 'POST', data: new Uint8Array([0, 255, 1]).buffer });
  assert.equal(binary.success[0].data.length, 3);
  assert.equal(binary.success[0].data.body, '\u0000\u00ff\u0001');
});

test('rule 8: dataType json parses once, falls back to the text, other dataTypes and arraybuffer skip parsing', async () => {
  const { wx } = unchecked();
  const parsed = await call(wx.request, { url: `${server.origin}/status?code=200` });
  assert.deepEqual(parsed.success[0].data, { status: 200 });
  const notJson = await call(wx.request, { url: `${server.origin}/text?body=${encodeURIComponent('{oops')}` });
  assert.equal(notJson.success[0].data, '{oops');
  const text = await call(wx.request, { url: `${server.origin}/status?code=200`, dataType: 'text' });
  assert.equal(text.success[0].data, '{"status":200}');
  const bytes = await call(wx.request, { url: `${server.origin}/bytes?n=5`, responseType: 'arraybuffer' });
  assert.ok(bytes.success[0].data instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(bytes.success[0].data)], [7, 7, 7, 7, 7]);
  const bom = await call(wx.request, { url: `${server.origin}/text?body=${encodeURIComponent('\uFEFF{"a":1}')}` });
  assert.deepEqual(bom.success[0].data, { a: 1 });
});

test('rule 9: the result carries data, statusCode, header, cookies, profile and errMsg', async () => {
  const { wx } = unchecked();
  const seen = await call(wx.request, { url: `${server.origin}/cookies` });
  const result = seen.success[0];
  assert.deepEqual(Object.keys(result).sort(), ['cookies', 'data', 'errMsg', 'header', 'profile', 'statusCode']);
  assert.deepEqual(result.cookies, ['a=1; Path=/', 'b=2; HttpOnly']);
  assert.equal(result.header['content-type'], 'application/json');
  assert.equal(typeof result.profile.responseEnd, 'number');
  assert.ok(result.profile.responseEnd >= result.profile.requestStart);
  assert.equal(result.profile.receivedBytedCount, 11);
});

test('rule 9: RequestTask onHeadersReceived/offHeadersReceived and onChunkReceived with enableChunked', async () => {
  const { wx } = unchecked();
  const headers = [];
  const removed = [];
  const chunks = [];
  const seen = await new Promise((resolve) => {
    const task = wx.request({ url: `${server.origin}/chunks`, enableChunked: true, dataType: 'text', complete: resolve });
    task.onHeadersReceived((event) => headers.push(event));
    const dropped = (event) => removed.push(event);
    task.onHeadersReceived(dropped);
    task.offHeadersReceived(dropped);
    task.onChunkReceived((event) => chunks.push(event.data));
  });
  assert.equal(seen.data, 'one,two,three');
  assert.equal(headers.length, 1);
  assert.equal(headers[0].statusCode, 200);
  assert.equal(headers[0].header['content-type'], 'text/plain');
  assert.deepEqual(headers[0].cookies, []);
  assert.equal(removed.length, 0);
  assert.ok(chunks.length >= 2 && chunks.every((chunk) => chunk instanceof ArrayBuffer));
  assert.equal(Buffer.concat(chunks.map((c) => Buffer.from(c))).toString(), 'one,two,three');
});

test('rule 7: parameter errors are worded as the platform words them (errno 1001), never reaching the network', async () => {
  const { wx } = unchecked();
  const hits = server.stats.hits;
  const missing = await call(wx.request, {});
  assert.deepEqual(missing.fail, [{ errMsg: 'request:fail parameter error: parameter.url should be String instead of Undefined;', errno: 1001 }]);
  const number = await call(wx.request, { url: 42 });
  assert.equal(number.fail[0].errMsg, 'request:fail parameter error: parameter.url should be String instead of Number;');
  const header = await call(wx.request, { url: `${server.origin}/echo`, header: ['x'] });
  assert.equal(header.fail[0].errMsg, 'request:fail parameter error: parameter.header should be Object instead of Array;');
  const first = await call(wx.request, { url: null, header: 'x' });
  assert.equal(first.fail[0].errMsg, 'request:fail parameter error: parameter.url should be String instead of Null;', 'the first wrong field is reported');
  assert.equal(server.stats.hits, hits);
  const task = wx.request();
  assert.equal(typeof task.abort, 'function', 'a task comes back even without options');
});

test('the four APIs return task objects, not Promises', () => {
  const { wx } = createWx({ domains: {} });
  const tasks = [
    wx.request({ url: 'https://a.example.test/' }),
    wx.uploadFile({ url: 'https://a.example.test/', filePath: 'wxfile://x', name: 'f' }),
    wx.downloadFile({ url: 'https://a.example.test/' }),
    wx.connectSocket({ url: 'wss://a.example.test/' }),
  ];
  for (const task of tasks) {
    assert.equal(typeof task.then, 'undefined');
    assert.equal(typeof (task.abort ?? task.close), 'function');
  }
});

test('runtime.onEvent streams a network log: URL, verdict, status, timings, errMsg', async () => {
  const { wx, runtime } = unchecked();
  const events = [];
  const stop = runtime.onEvent((event) => events.push(event));
  await call(wx.request, { url: `${server.origin}/status?code=404` });
  await call(wx.request, { url: `${server.origin}/slow?ms=500`, timeout: 50 });
  stop();
  await call(wx.request, { url: `${server.origin}/status?code=200` });
  assert.deepEqual(events.map((e) => e.type), ['start', 'headers', 'end', 'start', 'end']);
  const [start, , end, , timedOut] = events;
  assert.equal(start.url, `${server.origin}/status?code=404`);
  assert.deepEqual(start.verdict, { ok: true, reason: 'unchecked' });
  assert.equal(end.statusCode, 404);
  assert.equal(end.errMsg, 'request:ok');
  assert.ok(end.timings.end >= end.timings.headers && end.timings.headers >= end.timings.start);
  assert.equal(timedOut.ok, false);
  assert.equal(timedOut.errMsg, 'request:fail timeout');
});

test('runtime.inFlight counts live calls per API', async () => {
  const { wx, runtime } = unchecked();
  assert.deepEqual(runtime.inFlight(), { request: 0, uploadFile: 0, downloadFile: 0, connectSocket: 0 });
  const pending = call(wx.request, { url: `${server.origin}/slow?ms=100` });
  assert.equal(runtime.inFlight().request, 1);
  await pending;
  assert.equal(runtime.inFlight().request, 0);
});

test('a throwing callback does not break the bookkeeping', async () => {
  const { wx, runtime } = unchecked();
  const original = console.error;
  const reported = [];
  console.error = (error) => reported.push(error);
  try {
    const completed = await new Promise((resolve) => {
      wx.request({ url: `${server.origin}/status?code=200`, success: () => { throw new Error('user bug'); }, complete: () => resolve(true) });
    });
    assert.equal(completed, true);
  } finally {
    console.error = original;
  }
  assert.equal(reported[0].message, 'user bug');
  assert.equal(runtime.inFlight().request, 0);
});

test('createWx rejects bad options with a WxnetError naming the option', () => {
  assert.throws(() => createWx({ overLimit: 'drop' }), /overLimit must be 'fail' or 'queue'/);
  assert.throws(() => createWx({ limits: { request: 0 } }), /limits.request must be a positive integer/);
  assert.throws(() => createWx({ fetch: 'no' }), (e) => e instanceof WxnetError && e.code === 'wx/options');
});

test('createWx is the same through require() (CommonJS)', async () => {
  const require = createRequire(import.meta.url);
  const cjs = require('../pkg/node.cjs');
  assert.equal(cjs.createWx, createWx);
  const { wx } = cjs.createWx({ urlCheck: false });
  const seen = await call(wx.request, { url: `${server.origin}/status?code=201` });
  assert.equal(seen.success[0].statusCode, 201);
});
