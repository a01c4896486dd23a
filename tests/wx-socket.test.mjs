// wx.connectSocket, SocketTask and the legacy socket API against a real WebSocket
// server (the `ws` package) on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createWx, WxnetError } from '../pkg/node.mjs';
import { startWebSocketServer, mappedWebSocket } from './helpers/wx-servers.mjs';

let server;
before(async () => { server = await startWebSocketServer(); });
after(() => server.close());

const until = (register) => new Promise((resolve) => register(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function connect(wx, option) {
  const result = { success: [], fail: [], complete: [] };
  const task = wx.connectSocket({
    ...option,
    success: (r) => result.success.push(r), fail: (r) => result.fail.push(r), complete: (r) => result.complete.push(r),
  });
  return { task, result };
}

test('rule 9: connectSocket opens, sends strings and ArrayBuffers, and receives them back', async () => {
  const { wx } = createWx({ urlCheck: false });
  const { task, result } = connect(wx, { url: `${server.origin}/chat`, protocols: ['chat'] });
  const opened = await until((resolve) => task.onOpen(resolve));
  assert.deepEqual(result.success, [{ errMsg: 'connectSocket:ok' }]);
  assert.equal(result.complete.length, 1);
  assert.equal(typeof opened, 'object');
  const messages = [];
  task.onMessage((event) => messages.push(event.data));
  const sent = await until((resolve) => task.send({ data: 'hello', success: resolve }));
  assert.deepEqual(sent, { errMsg: 'sendSocketMessage:ok' });
  task.send({ data: new Uint8Array([1, 2, 3]).buffer });
  while (messages.length < 2) await sleep(10);
  assert.equal(messages[0], 'echo:hello');
  assert.ok(messages[1] instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(messages[1])], [1, 2, 3]);
  assert.equal(server.upgrades.at(-1).protocol, 'chat');
  task.close({});
  await until((resolve) => task.onClose(resolve));
});

test('rule 9: close({code, reason}) reaches the server and onClose reports code and reason', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const { task } = connect(wx, { url: server.origin });
  await until((resolve) => task.onOpen(resolve));
  assert.equal(runtime.inFlight().connectSocket, 1);
  const closed = until((resolve) => task.onClose(resolve));
  const closing = await until((resolve) => task.close({ code: 4000, reason: 'done here', success: resolve }));
  assert.deepEqual(closing, { errMsg: 'closeSocket:ok' });
  assert.deepEqual(await closed, { code: 4000, reason: 'done here' });
  assert.equal(runtime.inFlight().connectSocket, 0);
});

test('rule 9: a server-initiated close gives onClose with the server code and reason', async () => {
  const { wx } = createWx({ urlCheck: false });
  const { task } = connect(wx, { url: server.origin });
  await until((resolve) => task.onOpen(resolve));
  task.send({ data: 'close-me' });
  assert.deepEqual(await until((resolve) => task.onClose(resolve)), { code: 4001, reason: 'server says bye' });
});

test('rule 9: a close reason over 123 bytes of UTF-8 fails and keeps the socket open', async () => {
  const { wx } = createWx({ urlCheck: false });
  const { task } = connect(wx, { url: server.origin });
  await until((resolve) => task.onOpen(resolve));
  const tooLong = '中'.repeat(42); // 126 bytes in UTF-8, 42 UTF-16 units
  const failed = await until((resolve) => task.close({ reason: tooLong, fail: resolve }));
  assert.match(failed.errMsg, /^closeSocket:fail parameter error: parameter\.reason should be at most 123 bytes/);
  const fits = '中'.repeat(41); // 123 bytes
  const ok = await until((resolve) => task.close({ reason: fits, success: resolve }));
  assert.equal(ok.errMsg, 'closeSocket:ok');
  assert.deepEqual(await until((resolve) => task.onClose(resolve)), { code: 1000, reason: fits });
});

test('rule 1: connectSocket checks wsrequestdomain; a refused socket never connects', async () => {
  const { wx } = createWx({ domains: { wsrequestdomain: ['wss://ws.example.test'] } });
  const upgrades = server.upgrades.length;
  const { result } = connect(wx, { url: server.origin });
  await sleep(30);
  assert.equal(result.fail.length, 1);
  assert.match(result.fail[0].errMsg, /^(connectSocket|createSocketTask):fail /);
  assert.equal(server.upgrades.length, upgrades);
});

test('rule 1: a listed wss domain connects end to end (WebSocket maps ws.example.test to the local server)', async () => {
  const asked = [];
  const MappedWebSocket = mappedWebSocket(WebSocket, server.origin, 'ws.example.test', asked);
  const { wx } = createWx({ domains: { wsrequestdomain: ['wss://ws.example.test'] }, WebSocket: MappedWebSocket });
  const { task, result } = connect(wx, { url: 'wss://ws.example.test/live' });
  await until((resolve) => task.onOpen(resolve));
  assert.equal(result.success.length, 1);
  assert.deepEqual(asked, ['wss://ws.example.test/live']);
  assert.equal(server.upgrades.at(-1).url, '/live');
  task.close();
});

test('rule 5: the socket handshake carries the platform Referer, not the caller\'s', async () => {
  const { wx } = createWx({ urlCheck: false, appid: 'wx0123456789abcdef', version: 0 });
  const { task } = connect(wx, { url: server.origin, header: { referer: 'https://evil.example/', 'X-Token': 't' } });
  await until((resolve) => task.onOpen(resolve));
  const { headers } = server.upgrades.at(-1);
  assert.equal(headers.referer, 'https://servicewechat.com/wx0123456789abcdef/0/page-frame.html');
  assert.equal(headers['x-token'], 't');
  task.close();
});

test('rule 6: at most 5 sockets; the 6th fails with exceed max task count (600007)', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const tasks = Array.from({ length: 5 }, () => connect(wx, { url: server.origin }).task);
  const sixth = connect(wx, { url: server.origin });
  await Promise.all(tasks.map((task) => until((resolve) => task.onOpen(resolve))));
  assert.deepEqual(sixth.result.fail, [{ errMsg: 'connectSocket:fail exceed max task count', errno: 600007 }]);
  assert.equal(runtime.inFlight().connectSocket, 5);
  const closed = until((resolve) => tasks[0].onClose(resolve));
  tasks[0].close();
  await closed;
  const seventh = connect(wx, { url: server.origin });
  await until((resolve) => seventh.task.onOpen(resolve));
  assert.equal(runtime.inFlight().connectSocket, 5);
  for (const task of [...tasks.slice(1), seventh.task]) task.close();
});

test('rule 6: in the background open sockets close with reason interrupted after 5 s; new ones fail at once', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const { task } = connect(wx, { url: server.origin });
  await until((resolve) => task.onOpen(resolve));
  const hiddenAt = performance.now();
  runtime.hide();
  const whileHidden = connect(wx, { url: server.origin });
  await sleep(20);
  assert.deepEqual(whileHidden.result.fail, [{ errMsg: 'connectSocket:fail interrupted', errno: 600003 }]);
  const closed = await until((resolve) => task.onClose(resolve));
  const waited = performance.now() - hiddenAt;
  assert.equal(closed.reason, 'interrupted');
  assert.ok(waited >= 4900 && waited < 6500, `closed after ${waited} ms`);
  assert.equal(runtime.inFlight().connectSocket, 0);
  runtime.show();
  const again = connect(wx, { url: server.origin });
  await until((resolve) => again.task.onOpen(resolve));
  again.task.close();
});

test('rule 4: a socket that does not open within its timeout gets onError then onClose', async () => {
  // A TCP server that accepts and never answers the upgrade.
  const { createServer } = await import('node:net');
  const silent = createServer(() => {});
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const { wx, runtime } = createWx({ urlCheck: false });
    const { task } = connect(wx, { url: `ws://127.0.0.1:${silent.address().port}/`, timeout: 150 });
    const errors = [];
    task.onError((event) => errors.push(event));
    const closed = await until((resolve) => task.onClose(resolve));
    assert.deepEqual(errors, [{ errMsg: 'connectSocket:fail timeout' }]);
    assert.equal(closed.reason, 'timeout');
    assert.equal(runtime.inFlight().connectSocket, 0);
  } finally {
    silent.close();
  }
});

test('rule 9: the legacy API drives the most recent socket (onSocketOpen, sendSocketMessage, onSocketMessage, closeSocket, onSocketClose)', async () => {
  const { wx } = createWx({ urlCheck: false });
  const notConnected = await wx.sendSocketMessage({ data: 'early' }).catch((error) => error);
  assert.equal(notConnected.errMsg, 'sendSocketMessage:fail WebSocket is not connected');
  const log = [];
  wx.onSocketOpen(() => log.push('open'));
  wx.onSocketMessage((event) => log.push(`message ${event.data}`));
  wx.onSocketClose((event) => log.push(`close ${event.code}`));
  wx.connectSocket({ url: server.origin });
  while (!log.includes('open')) await sleep(5);
  const sent = await wx.sendSocketMessage({ data: 'legacy' });
  assert.deepEqual(sent, { errMsg: 'sendSocketMessage:ok' });
  while (!log.includes('message echo:legacy')) await sleep(5);
  const closing = await wx.closeSocket();
  assert.deepEqual(closing, { errMsg: 'closeSocket:ok' });
  while (!log.some((entry) => entry.startsWith('close'))) await sleep(5);
  assert.deepEqual(log, ['open', 'message echo:legacy', 'close 1000']);
});

test('rule 9: send before open fails with the callback, not an exception', async () => {
  const { wx } = createWx({ urlCheck: false });
  const { task } = connect(wx, { url: server.origin });
  const failed = await until((resolve) => task.send({ data: 'too early', fail: resolve }));
  assert.match(failed.errMsg, /^sendSocketMessage:fail WebSocket is not connected$/);
  await until((resolve) => task.onOpen(resolve));
  task.close();
});

test('without any WebSocket class connectSocket throws a WxnetError that says to pass options.WebSocket', async () => {
  // The Node entry finds `ws`; the shared createWx (the browser one) with no class and no global must explain itself.
  const { createWx: createSharedWx } = await import('../pkg/wx/index.mjs');
  const saved = globalThis.WebSocket;
  delete globalThis.WebSocket;
  try {
    const { wx } = createSharedWx({ urlCheck: false });
    assert.throws(() => wx.connectSocket({ url: server.origin }),
      (error) => error instanceof WxnetError && error.code === 'wx/websocket-missing' && /createWx\(\{ WebSocket \}\)/.test(error.message));
  } finally {
    if (saved !== undefined) globalThis.WebSocket = saved;
  }
});

test('rule 7: send with data that is neither String nor ArrayBuffer is a parameter error', async () => {
  const { wx } = createWx({ urlCheck: false });
  const { task } = connect(wx, { url: server.origin });
  await until((resolve) => task.onOpen(resolve));
  const failed = await until((resolve) => task.send({ data: { a: 1 }, fail: resolve }));
  assert.deepEqual(failed, { errMsg: 'sendSocketMessage:fail parameter error: parameter.data should be String or ArrayBuffer instead of Object;', errno: 1001 });
  task.close();
});
