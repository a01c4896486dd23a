// The in-browser tool: every check calls the wasm core through the npm package's
// browser entry, exactly as a previewer would.
import { init, parseReferer, buildReferer, lintDomains, checkUrl, WxnetError } from 'wxnet';
import { init as initTools, explainErrMsg, diagnoseChain } from 'wxnet/tools';

const $ = (id) => document.getElementById(id);

/**
 * Shows `compute()`'s result — a text, or `[text, good]` when the text reports a
 * problem — or the WxnetError's message and code.
 */
function show(output, compute) {
  try {
    const [text, good = true] = [].concat(compute());
    output.textContent = text;
    output.className = good ? 'ok' : 'error';
  } catch (error) {
    if (!(error instanceof WxnetError)) throw error;
    output.textContent = `${error.message}\n[${error.code}]`;
    output.className = 'error';
  }
}

function refreshReferer() {
  show($('referer-output'), () => {
    const r = parseReferer($('referer-input').value.trim());
    const kind = { develop: 'development, trial or review build', devtools: 'WeChat DevTools', release: `released version ${r.release}` }[r.env];
    return `AppID ${r.appid}\n${kind}`;
  });
}

function refreshBuild() {
  show($('build-output'), () => {
    const version = $('build-version').value.trim();
    return buildReferer($('build-appid').value.trim(), /^\d+$/.test(version) ? Number(version) : version);
  });
}

/** The domains JSON as typed, or a WxnetError naming where it does not parse. */
function readDomains() {
  try {
    return JSON.parse($('domains-input').value);
  } catch (error) {
    throw new WxnetError('www/json', `the server domains are not valid JSON: ${error.message}`);
  }
}

function refreshDomains() {
  show($('domains-output'), () => {
    const diagnostics = lintDomains(readDomains());
    if (diagnostics.length === 0) return 'no problems: the console would accept every entry';
    const text = diagnostics.map((d) => `${d.severity.padEnd(7)} ${d.pointer ?? ''}  ${d.message}  [${d.code}]${d.help ? `\n        help: ${d.help}` : ''}`).join('\n');
    return [text, !diagnostics.some((d) => d.severity === 'error')];
  });
  refreshCheck();
}

function refreshCheck() {
  show($('check-output'), () => {
    const lanIp = $('check-lan').value.trim();
    const verdict = checkUrl($('check-api').value, $('check-url').value, {
      domains: readDomains(),
      urlCheck: $('check-urlcheck').checked,
      lan: lanIp ? { ip: lanIp } : undefined,
    });
    const where = verdict.host ? `host ${verdict.host}${verdict.port ? `, port ${verdict.port} as written` : ''}\n` : '';
    const text = `${verdict.ok ? 'allowed' : 'refused'} (${verdict.reason})\n${where}errMsg: ${verdict.errMsg}${verdict.errno ? `\nerrno: ${verdict.errno}` : ''}`;
    return [text, verdict.ok];
  });
}

function refreshExplain() {
  show($('explain-output'), () => {
    const e = explainErrMsg($('explain-input').value);
    const code = e.netError ? ` (${e.netError.code} ${e.netError.name})` : '';
    const facts = [e.api && `api ${e.api}`, `key ${e.key}`, e.errno !== undefined && `errno ${e.errno}`].filter(Boolean).join(', ');
    const list = (items) => items.map((item) => `  - ${item}`).join('\n');
    const text = `${e.title}${code}\n${facts}\nCauses:\n${list(e.causes)}\nFixes:\n${list(e.fixes)}${e.next ? `\nNext: ${e.next}` : ''}`;
    return [text, e.key !== 'unknown'];
  });
}

function refreshChain() {
  show($('chain-output'), () => {
    const pem = $('chain-input').value;
    if (!pem.trim()) return 'paste a PEM chain above';
    const nowText = $('chain-now').value.trim();
    const roots = $('chain-roots').value.trim();
    const r = diagnoseChain(pem, { host: $('chain-host').value.trim(), now: nowText || new Date(), extraRoots: roots || undefined });
    const lines = ['ios', 'android', 'devtools'].map((p) => `${p.padEnd(9)} ${r.verdict[p]}${r.predicted[p] ? `: ${r.predicted[p].errMsg}` : ''}`);
    for (const f of r.findings) lines.push(`${f.severity.padEnd(5)} ${f.id} [${f.platforms.join(', ')}]\n      ${f.message}\n      fix: ${f.help}`);
    r.chain.forEach((c, i) => lines.push(`#${i} ${c.subject} (issuer ${c.issuer})\n      ${c.notBefore} → ${c.notAfter}, ${c.key}, ${c.signature}`));
    return [lines.join('\n'), Object.values(r.verdict).every((v) => v !== 'fail')];
  });
}

await Promise.all([init(), initTools()]);
$('domains-input').addEventListener('input', refreshDomains);
for (const id of ['check-api', 'check-lan', 'check-urlcheck', 'check-url']) $(id).addEventListener('input', refreshCheck);
refreshDomains();
for (const id of ['referer-input']) $(id).addEventListener('input', refreshReferer);
for (const id of ['build-appid', 'build-version']) $(id).addEventListener('input', refreshBuild);
refreshReferer();
refreshBuild();
for (const id of ['chain-host', 'chain-now', 'chain-input', 'chain-roots']) $(id).addEventListener('input', refreshChain);
refreshChain();
$('explain-input').addEventListener('input', refreshExplain);
refreshExplain();
$('status').textContent = 'ready: all checks run locally in WebAssembly';
document.body.dataset.ready = 'true';
