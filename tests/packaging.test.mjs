// The packaging matrix, in the spirit of automerge's packaging_tests: `npm pack` the
// built package, install the tarball into one fresh project per consumer, build it
// with the real tool, and run the result in Node or headless Chromium. Each consumer
// parses and builds a Referer and checks a WxnetError code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium, pageResult, repoRoot, serveStatic } from './helpers/browser.mjs';

const fixtures = join(repoRoot, 'tests/packaging/fixtures');
const work = join(repoRoot, 'tests/packaging/.work');
const expected = {
  parsed: { appid: 'wx0123456789abcdef', version: '3', env: 'release', release: 3 },
  built: 'https://servicewechat.com/touristappid/devtools/page-frame.html',
  errorCode: 'referer/appid',
};
let tarball;
let browser;

before(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(repoRoot, 'pkg') });
  tarball = join(work, packed.toString().trim().split('\n').pop());
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** A fresh project under .work/ with the tarball installed, as a user would have it. */
function project(name, files) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `fixture-${name}`, private: true, type: 'module' }));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, stdio: 'pipe' });
  return dir;
}

const browserMain = (specifier) =>
  readFileSync(join(fixtures, 'browser-main.js'), 'utf8').replace("from 'wxnet'", `from '${specifier}'`);
const browserFiles = (specifier) => ({ 'main.js': browserMain(specifier), 'index.html': readFileSync(join(fixtures, 'index.html'), 'utf8') });

async function runInChromium(distDir) {
  const server = await serveStatic(distDir);
  try {
    return await pageResult(browser, `${server.origin}/index.html`);
  } finally {
    await server.close();
  }
}

test('the tarball holds the entries, glue, wasm and types and nothing else', () => {
  const listing = execFileSync('tar', ['-tzf', tarball]).toString().split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const file of ['package.json', 'node.mjs', 'node.cjs', 'browser.mjs', 'inline.mjs', 'wxnet.js', 'wxnet_bg.wasm', 'index.d.ts', 'cli.mjs', 'README.md']) {
    assert.ok(listing.includes(file), `${file} missing from the tarball`);
  }
  assert.ok(!listing.some((f) => f.endsWith('.rs') || f.startsWith('node_modules')), listing.join(', '));
});

test('Node ESM: import from the installed tarball', () => {
  const dir = project('node-esm', { 'index.mjs': readFileSync(join(fixtures, 'node-esm/index.mjs'), 'utf8') });
  const output = execFileSync(process.execPath, ['index.mjs'], { cwd: dir }).toString();
  assert.deepEqual(JSON.parse(output), expected);
});

test('Node CJS: require() from the installed tarball, and the wxnet bin', () => {
  const dir = project('node-cjs', { 'index.cjs': readFileSync(join(fixtures, 'node-cjs/index.cjs'), 'utf8') });
  const output = execFileSync(process.execPath, ['index.cjs'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.deepEqual(JSON.parse(output.toString()), expected);
  const cli = execFileSync(join(dir, 'node_modules/.bin/wxnet'),
    ['referer', 'https://servicewechat.com/wx0123456789abcdef/3/page-frame.html', '--json'], { cwd: dir });
  assert.deepEqual(JSON.parse(cli.toString())[0].referer, expected.parsed);
});

test('Vite: production build runs in Chromium', async () => {
  const { build } = await import('vite');
  const dir = project('vite', browserFiles('wxnet'));
  await build({ root: dir, logLevel: 'error', build: { outDir: join(dir, 'dist') } });
  assert.ok(readdirSync(join(dir, 'dist/assets')).some((f) => f.endsWith('.wasm')), 'Vite did not emit the .wasm asset');
  assert.deepEqual(await runInChromium(join(dir, 'dist')), expected);
});

test('webpack 5: production build runs in Chromium', async () => {
  const { default: webpack } = await import('webpack');
  const dir = project('webpack', browserFiles('wxnet'));
  const dist = join(dir, 'dist');
  const stats = await promisify(webpack)({
    mode: 'production', context: dir, entry: './main.js', target: 'web',
    output: { path: dist, filename: 'main.js', publicPath: 'auto' },
  });
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  assert.ok(readdirSync(dist).some((f) => f.endsWith('.wasm')), 'webpack did not emit the .wasm asset');
  cpSync(join(dir, 'index.html'), join(dist, 'index.html'));
  assert.deepEqual(await runInChromium(dist), expected);
});

test('Rollup: wxnet/inline bundle runs in Chromium', async () => {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const dir = project('rollup', browserFiles('wxnet/inline'));
  const bundle = await rollup({ input: join(dir, 'main.js'), plugins: [nodeResolve({ browser: true, rootDir: dir })] });
  await bundle.write({ file: join(dir, 'dist/main.js'), format: 'es' });
  await bundle.close();
  cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
  assert.deepEqual(await runInChromium(join(dir, 'dist')), expected);
});

test('esbuild: wxnet/inline bundle runs in Chromium', async () => {
  const esbuild = await import('esbuild');
  const dir = project('esbuild', browserFiles('wxnet/inline'));
  await esbuild.build({
    entryPoints: [join(dir, 'main.js')], bundle: true, format: 'esm', platform: 'browser',
    outfile: join(dir, 'dist/main.js'), logLevel: 'error', absWorkingDir: dir,
  });
  cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
  assert.deepEqual(await runInChromium(join(dir, 'dist')), expected);
});

test('TypeScript: the installed package type-checks for a consumer, and misuse is a type error', () => {
  const good = `import { init, parseReferer, buildReferer, verifyReferer, refererGuard, WxnetError, type ParsedReferer } from 'wxnet';
await init();
const parsed: ParsedReferer = parseReferer('https://servicewechat.com/touristappid/0/page-frame.html');
const env: 'develop' | 'devtools' | 'release' = parsed.env;
const built: string = buildReferer(parsed.appid, 'devtools');
const ok: boolean = verifyReferer(built, { allow: ['devtools'] }).ok;
const guard = refererGuard({ appids: [parsed.appid] });
try { parseReferer(built); } catch (e) { if (e instanceof WxnetError) { const code: string = e.code; console.log(code); } }
console.log(env, ok, guard);
`;
  const bad = `import { parseReferer, verifyReferer } from 'wxnet';
parseReferer(42);
verifyReferer('x', { allow: ['production'] });
`;
  const compilerOptions = {
    strict: true, noEmit: true, module: 'esnext', target: 'es2022', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [],
  };
  const tsconfig = JSON.stringify({ compilerOptions, files: ['good.ts'] });
  const dir = project('types', { 'good.ts': good, 'bad.ts': bad, 'tsconfig.json': tsconfig });
  const tsc = join(repoRoot, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', 'tsconfig.json', '--noEmit'], { cwd: dir, stdio: 'pipe' }); // fails the test on any error
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['bad.ts'] }));
  let output = '';
  try {
    execFileSync(tsc, ['-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
  } catch (error) {
    output = error.stdout.toString();
  }
  assert.match(output, /bad\.ts\(2,14\)/, `expected a type error for parseReferer(42), got: ${output}`);
  assert.match(output, /bad\.ts\(3,/, `expected a type error for allow: ['production'], got: ${output}`);
});
