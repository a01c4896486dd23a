// The dev proxy (wxnet/proxy, RULES.md §14) with Node's createWx({ proxy }): a real
// backend on 127.0.0.1 records what the proxy forwards. The browser, Vite and
// webpack-dev-server run in tests/proxy-browser.test.mjs; the spawned CLI and the
// Taro/uni objects are at the end of this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import WebSocket from 'ws';
import { createWx } from '../pkg/node.mjs';
import { checkResolvedAddress } from '../pkg/tools-node.mjs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createProxy, startProxyServer } from '../pkg/proxy.mjs';
import { installWx } from '../pkg/h5.mjs';
import { APPID, DOMAINS, LISTED, PLATFORM_REFERER, startBackend } from './helpers/proxy-backend.mjs';
import { repoRoot } from './helpers/browser.mjs';

let backend;
let proxyServer;
const events = [];

before(async () => {
  backend = await startBackend();
  proxyServer = await startProxyServer({ port: 0, domains: DOMAINS, appid: APPID, upstreams: backend.upstreams, log: (event) => events.push(event) });
});
after(async () => {
  await proxyServer?.close();
  await backend?.close();
});

const call = (wx, api, option) => new Promise((resolve) => {
  wx[api]({ ...option, success: (res) => resolve({ ok: true, res }), fail: (res) => resolve({ ok: false, res }) });
});
const proxied = (options = {}) => createWx({ proxy: proxyServer.url, appid: APPID, ...options }).wx;

test('rule 14: a proxied request reaches the backend with the platform Referer, Host set, no Origin, the code\'s cookie; res.cookies is filled', async () => {
  const wx = proxied();
  const { ok, res } = await call(wx, 'request', {
    url: `https://${LISTED}/echo?q=1`, method: 'POST', data: { a: 1 },
    header: { cookie: 'token=from-code', Origin: 'http://localhost:5173', Referer: 'http://localhost:5173/index.html' },
  });
  assert.equal(ok, true, res.errMsg);
  assert.equal(res.errMsg, 'request:ok');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.data, {
    path: '/echo?q=1', method: 'POST', referer: PLATFORM_REFERER, origin: null, cookie: 'token=from-code',
    host: new URL(backend.origin).host, body: '{"a":1}',
  });
  assert.deepEqual(res.cookies, ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2099 07:28:00 GMT']);
  assert.equal(Object.keys(res.header).some((name) => name.startsWith('x-wxnet-')), false, 'no wire header reaches the code');
  assert.ok(events.some((e) => e.kind === 'forwarded' && e.url === `https://${LISTED}/echo?q=1` && e.status === 200));
});

test('rule 1 and 14: an unlisted URL fails with the phone\'s errMsg from the proxy and never reaches the backend', async () => {
  const before = backend.seen.length;
  const { ok, res } = await call(proxied(), 'request', { url: 'https://unlisted.example.test/echo' });
  assert.equal(ok, false);
  assert.deepEqual(res, { errMsg: 'request:fail url not in domain list', errno: 600002 });
  const invalid = await call(proxied(), 'request', { url: '/relative' });
  assert.equal(invalid.res.errMsg, 'request:fail invalid url "/relative"');
  assert.equal(backend.seen.length, before);
  assert.ok(events.some((e) => e.kind === 'refused' && e.reason === 'not-listed'));
});

test('rule 14: the proxy itself refuses an unlisted URL from any client (a page can bypass the shim)', async () => {
  const target = `${proxyServer.url}?api=request&url=${encodeURIComponent('https://unlisted.example.test/')}`;
  const response = await fetch(target);
  assert.equal(response.status, 403);
  assert.equal(response.headers.get('x-wxnet-refused'), '1');
  assert.deepEqual(await response.json(), { errMsg: 'request:fail url not in domain list', errno: 600002 });
  const wrongMethod = await fetch(`${proxyServer.url}?api=downloadFile&url=${encodeURIComponent(`https://${LISTED}/download`)}`, { method: 'POST', body: 'x' });
  assert.deepEqual(await wrongMethod.json(), { errMsg: 'downloadFile:fail method is invalid' });
});

test('rule 1 and 14: redirects come back to the shim; a listed hop is followed, an unlisted one fails', async () => {
  const here = await call(proxied(), 'request', { url: `https://${LISTED}/redirect-here` });
  assert.equal(here.res.statusCode, 200);
  assert.equal(here.res.data.path, '/echo?redirected=1');
  const away = await call(proxied(), 'request', { url: `https://${LISTED}/redirect-away` });
  assert.deepEqual(away.res, { errMsg: 'request:fail redirect url not in domain list:unlisted.example.test' });
});

test('rule 9 and 14: uploadFile (multipart) and downloadFile through the proxy', async () => {
  const { wx, runtime } = createWx({ proxy: proxyServer.url, appid: APPID });
  const filePath = await runtime.fileStore.save(new Uint8Array(1000).fill(1), { extension: '.png' });
  const upload = await call(wx, 'uploadFile', { url: `https://${LISTED}/upload`, filePath, name: 'file', formData: { k: 'v' } });
  assert.equal(upload.res.errMsg, 'uploadFile:ok');
  const sent = JSON.parse(upload.res.data);
  assert.deepEqual(sent.fields, { k: 'v' });
  assert.equal(sent.files.file.size, 1000);
  assert.equal(sent.referer, PLATFORM_REFERER);
  const download = await call(wx, 'downloadFile', { url: `https://${LISTED}/download` });
  assert.equal(download.res.errMsg, 'downloadFile:ok');
  assert.equal(download.res.dataLength, 300000);
});

test('rule 5 and 14: a WebSocket through the proxy carries the Referer and the code\'s headers, passes subprotocols, drops Origin', async () => {
  const wx = proxied({ WebSocket });
  const task = wx.connectSocket({ url: `wss://${LISTED}/chat?room=1`, protocols: ['chat'], header: { cookie: 'ws=1', 'x-app': 'yes' } });
  const [opened] = await new Promise((resolve) => task.onOpen((event) => resolve([event])));
  assert.ok(opened);
  const message = new Promise((resolve) => task.onMessage(({ data }) => resolve(data)));
  task.send({ data: 'hi' });
  assert.equal(await message, 'echo:hi');
  const handshake = backend.handshakes.at(-1);
  assert.equal(handshake.path, '/chat?room=1');
  assert.equal(handshake.headers.referer, PLATFORM_REFERER);
  assert.equal(handshake.headers.cookie, 'ws=1');
  assert.equal(handshake.headers['x-app'], 'yes');
  assert.equal(handshake.headers.origin, undefined);
  assert.equal(handshake.protocol, 'chat');
  assert.equal(handshake.headers['sec-websocket-protocol'], 'chat', 'the marker subprotocol stays in the proxy');
  task.close({});
});

test('rule 14: a refused WebSocket reports the proxy\'s errMsg in onError, then onClose', async () => {
  const wx = proxied({ WebSocket });
  const before = backend.handshakes.length;
  const task = wx.connectSocket({ url: 'wss://unlisted.example.test/' });
  const opened = [];
  task.onOpen(() => opened.push(1));
  const [error, closed] = await Promise.all([new Promise((resolve) => task.onError(resolve)), new Promise((resolve) => task.onClose(resolve))]);
  assert.equal(closed.code, 1001);
  assert.equal(error.errMsg, 'connectSocket:fail url not in domain list');
  assert.deepEqual(opened, []);
  assert.equal(backend.handshakes.length, before);
});

test('rule 14: a listed host that resolves to a loopback or private address (no upstreams mapping) is refused at connect time', async () => {
  for (const [address, family, expected] of [
    ['127.0.0.1', 4, 'loopback'], ['::ffff:127.0.0.1', 6, 'loopback'], ['10.1.2.3', 4, 'private'], ['169.254.169.254', 4, 'link-local'],
  ]) {
    const lookups = [];
    const lookup = (hostname, options, callback) => {
      lookups.push(hostname);
      return options.all ? callback(null, [{ address, family }]) : callback(null, address, family);
    };
    const server = await startProxyServer({ port: 0, domains: DOMAINS, log: false, lookup });
    try {
      const { res } = await call(createWx({ proxy: server.url }).wx, 'request', { url: `https://${LISTED}/echo` });
      assert.equal(res.errMsg, `request:fail wxnet proxy: ${LISTED} resolves to ${address} (${expected}), which it does not forward to`);
      assert.deepEqual(lookups, [LISTED], 'resolved once, when connecting');
    } finally {
      await server.close();
    }
  }
});

test('rule 14: a socket to a listed host resolving to loopback is refused with the errMsg; a header the page forged with CR/LF is left out', async () => {
  const lookup = (hostname, options, callback) => (options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4));
  const server = await startProxyServer({ port: 0, domains: DOMAINS, log: false, lookup });
  try {
    const task = createWx({ proxy: server.url, WebSocket }).wx.connectSocket({ url: `wss://${LISTED}/` });
    const error = await new Promise((resolve) => task.onError(resolve));
    assert.equal(error.errMsg, `connectSocket:fail wxnet proxy: ${LISTED} resolves to 127.0.0.1 (loopback), which it does not forward to`);
  } finally {
    await server.close();
  }
  const forged = JSON.stringify({ 'x-ok': 'yes', 'x-bad': 'a\r\nInjected: 1', 'bad name': '1' });
  const raw = new WebSocket(`${proxyServer.url.replace('http', 'ws')}?api=connectSocket&url=${encodeURIComponent(`wss://${LISTED}/forged`)}&header=${encodeURIComponent(forged)}`);
  await new Promise((resolve, reject) => { raw.once('open', resolve); raw.once('error', reject); });
  raw.close();
  const handshake = backend.handshakes.at(-1);
  assert.equal(handshake.path, '/forged');
  assert.equal(handshake.headers['x-ok'], 'yes');
  assert.equal(handshake.headers['x-bad'], undefined);
  assert.equal(handshake.headers.injected, undefined);
});

test('rule 2 and 14: the LAN rule lets a LAN peer through the address check, never loopback', async () => {
  assert.deepEqual(checkResolvedAddress('request', LISTED, '192.168.1.20', { ip: '192.168.1.10' }), { allowed: true, class: 'private' });
  assert.equal(checkResolvedAddress('request', LISTED, '192.168.1.20').allowed, false);
  assert.equal(checkResolvedAddress('request', LISTED, '::ffff:192.168.1.10', { ip: '192.168.1.10' }).allowed, false, 'the phone\'s own IP');
  assert.throws(() => checkResolvedAddress('request', LISTED, '192.168.1.20', { ip: '192.168.1.300' }), { code: 'arg/lan' });
  assert.throws(() => checkResolvedAddress('fetch', LISTED, '192.168.1.20'), { code: 'arg/api' });
  const lookup = (hostname, options, callback) => (options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4));
  // 127.0.0.1 is loopback: never a LAN peer, even inside the LAN's subnet.
  const server = await startProxyServer({ port: 0, domains: DOMAINS, log: false, lookup, lan: { ip: '127.0.0.5/8' } });
  try {
    const { res } = await call(createWx({ proxy: server.url }).wx, 'request', { url: `https://${LISTED}/echo` });
    assert.match(res.errMsg, /\(loopback\)/);
  } finally {
    await server.close();
  }
});

test('rule 14: createProxy options are checked; the standalone server answers only a loopback Host', async () => {
  assert.throws(() => createProxy({ domian: {} }), (e) => e.code === 'proxy/options' && /unknown option "domian"/.test(e.message));
  assert.throws(() => createProxy({ appid: 'nope' }), (e) => e.code === 'proxy/options' && /options\.appid/.test(e.message));
  assert.throws(() => createProxy({ upstreams: { [LISTED]: 'ftp://x' } }), (e) => e.code === 'proxy/options' && /upstreams/.test(e.message));
  assert.throws(() => createWx({ proxy: '/__wxnet' }), (e) => e.code === 'wx/options' && /absolute URL/.test(e.message));
  assert.throws(() => createProxy({ allowedHosts: 'x' }), (e) => e.code === 'proxy/options' && /allowedHosts/.test(e.message));
  const rebound = await new Promise((resolve, reject) => {
    httpRequest(`${proxyServer.url}?api=request&url=x`, { headers: { host: 'rebound.attacker.example' } }, (res) => { res.resume(); resolve(res.statusCode); })
      .on('error', reject).end();
  });
  assert.equal(rebound, 421, 'a DNS-rebound name pointing at the proxy gets nothing');
});

test('rule 14: mounted in a dev server, the proxy serves no DNS-rebound Host and no cross-site page (HTTP and WebSocket)', async () => {
  const proxy = createProxy({ domains: DOMAINS, upstreams: backend.upstreams, log: false, allowedHosts: ['dev.example.test'] });
  const server = createHttpServer((req, res) => proxy(req, res, () => { res.statusCode = 404; res.end(); }));
  server.on('upgrade', (req, socket, head) => proxy.upgrade(req, socket, head) || socket.destroy());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/__wxnet?api=request&url=${encodeURIComponent(`https://${LISTED}/echo`)}`;
  const send = (headers) => new Promise((resolve, reject) => {
    httpRequest(base, { headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    }).on('error', reject).end();
  });
  try {
    const before = backend.seen.length;
    const rebound = await send({ host: 'rebound.attacker.example' });
    assert.equal(rebound.status, 403);
    assert.match(JSON.parse(rebound.text).errMsg, /Host "rebound\.attacker\.example" is not an IP address, localhost or one of allowedHosts/);
    const crossSite = await send({ origin: 'https://evil.example' });
    assert.equal(crossSite.status, 403);
    assert.match(JSON.parse(crossSite.text).errMsg, /a page on https:\/\/evil\.example may not use this proxy/);
    assert.equal(backend.seen.length, before, 'neither reached the backend');
    assert.equal((await send({ host: 'dev.example.test:5173', origin: 'http://dev.example.test:5173' })).status, 200, 'an allowed host');
    assert.equal((await send({ host: 'localhost:5173', origin: 'http://127.0.0.1:8080' })).status, 200, 'a loopback page');
    const socketOrigin = `ws://127.0.0.1:${server.address().port}/__wxnet?api=connectSocket&url=${encodeURIComponent(`wss://${LISTED}/`)}`;
    const hijack = new WebSocket(socketOrigin, { origin: 'https://evil.example' });
    const outcome = await new Promise((resolve) => { hijack.once('open', () => resolve('open')); hijack.once('error', (error) => resolve(error.message)); });
    assert.match(outcome, /403/);
  } finally {
    proxy.close();
    server.closeAllConnections();
    server.close();
  }
});

test('rule 14: close() frees every socket: a process that used the proxy exits by itself', async () => {
  const script = `
    import { createWx } from './pkg/node.mjs';
    import { createProxy } from './pkg/proxy.mjs';
    import { createServer } from 'node:http';
    const backend = createServer((req, res) => res.end('{"ok":true}'));
    await new Promise((r) => backend.listen(0, '127.0.0.1', r));
    const proxy = createProxy({ domains: { requestdomain: ['https://a.example.test'] }, upstreams: { 'a.example.test': 'http://127.0.0.1:' + backend.address().port }, log: false });
    const front = createServer((req, res) => proxy(req, res, () => res.end()));
    await new Promise((r) => front.listen(0, '127.0.0.1', r));
    const { wx } = createWx({ proxy: 'http://127.0.0.1:' + front.address().port + '/__wxnet' });
    await new Promise((resolve, reject) => wx.request({ url: 'https://a.example.test/', success: resolve, fail: (e) => reject(new Error(e.errMsg)) }));
    proxy.close();
    front.close(); front.closeAllConnections();
    backend.close(); backend.closeAllConnections();
    console.log('done');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const timer = setTimeout(() => child.kill(), 10_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  assert.equal(code, 0, output);
  assert.match(output, /done/);
});

test('rule 14: `wxnet proxy` serves Node createWx with an absolute proxy URL and stops cleanly on SIGTERM', async () => {
  const domainsFile = new URL('./data/proxy-domains.json', import.meta.url).pathname;
  const child = spawn(process.execPath, [`${repoRoot}/pkg/cli.mjs`, 'proxy', '--port', '0', '--domains', domainsFile, '--appid', APPID,
    '--upstream', `${LISTED}=${backend.origin}`], { cwd: repoRoot });
  let output = '';
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(output)));
  });
  const { res } = await call(createWx({ proxy: url, appid: APPID }).wx, 'request', { url: `https://${LISTED}/echo` });
  assert.equal(res.data.referer, PLATFORM_REFERER);
  const refused = await call(createWx({ proxy: url }).wx, 'request', { url: 'https://unlisted.example.test/' });
  assert.equal(refused.res.errMsg, 'request:fail url not in domain list');
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, output);
  assert.match(output, /forwarded GET request https:\/\/api\.example\.test\/echo -> 200/);
  assert.match(output, /refused GET request https:\/\/unlisted\.example\.test\/: request:fail url not in domain list \[not-listed\]/);
});

test('rule 14: `wxnet proxy` errors: a bad option is exit 2 with a message, never a stack trace', async () => {
  for (const args of [['--port', 'x'], ['--upstream', 'nohost'], ['--appid', 'bad'], ['extra']]) {
    const child = spawn(process.execPath, [`${repoRoot}/pkg/cli.mjs`, 'proxy', ...args], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const [code] = await once(child, 'exit');
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, /^wxnet proxy: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});

/** A Taro-like object: what Taro H5's runtime exposes, with its own (unchecked) network APIs. */
function taroLike() {
  class Link {
    constructor(interceptor) { this.interceptor = interceptor; this.interceptors = []; }
    addInterceptor(fn) { this.interceptors.push(fn); }
    cleanInterceptors() { this.interceptors = []; }
    request(requestParams) {
      const chain = (index, params) => (index < this.interceptors.length
        ? this.interceptors[index]({ requestParams: params, proceed: (next) => chain(index + 1, next) })
        : this.interceptor({ requestParams: params }));
      return chain(0, requestParams);
    }
  }
  const fetchOnly = () => Promise.reject(new Error('the original ran'));
  return { ENV_TYPE: { WEB: 'WEB' }, getEnv: () => 'WEB', Link, request: fetchOnly, uploadFile: fetchOnly, downloadFile: fetchOnly, connectSocket: fetchOnly, addInterceptor() {} };
}

function uniLike() {
  const original = () => { throw new Error('the original ran'); };
  return { $on() {}, $emit() {}, addInterceptor() {}, request: original, uploadFile: original, downloadFile: original, connectSocket: original };
}

test('rule 14: installWx patches a Taro-style object: promises with abort, interceptors, the phone\'s errMsgs', async () => {
  const Taro = taroLike();
  const { uninstall } = installWx(Taro, { proxy: proxyServer.url, appid: APPID, WebSocket });
  Taro.addInterceptor((chain) => chain.proceed({ ...chain.requestParams, header: { cookie: 'via=interceptor' } }));
  const res = await Taro.request({ url: `https://${LISTED}/echo` });
  assert.equal(res.errMsg, 'request:ok');
  assert.equal(res.data.referer, PLATFORM_REFERER);
  assert.equal(res.data.cookie, 'via=interceptor');
  const byUrl = await Taro.request(`https://${LISTED}/echo?form=string`);
  assert.equal(byUrl.data.path, '/echo?form=string');
  await assert.rejects(Taro.request({ url: 'https://unlisted.example.test/' }), (e) => e.errMsg === 'request:fail url not in domain list');
  const aborted = Taro.request({ url: `https://${LISTED}/echo` });
  aborted.abort();
  await assert.rejects(aborted, (e) => e.errMsg === 'request:fail abort');
  const download = Taro.downloadFile({ url: `https://${LISTED}/download` });
  assert.equal(typeof download.progress, 'function');
  assert.equal((await download).errMsg, 'downloadFile:ok');
  const socket = await Taro.connectSocket({ url: `wss://${LISTED}/taro` });
  // The socket may open before the Promise hands it over (as in Taro H5 itself).
  if (socket.readyState !== 1) await new Promise((resolve) => socket.onOpen(resolve));
  const echoed = new Promise((resolve) => socket.onMessage(({ data }) => resolve(data)));
  socket.send({ data: 'taro' });
  assert.equal(await echoed, 'echo:taro');
  assert.equal(backend.handshakes.at(-1).headers.referer, PLATFORM_REFERER);
  socket.close({});
  uninstall();
  await assert.rejects(Taro.request({ url: 'x' }), /the original ran/);
});

test('rule 14: installWx patches a uni-style object: a task with callbacks, a Promise without', async () => {
  const uni = uniLike();
  installWx(uni, { proxy: proxyServer.url, appid: APPID });
  const res = await uni.request({ url: `https://${LISTED}/echo` });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.cookies, ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2099 07:28:00 GMT']);
  const failed = await new Promise((resolve) => {
    const task = uni.request({ url: 'https://unlisted.example.test/', fail: resolve });
    assert.equal(typeof task.abort, 'function', 'with callbacks, the task');
  });
  assert.deepEqual(failed, { errMsg: 'request:fail url not in domain list', errno: 600002 });
  await assert.rejects(uni.downloadFile({ url: 'https://unlisted.example.test/x' }), (e) => e.errMsg === 'downloadFile:fail url not in domain list');
  assert.throws(() => installWx({}, {}), (e) => e.code === 'h5/target');
});
