// UDP echo round trips through wx.createUDPSocket vs raw node:dgram, and TCP
// throughput through wx.createTCPSocket vs raw node:net, side by side on 127.0.0.1
// (targets ≥ 0.9×). The wx side reaches the echo servers as a listed host mapped by
// createWx({ sockets: { resolve } }), so every send goes through the target check.
import dgram from 'node:dgram';
import net from 'node:net';
import { compare } from './harness.mjs';
import { createWx } from '../pkg/node.mjs';
import { startTcpEcho, startUdpEcho } from '../tests/helpers/echo-servers.mjs';

const udpEcho = await startUdpEcho();
const tcpEcho = await startTcpEcho();
const { wx } = createWx({
  domains: { udpdomain: ['udp://echo.example.com'], tcpdomain: ['tcp://echo.example.com'] },
  sockets: { resolve: () => '127.0.0.1' },
});

const ROUND_TRIPS = 200;
const PAYLOAD = Buffer.alloc(64, 1);

// UDP: ROUND_TRIPS sequential echo round trips per call.
const raw = dgram.createSocket('udp4');
await new Promise((resolve) => raw.bind(0, '127.0.0.1', resolve));
let rawWaiting;
raw.on('message', () => rawWaiting());
async function rawUdp() {
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await new Promise((resolve) => { rawWaiting = resolve; raw.send(PAYLOAD, udpEcho.port, '127.0.0.1'); });
  }
  return ROUND_TRIPS;
}
const udp = wx.createUDPSocket();
udp.bind();
let wxWaiting;
udp.onMessage(() => wxWaiting());
const message = PAYLOAD.buffer.slice(PAYLOAD.byteOffset, PAYLOAD.byteOffset + PAYLOAD.byteLength);
async function wxUdp() {
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await new Promise((resolve) => { wxWaiting = resolve; udp.send({ address: 'echo.example.com', port: udpEcho.port, message }); });
  }
  return ROUND_TRIPS;
}
await compare({ name: 'UDP echo round trips (64 B)', baseline: rawUdp, candidate: wxUdp, target: 0.9, unit: 'round trip' });

// TCP: 4 MiB written in 64 KiB chunks and echoed back per call.
const CHUNK = Buffer.alloc(64 * 1024, 2);
const TOTAL = 4 * 1024 * 1024;
const rawTcp = net.connect({ host: '127.0.0.1', port: tcpEcho.port, noDelay: true });
await new Promise((resolve) => rawTcp.on('connect', resolve));
let rawReceived = 0;
let rawDone;
rawTcp.on('data', (bytes) => { rawReceived += bytes.length; if (rawReceived >= TOTAL) rawDone(); });
async function rawThroughput() {
  rawReceived = 0;
  const done = new Promise((resolve) => { rawDone = resolve; });
  for (let sent = 0; sent < TOTAL; sent += CHUNK.length) rawTcp.write(CHUNK);
  await done;
  return TOTAL / (1024 * 1024);
}
const tcp = wx.createTCPSocket();
const connected = new Promise((resolve) => tcp.onConnect(resolve));
tcp.connect({ address: 'echo.example.com', port: tcpEcho.port });
await connected;
let wxReceived = 0;
let wxDone;
tcp.onMessage(({ message: bytes }) => { wxReceived += bytes.byteLength; if (wxReceived >= TOTAL) wxDone(); });
const chunk = CHUNK.buffer.slice(CHUNK.byteOffset, CHUNK.byteOffset + CHUNK.byteLength);
async function wxThroughput() {
  wxReceived = 0;
  const done = new Promise((resolve) => { wxDone = resolve; });
  for (let sent = 0; sent < TOTAL; sent += CHUNK.length) tcp.write(chunk);
  await done;
  return TOTAL / (1024 * 1024);
}
await compare({ name: 'TCP echo throughput (64 KiB writes)', baseline: rawThroughput, candidate: wxThroughput, target: 0.9, unit: 'MiB' });

raw.close();
udp.close();
rawTcp.destroy();
tcp.close();
udpEcho.close();
tcpEcho.close();
