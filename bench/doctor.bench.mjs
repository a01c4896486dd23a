// The doctor: diagnoseChain on a 3-certificate RSA chain per call in wasm (target
// ≤ 10 ms), against Node's native signature checks of the same chain (OpenSSL, no
// path building, no stores, no findings) as a floor; the full probe of a local server
// (target ≤ 2 s); the tools module's size.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { gzipSync } from 'node:zlib';
import { compare, record } from './harness.mjs';
import { repoRoot } from '../tests/helpers/browser.mjs';

const tools = await import(`${repoRoot}/pkg/tools-node.mjs`);
const data = (name) => readFileSync(`${repoRoot}/tests/data/tls/${name}`, 'utf8');
const chain = data('rootincluded.chain.pem');
const root = data('root.pem');
const options = { host: 'good.wxnet.test', now: '2026-01-15', extraRoots: root };
const certs = chain.split(/(?=-----BEGIN CERTIFICATE-----)/).map((pem) => new X509Certificate(pem));

const wasm = readFileSync(`${repoRoot}/pkg/wxnet_tools_bg.wasm`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
record('wxnet_tools_bg.wasm size (raw / gzip -9)', `${kb(wasm.length)} / ${kb(gzipSync(wasm, { level: 9 }).length)}`);

const row = await compare({
  name: 'diagnoseChain, 3 RSA certificates',
  unit: 'chain',
  baseline: () => { certs[0].verify(certs[1].publicKey); certs[1].verify(certs[2].publicKey); return 1; },
  candidate: () => { tools.diagnoseChain(chain, options); return 1; },
});
const perCall = 1000 / row.candidate;
record('diagnoseChain per call (target ≤ 10 ms)', `${perCall.toFixed(2)} ms ${perCall <= 10 ? 'met' : 'MISSED'}`);

const server = tls.createServer({ cert: data('good.chain.pem'), key: readFileSync(`${repoRoot}/tests/data/tls/good.key`, 'utf8') }, (s) => s.end());
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const started = performance.now();
await tools.doctor(`127.0.0.1:${server.address().port}`, { servername: 'good.wxnet.test', now: '2026-01-15', extraRoots: root });
const probeMs = performance.now() - started;
record('doctor(): full probe of a local server (target ≤ 2 s)', `${probeMs.toFixed(0)} ms ${probeMs <= 2000 ? 'met' : 'MISSED'}`);
server.close();
