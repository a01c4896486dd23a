// The TLS probe of `wxnet doctor` (RULES.md §11): connects to one host with node:tls
// and records what a phone would meet there — the certificates sent, which TLS versions
// and which TLS 1.2 suites the server accepts, OCSP stapling, and whether a client
// without SNI gets another certificate. It contacts the named host only, never
// verifies anything itself (the core does, in diagnoseChain) and times out every
// connection. An unreachable host is a WxnetError `doctor/connect` naming why.
import tls from 'node:tls';
import { WxnetError } from '../core/errors.mjs';

const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

// A CA list that matches nothing, so that Node never appends a root from its own store
// to the chain it reports: the chain stays what the server sent.
const NO_ROOTS = [];

/** Why a connection failed, in words and as a code (DNS, refused, timeout, …). */
function connectError(error, host, port) {
  const reasons = {
    ENOTFOUND: `the name ${host} does not resolve (DNS)`,
    EAI_AGAIN: `the name ${host} could not be resolved now (DNS)`,
    ECONNREFUSED: `${host}:${port} refused the connection (nothing listens there?)`,
    ECONNRESET: `${host}:${port} reset the connection`,
    EHOSTUNREACH: `${host} is unreachable`,
    ETIMEDOUT: `${host}:${port} did not answer in time`,
  };
  const reason = reasons[error.code] ?? `${host}:${port}: ${error.message}`;
  return new WxnetError('doctor/connect', reason);
}

/**
 * One TLS connection; resolves `{ ok, socket facts }` when the handshake completes, `{ ok: false, error }`
 * when the server refuses it, and rejects on a transport failure (DNS, refused, timeout).
 */
function attempt({ host, port, servername, timeout, minVersion, maxVersion, ciphers, withChain = false }) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const options = {
      host, port, rejectUnauthorized: false, ca: NO_ROOTS, requestOCSP: withChain, minVersion, maxVersion,
      // Old versions and weak suites must be tried, not refused by our own side.
      ciphers: ciphers ?? 'DEFAULT:@SECLEVEL=0',
    };
    if (servername) options.servername = servername;
    let ocsp = false;
    const socket = tls.connect(options);
    const finish = (value, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error); else resolve(value);
    };
    const timer = setTimeout(() => finish(undefined, Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), timeout);
    socket.on('OCSPResponse', (response) => { ocsp = Boolean(response && response.length); });
    socket.once('secureConnect', () => {
      const facts = { ok: true, protocol: socket.getProtocol(), cipher: socket.getCipher()?.standardName };
      if (withChain) {
        facts.chain = peerChain(socket);
        // The OCSP response arrives before secureConnect completes.
        facts.ocsp = ocsp;
      }
      finish(facts);
    });
    socket.once('error', (error) => {
      const transport = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENETUNREACH'];
      if (transport.includes(error.code)) finish(undefined, error);
      else finish({ ok: false, error: error.code ?? error.message });
    });
  });
}

/** The certificates the server sent, leaf first (DER), in issuer order as Node gives them. */
function peerChain(socket) {
  const chain = [];
  const seen = new Set();
  for (let cert = socket.getPeerCertificate(true); cert?.raw && !seen.has(cert.fingerprint256); cert = cert.issuerCertificate) {
    seen.add(cert.fingerprint256);
    chain.push(new Uint8Array(cert.raw));
  }
  return chain;
}

/** Runs `tasks` (functions returning promises) with at most `limit` at once. */
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Probes `host:port`: `{ chain, tls: { versions, ciphers, ocspStaple, noSniCertificateDiffers } }`.
 * `suites` is the core's list of `{ iana, openssl }` TLS 1.2 suites to try.
 */
export async function probeTls({ host, port = 443, servername = host, timeout = 5000, suites = [] }) {
  const base = { host, port, timeout, servername: /^[\d.]+$|:/.test(servername) ? undefined : servername };
  let first;
  try {
    first = await attempt({ ...base, withChain: true, minVersion: 'TLSv1', maxVersion: 'TLSv1.3' });
  } catch (error) {
    throw connectError(error, host, port);
  }
  if (!first.ok) throw new WxnetError('doctor/connect', `${host}:${port} refused every TLS handshake (${first.error}); is it TLS at all?`);
  const settle = (promise) => promise.catch((error) => ({ ok: false, error: error.code ?? error.message }));
  const versionTasks = VERSIONS.map((version) => () => settle(attempt({ ...base, minVersion: version, maxVersion: version })));
  const suiteTasks = suites.map(({ openssl }) => () =>
    settle(attempt({ ...base, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: `${openssl}:@SECLEVEL=0` })));
  const noSniTask = () => settle(attempt({ ...base, servername: undefined, withChain: true, minVersion: 'TLSv1', maxVersion: 'TLSv1.3' }));
  const results = await pool([...versionTasks, ...suiteTasks, noSniTask], 8);
  const versions = Object.fromEntries(VERSIONS.map((version, i) => [version, results[i].ok]));
  const ciphers = suites.filter((_, i) => results[VERSIONS.length + i].ok).map((suite) => suite.iana);
  const noSni = results.at(-1);
  const sameLeaf = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);
  return {
    chain: first.chain,
    tls: {
      versions,
      ciphers: versions['TLSv1.2'] ? ciphers : undefined,
      ocspStaple: first.ocsp,
      noSniCertificateDiffers: noSni.ok && noSni.chain?.[0] && first.chain[0] ? !sameLeaf(noSni.chain[0], first.chain[0]) : undefined,
    },
  };
}
