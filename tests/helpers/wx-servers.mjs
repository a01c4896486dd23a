// Real servers for the wx shim tests, on 127.0.0.1 only: an HTTP(S) app with the
// routes the tests need, a WebSocket echo server, and a throwaway test CA.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req) {
  const parts = [];
  for await (const part of req) parts.push(part);
  return Buffer.concat(parts);
}

/** Minimal multipart/form-data parser: enough to check what uploadFile sent. */
export function parseMultipart(body, contentType) {
  const boundary = /boundary=(.+)$/.exec(contentType ?? '')?.[1];
  if (!boundary) return undefined;
  const fields = {};
  const files = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headerEnd).toString();
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) {
      files[name] = { filename, type: /Content-Type: (.+)/i.exec(head)?.[1], size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
    } else fields[name] = content.toString();
    start = next;
  }
  return { fields, files };
}

/**
 * The routes every test server answers. `stats` counts requests (hits, live, maxLive);
 * tests may set `stats.opened = []` (request URLs, then `closed <url>`) or
 * `stats.closed = []` (when and how each exchange ended) to watch their own requests.
 */
export function appHandler(stats = { hits: 0, live: 0, maxLive: 0 }) {
  return async (req, res) => {
    stats.hits++;
    stats.live++;
    stats.maxLive = Math.max(stats.maxLive, stats.live);
    const url = new URL(req.url, 'http://x');
    stats.opened?.push(req.url);
    res.on('close', () => {
      stats.live--;
      stats.closed?.push({ url: req.url, time: performance.now(), finished: res.writableFinished });
      stats.opened?.push(`closed ${req.url}`);
    });
    const query = Object.fromEntries(url.searchParams);
    try {
      switch (url.pathname) {
        case '/echo': {
          const body = await readBody(req);
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: body.toString('latin1'), length: body.length }));
        }
        case '/status': {
          res.statusCode = Number(query.code ?? 200);
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify({ status: res.statusCode }));
        }
        case '/text': {
          res.setHeader('content-type', 'text/plain; charset=utf-8');
          return res.end(query.body ?? 'plain text');
        }
        case '/slow': {
          await sleep(Number(query.ms ?? 1000));
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify({ slow: true }));
        }
        case '/stall-body': {
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
          res.write('partial');
          return undefined; // never finishes
        }
        case '/reset': {
          await readBody(req);
          return req.socket.destroy();
        }
        case '/redirect': {
          await readBody(req);
          res.writeHead(Number(query.code ?? 302), { location: query.to });
          return res.end();
        }
        case '/cookies': {
          res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; HttpOnly']);
          res.setHeader('content-type', 'application/json');
          return res.end('{"ok":true}');
        }
        case '/chunks': {
          res.writeHead(200, { 'content-type': 'text/plain' });
          for (const piece of ['one,', 'two,', 'three']) {
            res.write(piece);
            await sleep(30);
          }
          return res.end();
        }
        case '/bytes': {
          const size = Number(query.n ?? 1024);
          const bytes = Buffer.alloc(size, 7);
          res.writeHead(Number(query.code ?? 200), { 'content-type': 'application/octet-stream', 'content-length': String(size) });
          return res.end(bytes);
        }
        case '/upload': {
          const body = await readBody(req);
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify({ method: req.method, headers: req.headers, ...parseMultipart(body, req.headers['content-type']) }));
        }
        default:
          res.statusCode = 404;
          return res.end('not found');
      }
    } catch (error) {
      res.statusCode = 500;
      return res.end(String(error));
    }
  };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function closer(server, extra = () => {}) {
  return () => new Promise((resolve) => {
    extra();
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/** HTTP server on 127.0.0.1 with the app routes. */
export async function startHttpServer() {
  const stats = { hits: 0, live: 0, maxLive: 0 };
  const server = createServer(appHandler(stats));
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, port, stats, server, close: closer(server) };
}

/** WebSocket echo server on 127.0.0.1; records the upgrade request headers. */
export async function startWebSocketServer(server) {
  const http = server ?? createServer((req, res) => { res.statusCode = 426; res.end(); });
  const wss = new WebSocketServer({ server: http });
  const upgrades = [];
  wss.on('connection', (socket, req) => {
    upgrades.push({ headers: req.headers, protocol: socket.protocol, url: req.url });
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? null : data.toString();
      if (text === 'close-me') return socket.close(4001, 'server says bye');
      return socket.send(isBinary ? data : `echo:${text}`, { binary: isBinary });
    });
  });
  const port = server ? server.address().port : await listen(http);
  return { origin: `ws://127.0.0.1:${port}`, port, upgrades, wss, close: closer(http, () => { for (const c of wss.clients) c.terminate(); wss.close(); }) };
}

/**
 * A test CA and a server certificate for `names` (DNS names and 127.0.0.1), made
 * with the openssl CLI in a temp dir. Returns file paths and PEM texts.
 */
export function makeTestCertificates(names = ['api.example.test', 'localhost']) {
  const dir = mkdtempSync(join(tmpdir(), 'wxnet-ca-'));
  const at = (name) => join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=wxnet test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', `/CN=${names[0]}`);
  const san = [...names.map((n) => `DNS:${n}`), 'IP:127.0.0.1'].join(',');
  writeFileSync(at('ext.cnf'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('server.pem'), '-days', '2', '-sha256', '-extfile', at('ext.cnf'));
  return { dir, caFile: at('ca.pem'), cert: readFileSync(at('server.pem')), key: readFileSync(at('server.key')), ca: readFileSync(at('ca.pem')) };
}

/** HTTPS + WSS server on 127.0.0.1 with the app routes, using a certificate from makeTestCertificates. */
export async function startHttpsServer({ cert, key }) {
  const stats = { hits: 0, live: 0, maxLive: 0 };
  const server = createHttpsServer({ cert, key }, appHandler(stats));
  const port = await listen(server);
  const sockets = await startWebSocketServer(server);
  return { origin: `https://127.0.0.1:${port}`, wsOrigin: `wss://127.0.0.1:${port}`, port, stats, upgrades: sockets.upgrades, close: sockets.close };
}

/**
 * A fetch that sends `https://api.example.test/...` to `target` (a local origin) while
 * wxnet's checks see the original URL; records every URL it was asked for.
 */
export function mappedFetch(target, host = 'api.example.test', seen = [], baseFetch = fetch) {
  return (url, init) => {
    seen.push(String(url));
    const mapped = String(url).replace(new RegExp(`^https://${host.replace(/\./g, '\\.')}(?=[/:?#]|$)`), target);
    return baseFetch(mapped, init);
  };
}

/** The same for WebSocket classes: `wss://api.example.test` goes to `target`. */
export function mappedWebSocket(BaseWebSocket, target, host = 'api.example.test', seen = []) {
  return class MappedWebSocket extends BaseWebSocket {
    constructor(url, protocols, options) {
      seen.push(String(url));
      super(String(url).replace(new RegExp(`^wss://${host.replace(/\./g, '\\.')}(?=[/:?#]|$)`), target), protocols, options);
    }
  };
}
