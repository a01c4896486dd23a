// wx.createUDPSocket and wx.createTCPSocket against real echo servers on 127.0.0.1:
// loopback is never a LAN peer (RULES.md §2), so these reach it as a listed host mapped
// by createWx({ sockets: { resolve } }), or with urlCheck off. LAN peers, the phone's
// own IP and multicast run in a network namespace (wx-sockets-netns.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWx, checkSocketTarget } from '../pkg/node.mjs';
import { autoLan } from '../pkg/node/lan.mjs';
import { startTcpEcho, startUdpEcho } from './helpers/echo-servers.mjs';

let udp;
let tcp;
before(async () => { udp = await startUdpEcho(); tcp = await startTcpEcho(); });
after(() => { udp.close(); tcp.close(); });

const until = (register) => new Promise((resolve) => register(resolve));
const toLocal = { resolve: () => '127.0.0.1' };
const listed = () => createWx({
  domains: { udpdomain: ['udp://echo.example.com'], tcpdomain: ['tcp://echo.example.com'] }, sockets: toLocal,
});

test('rule 10: UDP bind returns the port, send reaches a listed host and onMessage has the platform shape', async () => {
  const { wx } = listed();
  const socket = wx.createUDPSocket();
  const port = socket.bind();
  assert.ok(Number.isInteger(port) && port > 0);
  const listening = until((resolve) => socket.onListening(resolve));
  socket.send({ address: 'echo.example.com', port: udp.port, message: 'hello' });
  assert.deepEqual(await listening, { errMsg: 'onListening:ok' });
  const event = await until((resolve) => socket.onMessage(resolve));
  assert.ok(event.message instanceof ArrayBuffer);
  assert.equal(Buffer.from(event.message).toString(), 'hello');
  assert.deepEqual(event.remoteInfo, { address: '127.0.0.1', family: 'IPv4', port: udp.port, size: 5 });
  assert.equal(event.localInfo.port, port);
  const closed = until((resolve) => socket.onClose(resolve));
  socket.close();
  assert.deepEqual(await closed, { errMsg: 'close:ok' });
});

test('rule 10: UDP bind twice keeps the first port and says so in onError', async () => {
  const { wx } = listed();
  const socket = wx.createUDPSocket();
  const port = socket.bind();
  const error = until((resolve) => socket.onError(resolve));
  assert.equal(socket.bind(), port);
  assert.deepEqual(await error, { errMsg: 'createUDPSocket:fail the socket is already bound' });
  socket.close();
});

test('rule 10: UDP send takes an ArrayBuffer with offset and length', async () => {
  const { wx } = listed();
  const socket = wx.createUDPSocket();
  socket.bind();
  const bytes = new Uint8Array([1, 2, 3, 4, 5]).buffer;
  socket.send({ address: 'echo.example.com', port: udp.port, message: bytes, offset: 1, length: 3 });
  const event = await until((resolve) => socket.onMessage(resolve));
  assert.deepEqual([...new Uint8Array(event.message)], [2, 3, 4]);
  socket.close();
});

test('rule 10: UDP connect then write goes to the connected peer', async () => {
  const { wx } = listed();
  const socket = wx.createUDPSocket();
  socket.bind();
  socket.connect({ address: 'echo.example.com', port: udp.port });
  socket.write({ address: 'echo.example.com', port: udp.port, message: 'w' });
  const event = await until((resolve) => socket.onMessage(resolve));
  assert.equal(Buffer.from(event.message).toString(), 'w');
  socket.close();
});

test('rule 1: UDP and TCP to unlisted hosts, loopback or other lists fail in onError, naming the target', async () => {
  const { wx } = createWx({ domains: { tcpdomain: ['tcp://t.example.com:7000'] }, lan: { ip: '10.77.0.1' }, sockets: toLocal });
  const socket = wx.createUDPSocket();
  socket.bind();
  const errors = [];
  socket.onError((e) => errors.push(e.errMsg));
  socket.send({ address: 'other.example.com', port: udp.port, message: 'x' });
  socket.send({ address: '127.0.0.1', port: udp.port, message: 'x' });
  socket.send({ address: 't.example.com', port: 7000, message: 'x' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(errors, [
    `createUDPSocket:fail udp://other.example.com:${udp.port} not in domain list`,
    `createUDPSocket:fail udp://127.0.0.1:${udp.port} is local`,
    'createUDPSocket:fail udp://t.example.com:7000 not in domain list',
  ]);
  socket.close();
  const tcpSocket = wx.createTCPSocket();
  const error = until((resolve) => tcpSocket.onError(resolve));
  tcpSocket.connect({ address: 't.example.com', port: 7001 });
  assert.deepEqual(await error, { errMsg: 'createTCPSocket:fail tcp://t.example.com:7001 port blocked' });
  const wrongPort = wx.createTCPSocket();
  const portError = until((resolve) => wrongPort.onError(resolve));
  wrongPort.connect({ address: 't.example.com', port: 7003 });
  assert.deepEqual(await portError, { errMsg: 'createTCPSocket:fail tcp://t.example.com:7003 port not in domain list' });
});

test('rule 10: TCP connects to a listed host, echoes strings and ArrayBuffers, and closes', async () => {
  const { wx } = listed();
  const socket = wx.createTCPSocket();
  const connected = until((resolve) => socket.onConnect(resolve));
  socket.connect({ address: 'echo.example.com', port: tcp.port });
  const info = await connected;
  assert.equal(info.remoteInfo.port, tcp.port);
  assert.equal(info.useHttpDNS, false);
  const chunks = [];
  socket.onMessage((event) => {
    assert.ok(event.message instanceof ArrayBuffer);
    chunks.push(Buffer.from(event.message));
  });
  socket.write('ab');
  socket.write(new Uint8Array([99]).buffer);
  while (Buffer.concat(chunks).length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(Buffer.concat(chunks).toString(), 'abc');
  const closed = until((resolve) => socket.onClose(resolve));
  socket.close();
  assert.deepEqual(await closed, { errMsg: 'close:ok' });
});

test('rule 10: TCP write before connect, and parameter errors, are onError results', async () => {
  const { wx } = listed();
  const socket = wx.createTCPSocket();
  const errors = [];
  socket.onError((e) => errors.push(e.errMsg));
  socket.write('x');
  socket.connect({ port: 1 });
  socket.connect({ address: 'echo.example.com', port: 0 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(errors, [
    'createTCPSocket:fail socket is not connected',
    'connect:fail parameter error: parameter.address should be String instead of Undefined;',
    'createTCPSocket:fail invalid param',
  ]);
});

test('rule 10: TCP blocked ports are refused even with urlCheck off, other ports reach 127.0.0.1', async () => {
  const { wx } = createWx({ urlCheck: false });
  const blocked = wx.createTCPSocket();
  const error = until((resolve) => blocked.onError(resolve));
  blocked.connect({ address: '127.0.0.1', port: 6379 });
  assert.deepEqual(await error, { errMsg: 'createTCPSocket:fail tcp://127.0.0.1:6379 port blocked' });
  const socket = wx.createTCPSocket();
  const connected = until((resolve) => socket.onConnect(resolve));
  socket.connect({ address: '127.0.0.1', port: tcp.port });
  await connected;
  socket.close();
});

test('rule 6: sockets of an app in the background for 5 s end with interrupted; new ones fail at once', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { wx, runtime } = listed();
  const socket = wx.createTCPSocket();
  const events = [];
  socket.onError((e) => events.push(e.errMsg));
  socket.onClose(() => events.push('close'));
  const connected = until((resolve) => socket.onConnect(resolve));
  socket.connect({ address: 'echo.example.com', port: tcp.port, timeout: 60_000 });
  t.mock.timers.runAll; // the connect timeout is mocked: it never fires here
  await connected;
  runtime.hide();
  const late = wx.createTCPSocket();
  late.onError((e) => events.push(`late ${e.errMsg}`));
  late.connect({ address: 'echo.example.com', port: tcp.port });
  t.mock.timers.tick(5000);
  while (!events.includes('close')) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(events.slice(0, 2).sort(), ['createTCPSocket:fail interrupted', 'late createTCPSocket:fail interrupted'].sort());
  runtime.show();
});

test('rule 6: the network log has start (with the verdict), open and end for a TCP socket', async () => {
  const { wx, runtime } = listed();
  const log = [];
  runtime.onEvent((event) => log.push(event));
  const socket = wx.createTCPSocket();
  const connected = until((resolve) => socket.onConnect(resolve));
  socket.connect({ address: 'echo.example.com', port: tcp.port });
  await connected;
  const closed = until((resolve) => socket.onClose(resolve));
  socket.close();
  await closed;
  const url = `tcp://echo.example.com:${tcp.port}`;
  assert.deepEqual(log.map((e) => [e.type, e.api, e.url]), [['start', 'createTCPSocket', url], ['open', 'createTCPSocket', url], ['end', 'createTCPSocket', url]]);
  assert.deepEqual(log[0].verdict, { ok: true, reason: 'listed' });
});

test('rule 10: TCP connect times out after `timeout` ms when nothing answers', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const hanging = { connect: () => ({ on() {}, destroy() {} }) };
  const { wx } = createWx({ urlCheck: false, sockets: { tcp: hanging } });
  const socket = wx.createTCPSocket();
  const events = [];
  socket.onError((e) => events.push(e.errMsg));
  socket.onClose((e) => events.push(e.errMsg));
  socket.connect({ address: '127.0.0.1', port: 40000 });
  t.mock.timers.tick(1999);
  assert.deepEqual(events, []);
  t.mock.timers.tick(1);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(events, ['createTCPSocket:fail timeout', 'close:ok']);
});

test('rule 2: checkSocketTarget is the same rule through the package', () => {
  const options = { lan: { ip: '192.168.1.10' }, domains: { tcpdomain: ['tcp://t.example.com'] } };
  assert.deepEqual(checkSocketTarget('tcp', '192.168.1.20', 40000, options), { ok: true, reason: 'lan' });
  assert.equal(checkSocketTarget('tcp', '192.168.1.10', 40000, options).reason, 'self-ip');
  assert.equal(checkSocketTarget('udp', '192.168.2.20', 40000, options).reason, 'ip');
  assert.equal(checkSocketTarget('tcp', 't.example.com', 40000, options).reason, 'listed');
});

test("rule 2: lan: 'auto' takes the first private IPv4 interface and its netmask", () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', internal: true }],
    eth0: [{ address: '8.8.4.4', netmask: '255.255.255.0', family: 'IPv4', internal: false },
      { address: '172.20.3.4', netmask: '255.255.0.0', family: 'IPv4', internal: false }],
  };
  assert.deepEqual(autoLan(interfaces), { ip: '172.20.3.4', netmask: '255.255.0.0' });
  assert.equal(autoLan({ lo: interfaces.lo }), undefined);
  const { wx } = createWx({ lan: 'auto' }); // whatever this machine has, it is accepted
  assert.equal(typeof wx.createUDPSocket, 'function');
});
