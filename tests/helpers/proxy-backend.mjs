// A backend for the dev proxy tests, on 127.0.0.1: it records every request and
// WebSocket handshake it receives (path, headers), so that a test can see exactly
// what the proxy forwarded. Routes:
//   /echo              JSON of what it saw; two Set-Cookie headers
//   /redirect-here     302 to /echo?redirected=1 (same, listed host)
//   /redirect-away     302 to https://unlisted.example.test/x
//   /upload            the multipart parts it received
//   /download          300,000 bytes of 7
//   any WebSocket      echoes `echo:<text>`
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { parseMultipart } from './wx-servers.mjs';

export const LISTED = 'api.example.test';
export const DOMAINS = {
  requestdomain: [`https://${LISTED}`],
  uploaddomain: [`https://${LISTED}`],
  downloaddomain: [`https://${LISTED}`],
  wsrequestdomain: [`wss://${LISTED}`],
};
export const APPID = 'wx0123456789abcdef';
export const PLATFORM_REFERER = `https://servicewechat.com/${APPID}/devtools/page-frame.html`;

export async function startBackend() {
  const seen = [];
  const server = createServer(async (req, res) => {
    const parts = [];
    for await (const part of req) parts.push(part);
    const body = Buffer.concat(parts);
    const url = new URL(req.url, 'http://backend');
    seen.push({ path: req.url, method: req.method, headers: req.headers });
    const json = (value, status = 200, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case '/echo':
        return json({ path: req.url, method: req.method, referer: req.headers.referer ?? null, origin: req.headers.origin ?? null,
          cookie: req.headers.cookie ?? null, host: req.headers.host, body: body.toString() },
        200, { 'set-cookie': ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2099 07:28:00 GMT'] });
      case '/redirect-here':
        res.writeHead(302, { location: '/echo?redirected=1' });
        return res.end();
      case '/redirect-away':
        res.writeHead(302, { location: 'https://unlisted.example.test/x' });
        return res.end();
      case '/upload': {
        const parsed = parseMultipart(body, req.headers['content-type']);
        return json({ fields: parsed?.fields, files: parsed?.files, referer: req.headers.referer ?? null });
      }
      case '/download':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 300000 });
        return res.end(Buffer.alloc(300000, 7));
      default:
        return json({ status: 404 }, 404);
    }
  });
  const wss = new WebSocketServer({ server, handleProtocols: (protocols) => (protocols.has('chat') ? 'chat' : false) });
  const handshakes = [];
  wss.on('connection', (socket, req) => {
    handshakes.push({ path: req.url, headers: req.headers, protocol: socket.protocol });
    socket.on('message', (data) => socket.send(`echo:${data}`));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin, seen, handshakes,
    upstreams: { [LISTED]: origin },
    close: () => new Promise((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
