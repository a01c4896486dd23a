// `wxnet doctor` against real TLS servers (RULES.md §11, §15): the openssl matrix of
// scripts/tls-fixtures.mjs, made afresh here and served by node:tls on 127.0.0.1 only,
// probed by doctor() and the CLI; each case asserts the finding ids, the verdict per
// platform and the predicted errMsg. The same chains run natively in src/tls/tests.rs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { repoRoot } from './helpers/browser.mjs';
import { HOST, makeFixtures } from '../scripts/tls-fixtures.mjs';

const tools = await import(join(repoRoot, 'pkg/tools-node.mjs'));
const NOW = '2026-01-15T00:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'wxnet-doctor-'));
const servers = new Map();
let root;

/** Serves a case's chain; `options` are node:tls server options (versions, ciphers). */
function serve(name, chainCase, options = {}) {
  const server = tls.createServer({
    cert: readFileSync(join(dir, `${chainCase}.chain.pem`)), key: readFileSync(join(dir, `${chainCase}.key`)),
    ciphers: 'DEFAULT:@SECLEVEL=0', minVersion: 'TLSv1', ...options,
  }, (socket) => socket.end());
  server.on('tlsClientError', () => {});
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => { servers.set(name, server); resolve(); }));
}

const port = (name) => servers.get(name).address().port;
const diagnose = (name) => tools.doctor(`127.0.0.1:${port(name)}`, { servername: HOST, now: NOW, extraRoots: root, timeout: 2000 });

before(async () => {
  makeFixtures(dir);
  root = readFileSync(join(dir, 'root.pem'), 'utf8');
  const chains = ['good', 'expired', 'notyet', 'selfsigned', 'untrusted', 'leafonly', 'wrongorder', 'rootincluded', 'rsa1024',
    'sha1inter', 'nosan', 'lifetime400', 'noeku'];
  await Promise.all(chains.map((name) => serve(name, name)));
  await serve('tls10-11', 'good', { maxVersion: 'TLSv1.1' });
  await serve('tls13', 'good', { minVersion: 'TLSv1.3' });
  await serve('nofs', 'good', { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384:@SECLEVEL=0' });
});

after(() => {
  for (const server of servers.values()) server.close();
  rmSync(dir, { recursive: true, force: true });
});

const A202 = 'request:fail -202:net::ERR_CERT_AUTHORITY_INVALID';
const MISMATCH = 'request:fail -113:net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH';
// [server, finding ids (most severe first; info omitted), [ios, android, devtools], predicted { platform: errMsg }]
const MATRIX = [
  ['good', [], ['pass', 'pass', 'pass'], {}],
  ['expired', ['cert.date.valid'], ['fail', 'fail', 'fail'], { ios: 'request:fail -201:net::ERR_CERT_DATE_INVALID' }],
  ['notyet', ['cert.date.valid'], ['fail', 'fail', 'fail'], { android: 'request:fail -201:net::ERR_CERT_DATE_INVALID' }],
  ['selfsigned', ['cert.selfsigned'], ['fail', 'fail', 'fail'], { ios: A202, android: A202 }],
  ['untrusted', ['chain.trusted'], ['fail', 'fail', 'fail'], { android: A202 }],
  ['leafonly', ['chain.complete', 'chain.complete'], ['risk', 'fail', 'risk'], { android: A202 }],
  ['wrongorder', [], ['pass', 'pass', 'pass'], {}],
  ['rootincluded', [], ['pass', 'pass', 'pass'], {}],
  ['rsa1024', ['cert.key.size'], ['fail', 'pass', 'pass'], { ios: 'request:fail -207:net::ERR_CERT_INVALID' }],
  ['sha1inter', ['cert.sig.sha2'], ['fail', 'fail', 'fail'], { android: 'request:fail -208:net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM' }],
  ['nosan', ['cert.name.san'], ['fail', 'fail', 'fail'], { ios: 'request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID' }],
  ['lifetime400', ['cert.lifetime'], ['pass', 'pass', 'pass'], {}],
  ['noeku', ['cert.eku.serverauth'], ['fail', 'fail', 'fail'], { android: 'request:fail -207:net::ERR_CERT_INVALID' }],
  ['tls10-11', ['tls.version.min12'], ['fail', 'fail', 'fail'], { android: MISMATCH, devtools: 'request:fail 小程序要求的 TLS 版本必须大于等于 1.2' }],
  ['tls13', ['tls.version.tls12_present'], ['pass', 'risk', 'pass'], {}],
  ['nofs', ['tls.cipher.ats_fs'], ['fail', 'pass', 'pass'], { ios: MISMATCH }],
];

for (const [name, ids, verdicts, predicted] of MATRIX) {
  test(`rule 11: doctor on a local server: ${name}`, async () => {
    const report = await diagnose(name);
    assert.deepEqual(report.findings.filter((f) => f.severity !== 'info').map((f) => f.id), ids);
    assert.deepEqual([report.verdict.ios, report.verdict.android, report.verdict.devtools], verdicts);
    for (const [platform, errMsg] of Object.entries(predicted)) assert.equal(report.predicted[platform]?.errMsg, errMsg, platform);
    if (verdicts.every((v) => v !== 'fail')) assert.deepEqual(report.predicted, {});
  });
}

test('rule 11: the probe records versions, suites, the sent root and OCSP', async () => {
  const good = await diagnose('good');
  assert.equal(good.tls.versions['TLSv1.2'], true);
  assert.ok(good.tls.ciphers.includes('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'));
  assert.equal(good.chain.length, 2);
  const legacy = await diagnose('tls10-11');
  assert.deepEqual(legacy.tls.versions, { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': false, 'TLSv1.3': false });
  assert.ok(legacy.findings.some((f) => f.id === 'tls.version.legacy' && f.severity === 'info'));
  const rootSent = await diagnose('rootincluded');
  assert.ok(rootSent.findings.some((f) => f.id === 'chain.anchor_sent'));
  assert.ok(good.findings.some((f) => f.id === 'cert.ocsp_staple'));
});

test('rule 11: the full probe of a local server takes under 2 s', async () => {
  const started = performance.now();
  await diagnose('good');
  const ms = performance.now() - started;
  assert.ok(ms < 2000, `${ms} ms`);
});

function cli(...args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'pkg/cli.mjs'), ...args], { cwd: repoRoot });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

test('rule 11: wxnet doctor --json has exactly the documented shape; exit 0 ready, 1 not, 2 unreachable', async () => {
  const ok = await cli('doctor', `127.0.0.1:${port('good')}`, '--servername', HOST, '--ca', join(dir, 'root.pem'), '--now', NOW, '--json');
  assert.equal(ok.code, 0, ok.err);
  const json = JSON.parse(ok.out);
  assert.deepEqual(Object.keys(json), ['target', 'host', 'port', 'verdict', 'predicted', 'findings', 'chain', 'tls']);
  assert.deepEqual(Object.keys(json.verdict), ['ios', 'android', 'devtools']);
  assert.deepEqual(Object.keys(json.chain[0]), ['subject', 'issuer', 'sans', 'notBefore', 'notAfter', 'key', 'signature', 'sha256']);
  assert.deepEqual(Object.keys(json.tls), ['versions', 'ciphers']);
  for (const f of json.findings) assert.deepEqual(Object.keys(f), ['id', 'severity', 'platforms', 'message', 'help']);
  const bad = await cli('doctor', `127.0.0.1:${port('leafonly')}`, '--servername', HOST, '--ca', join(dir, 'root.pem'), '--now', NOW);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /Android +FAILS: request:fail -202:net::ERR_CERT_AUTHORITY_INVALID \(errno 600001\)/);
  assert.match(bad.out, /fix: Serve the full chain/);
  assert.match(bad.out, /Chain \(as sent\):\n {2}0 CN=good\.wxnet\.test/);
  const closed = await cli('doctor', '127.0.0.1:1', '--timeout', '1000');
  assert.equal(closed.code, 2);
  assert.match(closed.err, /refused the connection.*\[doctor\/connect\]/);
  assert.equal((await cli('doctor', 'ftp://x.test')).code, 2);
  const pem = await cli('doctor', '--pem', join(dir, 'expired.chain.pem'), '--host', HOST, '--ca', join(dir, 'root.pem'), '--now', NOW, '--json');
  assert.equal(pem.code, 1);
  assert.equal(JSON.parse(pem.out).predicted.ios.errMsg, 'request:fail -201:net::ERR_CERT_DATE_INVALID');
});

test('rule 11: diagnoseChain in Node: PEM, DER and errors', () => {
  const pem = readFileSync(join(dir, 'good.chain.pem'), 'utf8');
  const report = tools.diagnoseChain(pem, { host: HOST, now: new Date(NOW), extraRoots: root });
  assert.deepEqual(report.verdict, { ios: 'pass', android: 'pass', devtools: 'pass' });
  const untrusted = tools.diagnoseChain(pem, { host: HOST, now: Date.parse(NOW) });
  assert.equal(untrusted.verdict.android, 'fail');
  assert.throws(() => tools.diagnoseChain('no pem here', { host: HOST, now: NOW }), (e) => e.code === 'tls/chain');
  assert.throws(() => tools.diagnoseChain(pem, { host: HOST, now: 'soon' }), (e) => e.code === 'tls/options');
  assert.throws(() => tools.diagnoseChain(pem, { host: HOST, now: NOW, stores: ['windows'] }), (e) => e.code === 'tls/options');
});

test('rule 11: diagnoseChain survives random and mutated DER (no trap, the instance stays alive)', () => {
  const leafBase64 = readFileSync(join(dir, 'good.chain.pem'), 'utf8').split('-----')[2];
  const der = new Uint8Array(Buffer.from(leafBase64, 'base64'));
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed; };
  for (let i = 0; i < 300; i++) {
    const bytes = i % 2 ? Uint8Array.from({ length: random() % 400 }, () => random() & 255) : der.slice(0, random() % der.length);
    if (i % 3 === 0 && bytes.length) bytes[random() % bytes.length] = random() & 255;
    try { tools.diagnoseChain(bytes.length ? bytes : new Uint8Array([0x30]), { host: HOST, now: NOW }); } catch (error) { assert.ok(error instanceof tools.WxnetError, String(error)); }
  }
  assert.equal(tools.diagnoseChain(der, { host: HOST, now: NOW, extraRoots: root }).chain.length, 1);
});
