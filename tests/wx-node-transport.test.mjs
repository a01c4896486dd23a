// The Node entry's default transport (nodeFetch over node:http): what fetch would give
// the shim — decompressed bodies, every Set-Cookie, no body for HEAD/204, socket errors
// as `fetch failed` with a cause — against a real server on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createWx, nodeFetch } from '../pkg/node.mjs';

const JSON_BODY = JSON.stringify({ message: '你好, wx.request' });
let server;
let origin;
before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const encoding = url.searchParams.get('encoding');
    if (url.pathname === '/compressed') {
      const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync }[encoding];
      res.setHeader('content-encoding', encoding);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      return res.end(compress(Buffer.from(JSON_BODY)));
    }
    if (url.pathname === '/cookies') {
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; HttpOnly']);
      return res.end('ok');
    }
    if (url.pathname === '/empty') { res.statusCode = 204; return res.end(); }
    if (url.pathname === '/echo') {
      const parts = [];
      req.on('data', (d) => parts.push(d));
      return req.on('end', () => res.end(JSON.stringify({ method: req.method, headers: req.headers, body: Buffer.concat(parts).toString() })));
    }
    res.end('hello');
  });
  // CONNECT: Node hands it to 'connect' with the raw socket; answer like a proxy would.
  server.on('connect', (req, socket) => {
    socket.end('HTTP/1.1 200 Connection Established\r\nX-Tunnel: yes\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));

const request = (wx, option) => new Promise((resolve) => {
  wx.request({ ...option, success: (r) => resolve(r), fail: (r) => resolve(r) });
});

test('rule 8: gzip, deflate and br responses reach decodeBody decompressed, as fetch would give them', async () => {
  const { wx } = createWx({ urlCheck: false });
  for (const encoding of ['gzip', 'deflate', 'br']) {
    const result = await request(wx, { url: `${origin}/compressed?encoding=${encoding}` });
    assert.equal(result.errMsg, 'request:ok', encoding);
    assert.deepEqual(result.data, JSON.parse(JSON_BODY), encoding);
  }
});

test('rule 9: every Set-Cookie arrives in cookies; a 204 and a HEAD give an empty body', async () => {
  const { wx } = createWx({ urlCheck: false });
  const cookies = await request(wx, { url: `${origin}/cookies` });
  assert.deepEqual(cookies.cookies, ['a=1; Path=/', 'b=2; HttpOnly']);
  const empty = await request(wx, { url: `${origin}/empty` });
  assert.deepEqual([empty.statusCode, empty.data], [204, '']);
  const head = await request(wx, { url: `${origin}/`, method: 'HEAD' });
  assert.deepEqual([head.statusCode, head.data], [200, '']);
});

test('rule 5: the transport sends the platform Referer and the body, never the caller\'s Referer', async () => {
  const { wx } = createWx({ urlCheck: false, appid: 'wx0123456789abcdef', version: 4 });
  const echo = await request(wx, { url: `${origin}/echo`, method: 'POST', data: { a: 1 }, header: { REFERER: 'https://evil.example/' } });
  assert.equal(echo.data.headers.referer, 'https://servicewechat.com/wx0123456789abcdef/4/page-frame.html');
  assert.equal(echo.data.body, '{"a":1}');
  assert.equal(echo.data.headers['content-type'], 'application/json');
});

test('a refused connection fails with the socket error as the detail, like fetch', async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  const { wx } = createWx({ urlCheck: false });
  const result = await request(wx, { url: `http://127.0.0.1:${port}/` });
  assert.equal(result.errMsg, 'request:fail ECONNREFUSED');
  await assert.rejects(nodeFetch(`http://127.0.0.1:${port}/`), (error) => error instanceof TypeError && error.cause.code === 'ECONNREFUSED');
  await assert.rejects(nodeFetch('ftp://127.0.0.1/'), /fetch failed/);
});

test('rule 9: every method that carries a body frames it (DELETE, OPTIONS, TRACE too), and the kept-alive connection stays in step', async () => {
  const { wx } = createWx({ urlCheck: false });
  for (const method of ['DELETE', 'OPTIONS', 'TRACE', 'PUT', 'POST']) {
    const echo = await request(wx, { url: `${origin}/echo`, method, data: { id: 1 } });
    assert.equal(echo.errMsg, 'request:ok', method);
    assert.equal(echo.statusCode, 200, method);
    assert.equal(echo.data.body, '{"id":1}', method);
    assert.equal(echo.data.headers['content-length'], '8', method);
    const after = await request(wx, { url: `${origin}/echo`, method: 'GET' });
    assert.deepEqual([after.statusCode, after.data.method], [200, 'GET'], `${method}: the next request on the connection`);
  }
});

test('rule 9: CONNECT in Node gives the server\'s answer (status, headers, empty data) at once, and the tunnel is closed', async () => {
  const { wx } = createWx({ urlCheck: false, limits: { request: 1 } });
  const started = performance.now();
  const result = await request(wx, { url: `${origin}/`, method: 'CONNECT', timeout: 5000 });
  assert.deepEqual([result.errMsg, result.statusCode, result.data, result.header['x-tunnel']], ['request:ok', 200, '', 'yes']);
  assert.ok(performance.now() - started < 2000, 'no wait for the timeout');
  const next = await request(wx, { url: `${origin}/` }); // the only slot was given back
  assert.equal(next.errMsg, 'request:ok');
});
