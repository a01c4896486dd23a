// Size of what users download, and how long initialisation takes in Node and in
// Chromium, each against the bare WebAssembly compile of the same bytes (the floor
// that no glue can beat) measured in the same run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compare, record } from './harness.mjs';
import { serveStatic } from '../scripts/lib/serve.mjs';
import { launchChromium, repoRoot } from '../tests/helpers/browser.mjs';

const wasmBytes = readFileSync(`${repoRoot}/pkg/wxnet_bg.wasm`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
record('wxnet_bg.wasm size (raw / gzip -9)', `${kb(wasmBytes.length)} / ${kb(gzipSync(wasmBytes, { level: 9 }).length)}`);
// The JS a browser user ships: browser.mjs and everything it imports, bundled and minified.
const { build } = await import('esbuild');
const bundle = await build({ entryPoints: [`${repoRoot}/pkg/browser.mjs`], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'error' });
const bundled = bundle.outputFiles[0].contents;
record('browser JS (browser.mjs bundled, minified: raw / gzip -9)', `${kb(bundled.length)} / ${kb(gzipSync(bundled, { level: 9 }).length)}`);

// Node: what `import 'wxnet'` adds to a process's start-up, against a bare `node` start.
const nodeStart = (args) => () => { execFileSync(process.execPath, args, { cwd: repoRoot }); return 1; };
const nodeRow = await compare({
  name: 'Node start-up: import wxnet vs bare node',
  unit: 'start',
  ms: 1500,
  baseline: nodeStart(['-e', '0']),
  candidate: nodeStart(['--input-type=module', '-e', "import './pkg/node.mjs'"]),
});
record('Node: import wxnet adds', `${(1000 / nodeRow.candidate - 1000 / nodeRow.baseline).toFixed(1)} ms per process`);

// Chromium: a cold page load each time. The page imports browser.mjs, then times
// `await init()` (fetch + compile + instantiate + start) and compileStreaming of the
// same bytes from another URL (fetch + compile only), alternating which goes first.
const browser = await launchChromium();
const server = await serveStatic(repoRoot, {
  '/bench-init.html': (req, res) => {
    res.setHeader('content-type', 'text/html');
    const baselineFirst = new URL(req.url, 'http://x').searchParams.has('baselineFirst');
    res.end(`<script type="module">
      const t = performance.now();
      const { init, parseReferer } = await import('/pkg/browser.mjs');
      const importMs = performance.now() - t;
      const timeWxnet = async () => {
        const t0 = performance.now();
        await init();
        parseReferer('https://servicewechat.com/touristappid/0/page-frame.html');
        return performance.now() - t0;
      };
      const timeBaseline = async () => {
        const t0 = performance.now();
        await WebAssembly.compileStreaming(fetch('/pkg/wxnet_bg.wasm?baseline', { cache: 'no-store' }));
        return performance.now() - t0;
      };
      const baselineMs = ${baselineFirst} ? await timeBaseline() : undefined;
      const wxnetMs = await timeWxnet();
      window.__result = { importMs, wxnetMs, baselineMs: baselineMs ?? await timeBaseline() };
    </script>`);
  },
});
const samples = [];
for (let i = 0; i < 8; i++) {
  const context = await browser.newContext(); // a fresh cache each time
  const page = await context.newPage();
  await page.goto(`${server.origin}/bench-init.html${i % 2 ? '?baselineFirst' : ''}`);
  await page.waitForFunction(() => window.__result);
  samples.push(await page.evaluate(() => window.__result));
  await context.close();
}
await browser.close();
await server.close();
const best = (key) => Math.min(...samples.map((s) => s[key]));
record('Chromium: import browser.mjs (best of 8 cold loads)', `${best('importMs').toFixed(1)} ms`);
record('Chromium: await init() vs compileStreaming baseline', `${best('wxnetMs').toFixed(1)} ms vs ${best('baselineMs').toFixed(1)} ms (ratio ${(best('wxnetMs') / best('baselineMs')).toFixed(2)}×)`);
