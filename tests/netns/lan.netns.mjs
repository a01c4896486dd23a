// Run only inside the network namespace that tests/wx-sockets-netns.test.mjs makes
// (lo up, 10.77.0.1/24 and 10.77.0.2/24 on lo, 224.0.0.0/4 via lo): the phone is
// 10.77.0.1, its LAN peer 10.77.0.2. Nothing here can leave the namespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createWx, startMdnsResponder } from '../../pkg/node.mjs';
import { startTcpEcho, startUdpEcho } from '../helpers/echo-servers.mjs';

const PHONE = { ip: '10.77.0.1', netmask: '255.255.255.0' };
const PEER = '10.77.0.2';
const TYPE = '_wxnet-test._tcp.';
const until = (register) => new Promise((resolve) => register(resolve));

test('rule 2: UDP reaches a LAN peer; the phone\'s own IP and another subnet are refused', async () => {
  const echo = await startUdpEcho(PEER);
  const { wx } = createWx({ lan: PHONE });
  const socket = wx.createUDPSocket();
  socket.bind();
  const errors = [];
  socket.onError((e) => errors.push(e.errMsg));
  socket.send({ address: '10.77.0.1', port: echo.port, message: 'self' });
  socket.send({ address: '10.78.0.2', port: echo.port, message: 'far' });
  socket.send({ address: PEER, port: echo.port, message: 'peer' });
  const event = await until((resolve) => socket.onMessage(resolve));
  assert.equal(Buffer.from(event.message).toString(), 'peer');
  assert.deepEqual(event.remoteInfo, { address: PEER, family: 'IPv4', port: echo.port, size: 4 });
  assert.deepEqual(errors, [
    `createUDPSocket:fail udp://10.77.0.1:${echo.port} is the phone's own IP`,
    `createUDPSocket:fail udp://10.78.0.2:${echo.port} is not in the phone's subnet`,
  ]);
  socket.close();
  echo.close();
});

test('rule 2: TCP reaches a LAN peer end to end; a blocked port on the same peer is refused', async () => {
  const echo = await startTcpEcho(PEER);
  const { wx } = createWx({ lan: PHONE });
  const socket = wx.createTCPSocket();
  const connected = until((resolve) => socket.onConnect(resolve));
  socket.connect({ address: PEER, port: echo.port });
  const info = await connected;
  assert.equal(info.remoteInfo.address, PEER);
  const message = until((resolve) => socket.onMessage(resolve));
  socket.write('lan');
  assert.equal(Buffer.from((await message).message).toString(), 'lan');
  socket.close();
  const blocked = wx.createTCPSocket();
  const error = until((resolve) => blocked.onError(resolve));
  blocked.connect({ address: PEER, port: 8080 });
  assert.deepEqual(await error, { errMsg: 'createTCPSocket:fail tcp://10.77.0.2:8080 port blocked' });
  echo.close();
});

test('rule 2: wx.request reaches a LAN peer over plain http; the phone itself is refused', async () => {
  const server = createServer((req, res) => res.end('{"lan":true}'));
  await new Promise((resolve) => server.listen(0, PEER, resolve));
  try {
    const { port } = server.address();
    const { wx } = createWx({ lan: PHONE });
    const request = (url) => new Promise((resolve) => wx.request({ url, success: resolve, fail: resolve }));
    const ok = await request(`http://${PEER}:${port}/`);
    assert.deepEqual([ok.statusCode, ok.data], [200, { lan: true }]);
    const self = await request(`http://10.77.0.1:${port}/`);
    assert.equal(self.errMsg, 'request:fail url not in domain list');
  } finally {
    server.close();
  }
});

test('rule 10: discovery finds an announced service, refuses a second search, reports it lost on goodbye', async () => {
  const responder = startMdnsResponder({ name: 'wxnet test', serviceType: TYPE, port: 4242, ip: PEER, host: 'peer.local' });
  const { wx } = createWx({ lan: PHONE });
  const found = until((resolve) => wx.onLocalServiceFound(resolve));
  assert.deepEqual(await wx.startLocalServiceDiscovery({ serviceType: TYPE }), { errMsg: 'startLocalServiceDiscovery:ok' });
  assert.deepEqual(await found, { ip: PEER, port: 4242, serviceName: 'wxnet test', serviceType: TYPE });
  await assert.rejects(wx.startLocalServiceDiscovery({ serviceType: TYPE }), { errMsg: 'startLocalServiceDiscovery:fail scan task already exist' });
  const lost = until((resolve) => wx.onLocalServiceLost(resolve));
  await responder.stop();
  assert.deepEqual(await lost, { serviceName: 'wxnet test', serviceType: TYPE });
  const stopped = until((resolve) => wx.onLocalServiceDiscoveryStop(resolve));
  assert.deepEqual(await wx.stopLocalServiceDiscovery(), { errMsg: 'stopLocalServiceDiscovery:ok' });
  assert.deepEqual(await stopped, { errMsg: 'stopLocalServiceDiscovery:ok' });
  await assert.rejects(wx.stopLocalServiceDiscovery(), { errMsg: 'stopLocalServiceDiscovery:fail task not found' });
});

test('rule 10: a search stops by itself after 30 s; an empty serviceType is invalid param', async (t) => {
  await assert.rejects(createWx({ lan: PHONE }).wx.startLocalServiceDiscovery({ serviceType: '' }), { errMsg: 'startLocalServiceDiscovery:fail invalid param' });
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { wx } = createWx({ lan: PHONE });
  const events = [];
  wx.onLocalServiceDiscoveryStop((e) => events.push(e.errMsg));
  await wx.startLocalServiceDiscovery({ serviceType: TYPE });
  t.mock.timers.tick(29_999);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(events, []);
  t.mock.timers.tick(1);
  while (events.length === 0) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(events, ['stopLocalServiceDiscovery:ok']);
  await assert.rejects(wx.stopLocalServiceDiscovery(), { errMsg: 'stopLocalServiceDiscovery:fail task not found' });
});
