// The dev proxy (wxnet/proxy): 1,000 loopback requests at concurrency 10 per round,
// same backend, same process, interleaved by compare().
//   1. wx.request through the wxnet proxy vs wx.request through a plain http-proxy-3
//      proxy (the engine alone: no rules; the shim reaches it with `upstreams`): what
//      the proxy's rules, address check, header rewriting and wire protocol cost,
//      with the client held equal. Target ≥ 0.8×.
//   2. wx.request through the wxnet proxy vs wx.request straight to the backend
//      (createWx `upstreams`): what the extra hop costs. Reported, no target.
import { createServer } from 'node:http';
import { Agent } from 'node:http';
import httpProxy from 'http-proxy-3';
import { compare, concurrently } from './harness.mjs';
import { createWx } from '../pkg/node.mjs';
import { startProxyServer } from '../pkg/proxy.mjs';

const REQUESTS = 1000;
const CONCURRENCY = 10;
const LISTED = 'api.example.test';
const body = JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}` })) });
const backend = createServer((req, res) => {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
});
await new Promise((resolve) => backend.listen(0, '127.0.0.1', resolve));
const backendOrigin = `http://127.0.0.1:${backend.address().port}`;

const wxnetProxy = await startProxyServer({
  port: 0, domains: { requestdomain: [`https://${LISTED}`] }, upstreams: { [LISTED]: backendOrigin }, log: false,
});

const engine = httpProxy.createProxyServer({ target: backendOrigin, agent: new Agent({ keepAlive: true }) });
const plainProxy = createServer((req, res) => engine.web(req, res));
await new Promise((resolve) => plainProxy.listen(0, '127.0.0.1', resolve));
const plainOrigin = `http://127.0.0.1:${plainProxy.address().port}`;

const options = { domains: { requestdomain: [`https://${LISTED}`] }, appid: 'wx0123456789abcdef' };
const proxied = createWx({ ...options, proxy: wxnetProxy.url }).wx;
const straight = createWx({ ...options, upstreams: { [`https://${LISTED}`]: backendOrigin } }).wx;
const viaPlainProxy = createWx({ ...options, upstreams: { [`https://${LISTED}`]: plainOrigin } }).wx;

const batch = (one) => concurrently(REQUESTS, CONCURRENCY, one);

const wxRequest = (wx) => () => new Promise((resolve, reject) => {
  wx.request({
    url: `https://${LISTED}/items?page=1`,
    success: (result) => (result.statusCode === 200 && result.data.ok === true ? resolve() : reject(new Error('bad response'))),
    fail: (result) => reject(new Error(result.errMsg)),
  });
});

await compare({
  name: `wx.request via wxnet proxy vs http-proxy-3 (c=${CONCURRENCY})`,
  unit: 'req',
  baseline: () => batch(wxRequest(viaPlainProxy)),
  candidate: () => batch(wxRequest(proxied)),
  target: 0.8,
  ms: 1,
});
await compare({
  name: 'wx.request via wxnet proxy vs straight to backend',
  unit: 'req',
  baseline: () => batch(wxRequest(straight)),
  candidate: () => batch(wxRequest(proxied)),
  ms: 1,
});

await wxnetProxy.close();
engine.close?.();
plainProxy.closeAllConnections();
plainProxy.close();
backend.closeAllConnections();
backend.close();
