// The build plugin's cost: a Vite build of a generated 1,000-module project with and
// without wxnet/vite, side by side. Each candidate round has settings of its own, so
// the content cache never answers (the cost of a first build, not of a watch rebuild).
// In the project one module in 20 calls a network API (an app's API layer); a denser
// one (every third module) and a first build in a fresh process are recorded too.
// Target: the build with the plugin takes ≤ 1.10× the time (throughput ratio ≥ 0.91).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import wxnet from '../pkg/plugin/vite.mjs';
import { compare, record } from './harness.mjs';

const MODULES = 1000;
const URLS = ['https://api.example.com/user', 'http://api.example.com/list', 'https://other.example.org/x'];

/** One module of ordinary code (≈ 1.7 KB); a network call when `calls`. */
function module(i, calls) {
  const filler = Array.from({ length: 12 }, (_, k) =>
    `export function handler${k}(event) {\n  const value = event.detail.value + ${k}; // 输入 ${i}\n  return { list: [value, ${i}], time: Date.now() };\n}`).join('\n');
  return calls ? `${filler}\nexport const load = () => wx.request({ url: '${URLS[Math.floor(i / 3) % URLS.length]}', method: 'GET' });\n` : `${filler}\n`;
}

/** A project folder: src/main.js re-exports MODULES modules, one in `every` with a call. */
function project(every) {
  const root = mkdtempSync(join(tmpdir(), 'wxnet-bench-plugin-'));
  mkdirSync(join(root, 'src/modules'), { recursive: true });
  writeFileSync(join(root, 'wxnet.config.json'), JSON.stringify({ domains: { requestdomain: ['https://api.example.com'] }, rules: { 'wxnet/domain-icp': 'off' } }));
  const imports = [];
  for (let i = 0; i < MODULES; i++) {
    writeFileSync(join(root, `src/modules/m${i}.js`), module(i, i % every === 0));
    imports.push(`export * as m${i} from './modules/m${i}.js';`);
  }
  writeFileSync(join(root, 'src/main.js'), `${imports.join('\n')}\n`);
  return root;
}

const viteBuild = (root, plugins) => build({
  root, configFile: false, logLevel: 'silent',
  build: { write: false, lib: { entry: 'src/main.js', formats: ['es'] }, rollupOptions: { onLog() {} } },
  plugins,
});

let round = 0;
async function measure(every, target) {
  const root = project(every);
  let findings = 0;
  const withPlugin = async () => {
    round += 1;
    findings = 0;
    // A lan of its own per round: new settings, so no module comes from the cache.
    await viteBuild(root, [wxnet({ failOn: 'never', lan: `10.${round >> 8}.${round & 255}.1/24`, onLint: (r) => { findings += r.diagnostics.length; } })]);
    return 1;
  };
  await withPlugin();
  const row = await compare({
    name: `vite build + wxnet/vite vs without, 1 module in ${every} calls`,
    baseline: async () => (await viteBuild(root, []), 1),
    candidate: withPlugin,
    target,
    unit: 'build',
    ms: 1,
  });
  const slower = 1 / row.ratio;
  record(`plugin: 1 in ${every}: build time with ÷ without`, `${slower.toFixed(2)}× (${findings} findings)${target ? ` (target ≤ 1.10×${slower <= 1.1 ? ', met' : ', MISSED'})` : ''}`);
  return root;
}

const realistic = await measure(20, 0.91);
rmSync(await measure(3), { recursive: true, force: true });

// A first build in a fresh process (what `vite build` pays once: the tools module is
// compiled and tiers up), best of 3 each way.
const script = fileURLToPath(new URL('./plugin-once.mjs', import.meta.url));
const once = (withPlugin) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [script, realistic, withPlugin ? 'plugin' : 'bare'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    best = Math.min(best, performance.now() - started);
  }
  return best;
};
const bare = once(false);
const plugged = once(true);
record('plugin: first build in a fresh process, with ÷ without', `${(plugged / bare).toFixed(2)}× (${plugged.toFixed(0)} ms vs ${bare.toFixed(0)} ms)`);
rmSync(realistic, { recursive: true, force: true });
