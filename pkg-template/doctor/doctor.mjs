// `doctor(target)`: will the phone accept this HTTPS server (RULES.md §11)? The probe
// (node/tls-probe.mjs) does the I/O; diagnoseChain in the core decides everything.
import { WxnetError } from '../core/errors.mjs';
import { diagnoseChain, tlsProbeSuites } from '../core/tools.mjs';
import { probeTls } from '../node/tls-probe.mjs';

/** `host`, `host:port`, `[v6]:port`, or an https:// / wss:// URL → `{ host, port }`. */
export function parseTarget(target, defaultPort = 443) {
  if (typeof target !== 'string' || target.trim() === '') {
    throw new WxnetError('doctor/target', `the target must be a host, host:port or an https/wss URL, got ${JSON.stringify(target)}`);
  }
  const text = target.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    throw new WxnetError('doctor/target', `${JSON.stringify(target)} is not a host, host:port or URL`);
  }
  if (!['https:', 'wss:'].includes(url.protocol)) {
    throw new WxnetError('doctor/target', `${target}: the phone reaches servers over https or wss only (RULES.md §1)`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return { host, port: url.port ? Number(url.port) : defaultPort };
}

/** The report in the JSON shape of `wxnet doctor --json`. */
export function reportJson(target, host, port, report, tls) {
  return {
    target,
    host,
    port,
    verdict: report.verdict,
    predicted: report.predicted,
    findings: report.findings.map(({ id, severity, platforms, message, help }) => ({ id, severity, platforms, message, help })),
    chain: report.chain,
    ...(tls ? { tls: { versions: tls.versions, ciphers: tls.ciphers ?? [] } } : {}),
  };
}

/**
 * Probes `target` and diagnoses what it serves: the `wxnet doctor --json` object.
 * `options`: `{ port = 443, servername = host, now = new Date(), extraRoots, timeout = 5000 }`.
 */
export async function doctor(target, options = {}) {
  const { host, port } = parseTarget(target, options.port ?? 443);
  const probed = await probeTls({
    host, port, servername: options.servername ?? host, timeout: options.timeout ?? 5000, suites: tlsProbeSuites(),
  });
  const report = diagnoseChain(probed.chain, {
    host: options.servername ?? host, now: options.now ?? new Date(), extraRoots: options.extraRoots, tls: probed.tls,
  });
  return reportJson(target, host, port, report, probed.tls);
}
