// wx.request against bare fetch: 2,000 loopback requests at concurrency 10 each round,
// same server, same fetch, same process, interleaved by compare(). The shim's work
// per call (parameter check, checkUrl, resolveTimeout, limit, timer, Referer,
// decodeBody, callbacks) is the difference. Target: at most 10% overhead, i.e. a
// throughput ratio ≥ 0.91 (1 / 1.10).
import { createServer } from 'node:http';
import { compare } from './harness.mjs';
import { createWx } from '../pkg/node.mjs';

const REQUESTS = 2000;
const CONCURRENCY = 10;
const body = JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}` })) });
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// Both sides use this fetch: the listed https host goes to the loopback server.
const loopbackFetch = (url, init) => fetch(url.replace('https://api.example.test', origin), init);
const URL_LISTED = 'https://api.example.test/items?page=1';

const { wx } = createWx({ domains: { requestdomain: ['https://api.example.test'] }, appid: 'wx0123456789abcdef', fetch: loopbackFetch });

async function batch(one) {
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return REQUESTS;
}

const bareFetch = async () => {
  const response = await loopbackFetch(URL_LISTED, { headers: { 'content-type': 'application/json' } });
  const data = await response.json();
  if (response.status !== 200 || data.ok !== true) throw new Error('bad response');
};

const wxRequest = () => new Promise((resolve, reject) => {
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
  candidate: () => batch(wxRequest),
  target: 0.91,
  ms: 1,
});

server.closeAllConnections();
server.close();
