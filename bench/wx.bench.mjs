// wx.request against bare fetch: 2,000 loopback requests at concurrency 10 each round,
// same server, same process, interleaved by compare(). Target: wx.request
// adds at most 10%, i.e. a throughput ratio ≥ 0.91 (1 / 1.10).
//   1. wx.request as a Node user gets it (the node:http transport) vs bare fetch;
//   2. wx.request over that same fetch vs bare fetch: the shim's own work per call
//      (parameter check, checkUrl, resolveTimeout, limit, timer, AbortSignal, Referer,
//      decodeBody, callbacks) with the transport held equal. Reported, no target.
import { createServer } from 'node:http';
import { compare, concurrently } from './harness.mjs';
import { createWx, nodeFetch } from '../pkg/node.mjs';

const REQUESTS = 2000;
const CONCURRENCY = 10;
const body = JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}` })) });
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// The listed https host goes to the loopback server, through either transport.
const toLoopback = (transport) => (url, init) => transport(url.replace('https://api.example.test', origin), init);
const loopbackFetch = toLoopback(fetch);
const URL_LISTED = 'https://api.example.test/items?page=1';

const options = { domains: { requestdomain: ['https://api.example.test'] }, appid: 'wx0123456789abcdef' };
const withNodeTransport = createWx({ ...options, fetch: toLoopback(nodeFetch) }).wx;
const withFetch = createWx({ ...options, fetch: loopbackFetch }).wx;

const batch = (one) => concurrently(REQUESTS, CONCURRENCY, one);

const bareFetch = async () => {
  const response = await loopbackFetch(URL_LISTED, { headers: { 'content-type': 'application/json' } });
  const data = await response.json();
  if (response.status !== 200 || data.ok !== true) throw new Error('bad response');
};

const wxRequest = (wx) => () => new Promise((resolve, reject) => {
  wx.request({
    url: URL_LISTED,
    success: (result) => (result.statusCode === 200 && result.data.ok === true ? resolve() : reject(new Error('bad response'))),
    fail: (result) => reject(new Error(result.errMsg)),
  });
});

await compare({
  name: `wx.request vs fetch (${REQUESTS} req, concurrency ${CONCURRENCY})`,
  unit: 'req',
  baseline: () => batch(bareFetch),
  candidate: () => batch(wxRequest(withNodeTransport)),
  target: 0.91,
  ms: 1,
});
await compare({
  name: 'wx.request over fetch vs fetch (shim work only)',
  unit: 'req',
  baseline: () => batch(bareFetch),
  candidate: () => batch(wxRequest(withFetch)),
  ms: 1,
});

server.closeAllConnections();
server.close();
