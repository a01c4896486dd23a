// The dev proxy in real dev servers, with a page in headless Chromium that uses
// createWx({ proxy: '/__wxnet' }): Vite (the proxy mounted by wxnet/vite's `proxy`
// option, through attachToViteServer) and webpack-dev-server (setupMiddlewares through
// webpackDevServerSetup), and a page on another origin using a standalone proxy (CORS for
// loopback origins). A backend on 127.0.0.1 records what arrives (RULES.md §14).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer } from 'vite';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import { createProxy, startProxyServer, webpackDevServerSetup } from '../pkg/proxy.mjs';
import wxnetVite from '../pkg/plugin/vite.mjs';
import { launchChromium, pageResult, repoRoot, serveStatic } from './helpers/browser.mjs';
import { APPID, DOMAINS, LISTED, PLATFORM_REFERER, startBackend } from './helpers/proxy-backend.mjs';

let backend;
let browser;
const scratch = mkdtempSync(join(tmpdir(), 'wxnet-proxy-browser-'));

before(async () => {
  backend = await startBackend();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await backend?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const newProxy = (events) => createProxy({ domains: DOMAINS, appid: APPID, upstreams: backend.upstreams, log: (event) => events.push(event) });

/** What every dev server must give the page and the backend. */
function assertPhoneLike(result, events, firstSeen) {
  assert.equal(result.echo.errMsg, 'request:ok');
  assert.equal(result.echo.statusCode, 200);
  assert.equal(result.echo.data.referer, PLATFORM_REFERER, 'the backend sees the platform Referer, not the page');
  assert.equal(result.echo.data.origin, null, 'no Origin');
  assert.equal(result.echo.data.cookie, 'token=from-code', 'the code\'s cookie, not the browser\'s jar');
  assert.deepEqual(result.echo.cookies, ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2099 07:28:00 GMT']);
  assert.deepEqual(result.echo.wireHeaders, []);
  assert.deepEqual(result.unlisted, { errMsg: 'request:fail url not in domain list', errno: 600002 });
  assert.deepEqual(result.redirectAway, { errMsg: 'request:fail redirect url not in domain list:unlisted.example.test' });
  assert.equal(result.upload.errMsg, 'uploadFile:ok');
  assert.deepEqual(result.upload.sent.fields, { k: 'v' });
  assert.equal(result.upload.sent.files.file.size, 2048);
  assert.equal(result.upload.sent.referer, PLATFORM_REFERER);
  assert.deepEqual(result.download, { errMsg: 'downloadFile:ok', dataLength: 300000 });
  assert.deepEqual(result.socket, { message: 'echo:hi' });
  assert.deepEqual(result.refusedSocket, { error: 'connectSocket:fail url not in domain list' });
  assert.deepEqual(result.uni, { errMsg: 'request:ok', referer: PLATFORM_REFERER, path: '/echo?from=uni' }, 'installWx through the proxy (its default path in the dev servers)');
  const seen = backend.seen.slice(firstSeen);
  assert.ok(seen.every((request) => !request.path.includes('unlisted')), 'nothing unlisted reached the backend');
  const handshake = backend.handshakes.at(-1);
  assert.equal(handshake.path, '/live');
  assert.equal(handshake.headers.referer, PLATFORM_REFERER, 'the WebSocket carries the Referer');
  assert.equal(handshake.headers.origin, undefined);
  assert.equal(handshake.headers.cookie, 'ws=1');
  assert.equal(handshake.protocol, 'chat');
  assert.ok(events.some((e) => e.kind === 'refused' && e.url === 'https://unlisted.example.test/echo' && e.reason === 'not-listed'));
  assert.ok(events.some((e) => e.kind === 'forwarded' && e.api === 'connectSocket' && e.status === 101));
}

test('rule 14: Vite dev server with wxnet/vite\'s proxy: the page gets the phone\'s behaviour, the backend the phone\'s request', async () => {
  const events = [];
  const plugin = wxnetVite({
    domains: DOMAINS, include: [/tests\/proxy-browser\//],
    proxy: { appid: APPID, upstreams: backend.upstreams, log: (event) => events.push(event) },
  });
  const server = await createViteServer({
    configFile: false, root: repoRoot, logLevel: 'silent', clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [plugin],
  });
  await server.listen();
  try {
    const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
    const firstSeen = backend.seen.length;
    const result = await pageResult(browser, `${origin}/tests/proxy-browser/page.html`, { timeout: 30_000 });
    assert.equal(result.pageOrigin, origin);
    assertPhoneLike(result, events, firstSeen);
  } finally {
    await server.close();
  }
});

function freePort() {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

test('rule 14: webpack-dev-server with the proxy (setupMiddlewares): the same', async () => {
  const events = [];
  const proxy = newProxy(events);
  writeFileSync(join(scratch, 'entry.js'), 'export {};\n');
  const compiler = webpack({ mode: 'development', context: scratch, entry: './entry.js', output: { path: join(scratch, 'dist') }, infrastructureLogging: { level: 'none' }, stats: 'none' });
  const port = await freePort();
  const server = new WebpackDevServer({
    host: '127.0.0.1', port, hot: false, liveReload: false, client: false, webSocketServer: false,
    static: { directory: repoRoot, watch: false }, devMiddleware: { stats: 'none' },
    setupMiddlewares: webpackDevServerSetup(proxy),
  }, compiler);
  await server.start();
  try {
    const firstSeen = backend.seen.length;
    const result = await pageResult(browser, `http://127.0.0.1:${port}/tests/proxy-browser/page.html`, { timeout: 30_000 });
    assertPhoneLike(result, events, firstSeen);
  } finally {
    await server.stop();
  }
});

test('rule 14: a page on another origin through the standalone proxy (`wxnet proxy`): CORS for a loopback origin, the same results', async () => {
  const events = [];
  const proxy = await startProxyServer({ port: 0, domains: DOMAINS, appid: APPID, upstreams: backend.upstreams, log: (event) => events.push(event) });
  const site = await serveStatic(repoRoot);
  try {
    const firstSeen = backend.seen.length;
    const result = await pageResult(browser, `${site.origin}/tests/proxy-browser/page.html?proxy=${encodeURIComponent(proxy.url)}`, { timeout: 30_000 });
    assert.notEqual(new URL(proxy.url).origin, result.pageOrigin);
    assertPhoneLike(result, events, firstSeen);
  } finally {
    await site.close();
    await proxy.close();
  }
});
