// lintProject over a generated project of 1,500 files (≈ 5 MB) against a JavaScript
// baseline written here: acorn parse + a walk for the same call sites + checkUrls, with
// the same findings (checked before measuring). Target: ≥ 2× the baseline, and
// `wxnet lint` on the project on disk in ≤ 1 s wall.
import { parse } from 'acorn';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUrls } from '../pkg/node.mjs';
import { lintProject } from '../pkg/tools-node.mjs';
import { compare, record } from './harness.mjs';

const DOMAINS = { requestdomain: ['https://api.example.com'], uploaddomain: ['https://up.example.com'] };
const URLS = ['https://api.example.com/user', 'http://api.example.com/list', 'https://other.example.org/x', 'https://203.0.113.5/a', 'https://api.example.com:8443/p'];
const APIS = ['request', 'uploadFile'];

/** One page of ordinary code with two network calls: ≈ 3.4 KB. */
function page(i) {
  const filler = Array.from({ length: 20 }, (_, k) =>
    `  method${k}(event) {\n    const value = event.detail.value + ${k}; // 输入 ${i}\n    this.setData({ ['list[' + ${k} + ']']: value, time: Date.now() })\n  },`).join('\n');
  return `const util = require('../../utils/util.js')\nPage({\n  data: { list: [], time: 0 },\n${filler}\n` +
    `  onLoad() {\n    wx.${APIS[i % 2]}({ url: '${URLS[i % URLS.length]}', name: 'f', filePath: 'p', success: (r) => this.setData({ r }) })\n` +
    `    wx.request({ url: '${URLS[(i + 2) % URLS.length]}', method: 'POST' })\n  }\n})\n`;
}

const files = new Map([['wxnet.config.json', JSON.stringify({ domains: DOMAINS, rules: { 'wxnet/domain-icp': 'off' } })]]);
for (let i = 0; i < 1500; i++) files.set(`pages/p${i}/p${i}.js`, page(i));
const bytes = [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);

/** The baseline: acorn, a generic walk, then checkUrls per API. */
function baseline() {
  const byApi = { request: [], uploadFile: [] };
  for (const [path, text] of files) {
    if (!path.endsWith('.js')) continue;
    const stack = [parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true })];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.name === 'wx'
        && byApi[node.callee.property.name] && node.arguments[0]?.type === 'ObjectExpression') {
        const url = node.arguments[0].properties.find((p) => p.key?.name === 'url')?.value;
        if (url?.type === 'Literal' && typeof url.value === 'string') byApi[node.callee.property.name].push(url.value);
      }
      for (const key in node) {
        const value = node[key];
        if (value && typeof value === 'object') {
          if (Array.isArray(value)) { for (const item of value) if (item && typeof item.type === 'string') stack.push(item); }
          else if (typeof value.type === 'string') stack.push(value);
        }
      }
    }
  }
  let refused = 0;
  for (const [api, urls] of Object.entries(byApi)) refused += checkUrls(api, urls, { domains: DOMAINS }).filter((v) => !v.ok).length;
  return refused;
}

const candidate = () => lintProject(files).diagnostics.filter((d) => d.code.startsWith('wxnet/url-')).length;

const expected = baseline();
const found = candidate();
record('lint: generated project', `${files.size} files, ${(bytes / 1e6).toFixed(2)} MB, ${found} URL findings (baseline ${expected})`);
if (found !== expected) process.exitCode = 1;

await compare({ name: 'lintProject vs acorn + walk + checkUrls', baseline: () => (baseline(), 1), candidate: () => (candidate(), 1), target: 2, unit: 'project', ms: 1500 });

const dir = mkdtempSync(join(tmpdir(), 'wxnet-bench-lint-'));
for (const [path, text] of files) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
const cli = fileURLToPath(new URL('../pkg/cli.mjs', import.meta.url));
let best = Infinity;
for (let round = 0; round < 3; round++) {
  const start = performance.now();
  spawnSync(process.execPath, [cli, 'lint', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  best = Math.min(best, performance.now() - start);
}
rmSync(dir, { recursive: true, force: true });
record('lint: wxnet lint wall time (best of 3)', `${best.toFixed(0)} ms (target ≤ 1000 ms${best <= 1000 ? ', met' : ', MISSED'})`);
