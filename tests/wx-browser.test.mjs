// The wx shim in headless Chromium: request, uploadFile, downloadFile and
// connectSocket from a page that imports /pkg/browser.mjs, against real servers on
// 127.0.0.1 (the page's own origin for HTTP, a ws server for sockets).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, pageResult, repoRoot, serveStatic } from './helpers/browser.mjs';
import { appHandler, startWebSocketServer } from './helpers/wx-servers.mjs';

let browser;
let site;
let sockets;
let result;

before(async () => {
  const handler = appHandler();
  const routes = Object.fromEntries(['/echo', '/status', '/slow', '/bytes', '/upload', '/redirect'].map((path) => [path, handler]));
  site = await serveStatic(repoRoot, routes);
  sockets = await startWebSocketServer();
  browser = await launchChromium();
  result = await pageResult(browser, `${site.origin}/tests/wx-browser/page.html?ws=${sockets.port}`, { timeout: 60_000 });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await sockets?.close();
});

const FAIL_ONLY = { success: 0, complete: 1, sync: false };

test('browser: rule 1 and 9: a listed request succeeds with query data, default content-type and request:ok', () => {
  assert.deepEqual(result.echo, {
    success: 1, fail: [], complete: 1, sync: false, statusCode: 200, url: '/echo?q=a%20b', errMsg: 'request:ok',
    contentType: 'application/json', referer: result.echo.referer,
    proxyReferer: 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html',
  });
  assert.equal(result.post, '{"a":1}');
});

test('browser: rule 5: the browser cannot send the platform Referer; refererHeader carries it for the dev proxy', () => {
  assert.notEqual(result.echo.referer, 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html');
  assert.equal(result.echo.proxyReferer, 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html');
});

test('browser: rule 7: success for a 404, fail for a refused URL with the exact errMsg', () => {
  assert.deepEqual(result.notFound, { success: 1, fail: [], complete: 1, sync: false, statusCode: 404, data: { status: 404 } });
  assert.deepEqual(result.refused, { ...FAIL_ONLY, fail: [{ errMsg: 'request:fail url not in domain list', errno: 600002 }] });
});

test('browser: rule 4 and 7: timeout and abort', () => {
  assert.deepEqual(result.timeout, { ...FAIL_ONLY, fail: [{ errMsg: 'request:fail timeout' }] });
  assert.deepEqual(result.abort, { ...FAIL_ONLY, fail: [{ errMsg: 'request:fail abort' }] });
});

test('browser: rule 6: over the limit fails with exceed max task count; hidden calls fail with interrupted; show restores', () => {
  assert.deepEqual(result.burst.map((r) => r.success), [1, 1, 0]);
  assert.deepEqual(result.burst[2].fail, [{ errMsg: 'request:fail exceed max task count', errno: 600007 }]);
  assert.deepEqual(result.hidden.fail, [{ errMsg: 'request:fail interrupted', errno: 600003 }]);
  assert.equal(result.shown.success, 1);
});

test('browser: rule 8: responseType arraybuffer gives the raw bytes', () => {
  assert.deepEqual(result.arraybuffer, [7, 7, 7, 7]);
});

test('browser: rule 9: uploadFile sends the in-memory file as multipart with formData, progress ends at 100', () => {
  const { upload } = result;
  assert.match(upload.filePath, /^wxfile:\/\/tmp_[0-9a-f]+\.png$/);
  assert.equal(upload.errMsg, 'uploadFile:ok');
  assert.deepEqual(upload.fields, { k: 'v' });
  assert.equal(upload.size, 200 * 1024);
  assert.equal(upload.type, 'image/png');
  assert.equal(upload.lastProgress.progress, 100);
  assert.equal(upload.lastProgress.totalBytesSent, upload.lastProgress.totalBytesExpectedToSend);
});

test('browser: rule 9: downloadFile stores the body in memory under wxfile://tmp_ with progress', () => {
  const { download } = result;
  assert.match(download.tempFilePath, /^wxfile:\/\/tmp_[0-9a-f]+$/);
  assert.equal(download.statusCode, 200);
  assert.equal(download.size, 300000);
  assert.equal(download.allSevens, true);
  assert.deepEqual(download.lastProgress, { progress: 100, totalBytesWritten: 300000, totalBytesExpectedToWrite: 300000 });
  assert.deepEqual(result.downloadRefused, { ...FAIL_ONLY, fail: [{ errMsg: 'downloadFile:fail url not in domain list', errno: 600002 }] });
});

test('browser: rule 9: connectSocket exchanges text and binary messages and closes with code and reason', () => {
  assert.deepEqual(result.socket, { messages: ['echo:hi', [9, 8]], close: { code: 4000, reason: 'bye' }, inFlight: 0 });
  assert.match(result.socketRefused.errMsg, /^(connectSocket|createSocketTask):fail /);
});

test('browser: rule 1: with upstreams a same-server redirect is judged on the listed host, not the mapped one', () => {
  assert.deepEqual(result.redirects, [
    { success: 1, fail: [], complete: 1, sync: false, statusCode: 200, errMsg: 'request:ok' },
    { success: 1, fail: [], complete: 1, sync: false, statusCode: 201, errMsg: 'request:ok' },
  ]);
});

test('browser: manualRedirects true is refused where fetch hides redirects', () => {
  assert.equal(result.manualRedirects, 'wx/options');
});

test('browser: rule 9: CONNECT and TRACE fail with request:fail and the browser\'s own text (fetch refuses them), never hang', () => {
  for (const seen of [result.connect, result.trace]) {
    assert.equal(seen.success, 0);
    assert.equal(seen.complete, 1);
    assert.match(seen.fail[0].errMsg, /^request:fail .+/);
  }
});

test('browser: rule 10: UDP, TCP and mDNS discovery exist and fail with an errMsg naming the browser, after the target rules', () => {
  const notSupported = (api) => `${api}:fail not supported in a browser: browsers have no UDP, TCP or multicast sockets (use wxnet in Node)`;
  assert.deepEqual(result.rawSockets, {
    bindPort: 0,
    udp: [notSupported('createUDPSocket'), notSupported('createUDPSocket')],
    tcp: [notSupported('createTCPSocket'), 'createTCPSocket:fail tcp://10.77.0.2:3306 port blocked'],
  });
  assert.deepEqual(result.discovery, { errMsg: notSupported('startLocalServiceDiscovery') });
});
