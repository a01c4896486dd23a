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
