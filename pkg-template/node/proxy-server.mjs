// `wxnet proxy`: the dev proxy as a server of its own, for set-ups without a dev
// server to mount it in (and for Node scripts using createWx({ proxy })). It answers
// only on its path, only to pages of this machine: the Host must name a loopback
// address (so a DNS-rebound name cannot reach it) and a cross-origin page gets CORS
// only when its origin is a loopback one.
import { createServer } from 'node:http';
import { createProxy } from './proxy.mjs';
import { PROXY_HEADERS } from '../proxy/wire.mjs';

const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;

/**
 * Starts the proxy on `host` (127.0.0.1) and `port` (5174; 0 picks a free one).
 * Resolves to `{ url, port, server, proxy, close() }`; `url` is what createWx's
 * `proxy` option takes.
 */
export function startProxyServer({ port = 5174, host = '127.0.0.1', ...options } = {}) {
  const proxy = createProxy(options);
  const server = createServer((req, res) => {
    if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return end(res, 421, 'this wxnet proxy answers only to a loopback Host\n');
    const origin = req.headers.origin;
    if (origin !== undefined && LOOPBACK_ORIGIN.test(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-expose-headers', Object.values(PROXY_HEADERS).join(', ') + ', *');
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
        res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, DELETE, OPTIONS');
        res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
        res.setHeader('access-control-max-age', '600');
        return end(res, 204, '');
      }
    }
    return proxy(req, res, () => end(res, 404, `wxnet proxy: the proxy is at ${proxy.path}\n`));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!LOOPBACK_HOST.test(req.headers.host ?? '') || !proxy.upgrade(req, socket, head)) socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      proxy.close();
      reject(error);
    });
    server.listen(port, host, () => {
      const bound = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${bound}${proxy.path}`,
        port: bound,
        server,
        proxy,
        close: () => new Promise((done) => {
          proxy.close();
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

function end(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
