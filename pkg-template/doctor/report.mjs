// The human report of `wxnet doctor`: a verdict line per platform, the findings by
// severity with their fix, then the chain.
const PLATFORMS = { ios: 'iOS', android: 'Android', devtools: 'DevTools' };
const MARK = { pass: 'ready', risk: 'at risk', fail: 'FAILS' };

export function renderReport(json) {
  const lines = [`${json.target} (${json.host}:${json.port})`];
  for (const [platform, label] of Object.entries(PLATFORMS)) {
    const verdict = json.verdict[platform];
    const predicted = json.predicted[platform];
    lines.push(`  ${label.padEnd(9)} ${MARK[verdict]}${predicted ? `: ${predicted.errMsg}${predicted.errno ? ` (errno ${predicted.errno})` : ''}` : ''}`);
  }
  if (json.findings.length) lines.push('', 'Findings:');
  for (const f of json.findings) {
    lines.push(`  ${f.severity.padEnd(5)} ${f.id} [${f.platforms.join(', ')}]`, `        ${f.message}`, `        fix: ${f.help}`);
  }
  if (json.tls) {
    const versions = Object.entries(json.tls.versions).map(([v, ok]) => `${v} ${ok ? 'yes' : 'no'}`).join(', ');
    lines.push('', `TLS: ${versions}`, `TLS 1.2 suites: ${json.tls.ciphers.join(', ') || 'none'}`);
  }
  lines.push('', 'Chain (as sent):');
  json.chain.forEach((c, i) => {
    lines.push(`  ${i} ${c.subject}`, `      issuer ${c.issuer}`,
      `      ${c.notBefore} → ${c.notAfter}, ${c.key}, ${c.signature}${c.sans.length ? `\n      SAN ${c.sans.join(', ')}` : ''}`);
  });
  return lines.join('\n');
}
