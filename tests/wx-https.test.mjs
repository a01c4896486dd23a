// The wx shim over real TLS: a test CA and a certificate for api.example.test made
// with openssl, an HTTPS + WSS server on 127.0.0.1, and listed domains checked
// end to end (the injected fetch/WebSocket connect api.example.test to the server).
// Node trusts extra CAs only from NODE_EXTRA_CA_CERTS at start-up, so the calls
// run in a child process (tests/helpers/wx-https-child.mjs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeTestCertificates } from './helpers/wx-servers.mjs';

const child = fileURLToPath(new URL('./helpers/wx-https-child.mjs', import.meta.url));
let certificates;
before(() => { certificates = makeTestCertificates(['api.example.test']); });

function runChild(env) {
  return new Promise((resolve, reject) => {
    const { NODE_EXTRA_CA_CERTS, ...rest } = process.env;
    execFile(process.execPath, [child], { env: { ...rest, WXNET_CERT_DIR: certificates.dir, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      return resolve(JSON.parse(stdout));
    });
  });
}

test('https: rule 1 and 5: listed https/wss domains work end to end over TLS with the platform Referer', async () => {
  const result = await runChild({ NODE_EXTRA_CA_CERTS: certificates.caFile });
  const referer = 'https://servicewechat.com/wx0123456789abcdef/3/page-frame.html';
  assert.deepEqual(result.request, { statusCode: 200, url: '/echo?x=1', body: '{"a":1}', referer, errMsg: 'request:ok' });
  assert.deepEqual(result.unlisted, [{ errMsg: 'request:fail url not in domain list', errno: 600002 }]);
  assert.equal(result.port.length, 1, 'an explicit :443 does not match an entry without a port');
  assert.equal(result.port[0].errno, 600002);
  assert.deepEqual(result.upload, { errMsg: 'uploadFile:ok', fields: { k: 'v' }, size: 5000, referer });
  assert.deepEqual(result.download, { errMsg: 'downloadFile:ok', size: 7000 });
  assert.deepEqual(result.socket, { message: 'echo:over tls', referer, close: { code: 1000, reason: 'done' } });
});

test('https: rule 7: a certificate the client does not trust is no response: fail (errno 600001), never success', async () => {
  const result = await runChild({});
  assert.equal(result.request.fail.length, 1);
  assert.match(result.request.fail[0].errMsg, /^request:fail (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$/);
  assert.equal(result.request.fail[0].errno, 600001, 'certificate failures carry errno 600001');
});

test('https: rule 3: urlCheck false skips the certificate check in Node, for requests and sockets alike', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const WebSocket = (await import('ws')).default;
  const { createWx } = await import('../pkg/node.mjs');
  const { startHttpsServer } = await import('./helpers/wx-servers.mjs');
  const server = await startHttpsServer({ cert: readFileSync(join(certificates.dir, 'server.pem')), key: readFileSync(join(certificates.dir, 'server.key')) });
  const request = (wx, url) => new Promise((resolve) => wx.request({ url, success: resolve, fail: resolve }));
  try {
    // The test CA is not trusted in this process: with checks on, the certificate fails.
    const listed = { domains: { requestdomain: ['https://api.example.test'] }, upstreams: { 'https://api.example.test': server.origin } };
    const checked = await request(createWx(listed).wx, 'https://api.example.test/status?code=200');
    assert.equal(checked.errno, 600001, checked.errMsg);
    const { wx } = createWx({ ...listed, urlCheck: false, WebSocket });
    const unchecked = await request(wx, 'https://api.example.test/status?code=200');
    assert.deepEqual([unchecked.errMsg, unchecked.statusCode], ['request:ok', 200]);
    const direct = await request(wx, `${server.origin}/status?code=201`);
    assert.deepEqual([direct.errMsg, direct.statusCode], ['request:ok', 201]);
    const socket = wx.connectSocket({ url: `${server.wsOrigin}/live` });
    const opened = await new Promise((resolve) => { socket.onOpen(() => resolve('open')); socket.onError((e) => resolve(e.errMsg)); });
    assert.equal(opened, 'open');
    socket.close({});
  } finally {
    await server.close();
  }
});
