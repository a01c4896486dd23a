// The build plugin with the real bundlers (RULES.md §12, §13): the committed fixture
// project (tests/plugin/fixture) has a listed URL, an http:// one, a wrapper call, an
// `#ifdef H5` block and a Taro H5 branch; each of Vite, webpack, Rspack, Rollup and
// esbuild builds it, and the http:// URL must appear with its location in that tool's
// own warnings (or fail its production build), the H5-only code never.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { repoRoot } from './helpers/browser.mjs';
import wxnetVite from '../pkg/plugin/vite.mjs';
import wxnetRollup from '../pkg/plugin/rollup.mjs';
import wxnetEsbuild from '../pkg/plugin/esbuild.mjs';
import wxnetRspack from '../pkg/plugin/rspack.mjs';
import { lintCallKeywords, lintProject } from '../pkg/tools-node.mjs';

const require = createRequire(import.meta.url);
const wxnetWebpack = require('../pkg/plugin/webpack.cjs');
const { build: viteBuild } = await import('vite');
const { rollup } = await import('rollup');
const esbuild = await import('esbuild');
const webpack = require('webpack');
const { rspack } = require('@rspack/core');

const fixture = join(repoRoot, 'tests/plugin/fixture');
const standIn = join(repoRoot, 'tests/plugin/stand-in');
const entry = join(fixture, 'src/main.js');

/** Where `text` starts in a fixture file: [line, column], 1-based. */
function locate(file, text) {
  const lines = readFileSync(join(fixture, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return [line + 1, lines[line].indexOf(text) + 1];
}
const [badLine, badColumn] = locate('src/api.js', "'http://api.example.com/user'");
const badAt = `src/api.js:${badLine}:${badColumn}`;
const [wrappedLine, wrappedColumn] = locate('src/api.js', "'http://feed.example.com/latest'");
const configAt = `project.config.json:${locate('project.config.json', 'false').join(':')}`;

/** No finding anywhere but at the http:// URL (and the wrapper when asked) and the committed urlCheck. */
function assertOnlyExpected(texts, { wrapped = false } = {}) {
  const all = texts.join('\n');
  assert.ok(all.includes(`${badAt}  error  wx.request to "http://api.example.com/user"`), all);
  assert.ok(all.includes('wxnet/url-insecure'), all);
  assert.ok(!all.includes('platform.js'), `H5-only code is not mini program code:\n${all}`);
  assert.equal(all.includes('feed.example.com'), wrapped, all);
}

const quietViteLogger = (lines) => ({
  info() {}, warnOnce(message) { lines.push(message); }, warn(message) { lines.push(message); },
  error(message) { lines.push(message); }, clearScreen() {}, hasErrorLogged: () => false, hasWarned: false,
});

async function runVite(pluginOptions, { mode = 'development', root = fixture, input = entry, alias } = {}) {
  const lines = [];
  const logs = [];
  const outDir = mkdtempSync(join(tmpdir(), 'wxnet-vite-'));
  try {
    await viteBuild({
      root, mode, configFile: false, customLogger: quietViteLogger(lines), logLevel: 'warn',
      resolve: alias ? { alias } : undefined,
      build: {
        outDir, minify: false, lib: { entry: input, formats: ['es'], fileName: 'main' },
        rollupOptions: { onLog(level, log) { logs.push(log); } },
      },
      plugins: [wxnetVite(pluginOptions)],
    });
    return { lines, logs, outDir };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw Object.assign(error, { lines });
  }
}

test('rule 13: Vite shows the finding with file:line:column and a loc; the production build fails; h5 never fails', async () => {
  const { logs, outDir } = await runVite({});
  rmSync(outDir, { recursive: true, force: true });
  const finding = logs.find((log) => log.plugin === 'wxnet' && log.message.includes(badAt));
  assert.ok(finding, JSON.stringify(logs));
  assert.deepEqual([finding.loc.file, finding.loc.line, finding.loc.column], [join(fixture, 'src/api.js'), badLine, badColumn - 1]);
  assert.ok(logs.some((log) => log.message.includes(`${configAt}  warning  urlCheck is false`)), 'the configs, at build start');
  assertOnlyExpected(logs.map((log) => log.message));

  await assert.rejects(runVite({}, { mode: 'production' }), (error) => {
    assert.match(error.message, /1 finding\(s\) fail this production build \(failOn: 'error'\)/);
    assert.ok(error.message.includes(badAt), error.message);
    return true;
  });
  const h5 = await runVite({ platform: 'h5' }, { mode: 'production' });
  rmSync(h5.outDir, { recursive: true, force: true });
  assertOnlyExpected(h5.logs.map((log) => log.message));
  const never = await runVite({ failOn: 'never' }, { mode: 'production' });
  rmSync(never.outDir, { recursive: true, force: true });
});

async function runWebpack(make, plugin, mode) {
  const compiler = make({
    mode, context: fixture, entry: './src/main.js', target: 'web', devtool: false,
    output: { path: mkdtempSync(join(tmpdir(), 'wxnet-webpack-')), filename: 'main.js' },
    plugins: [plugin], infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
  await new Promise((resolve) => compiler.close(resolve));
  rmSync(compiler.options.output.path, { recursive: true, force: true });
  return stats.toJson({ all: false, warnings: true, errors: true, moduleTrace: false });
}

for (const [name, make, plugin] of [['webpack', webpack, wxnetWebpack], ['Rspack', rspack, wxnetRspack]]) {
  test(`rule 13: ${name} shows the finding as a native warning with its module and loc; the production build has it as an error`, async () => {
    const dev = await runWebpack(make, plugin({ extraCallees: ['http.get'] }), 'development');
    const warning = dev.warnings.find((w) => w.message.includes(badAt));
    assert.ok(warning, JSON.stringify(dev.warnings, null, 2));
    assert.equal(warning.moduleName, './src/api.js');
    assert.equal(warning.loc, `${badLine}:${badColumn - 1}-${badColumn - 1 + "'http://api.example.com/user'".length}`);
    assert.ok(dev.warnings.some((w) => w.message.includes(`src/api.js:${wrappedLine}:${wrappedColumn}`)), 'extraCallees');
    assert.ok(dev.warnings.some((w) => w.message.includes(`${configAt}  warning`)), 'the configs');
    assertOnlyExpected(dev.warnings.map((w) => w.message), { wrapped: true });
    assert.deepEqual(dev.errors, []);

    const production = await runWebpack(make, plugin(), 'production');
    assert.equal(production.errors.length, 1, JSON.stringify(production.errors, null, 2));
    assert.ok(production.errors[0].message.includes(badAt));
    assert.equal(production.errors[0].moduleName, './src/api.js');
  });
}

test('rule 13: Rollup warns with loc in watch-less builds only under failOn never, else the build rejects with every failing finding', async () => {
  const warnings = [];
  const bundle = await rollup({ input: entry, plugins: [wxnetRollup({ root: fixture, failOn: 'never' })], onwarn: (w) => warnings.push(w) });
  await bundle.close();
  const finding = warnings.find((w) => w.plugin === 'wxnet' && w.message.includes(badAt));
  assert.ok(finding, JSON.stringify(warnings));
  assert.deepEqual([finding.loc.file, finding.loc.line, finding.loc.column], [join(fixture, 'src/api.js'), badLine, badColumn - 1]);
  assertOnlyExpected(warnings.map((w) => w.message));
  await assert.rejects(rollup({ input: entry, plugins: [wxnetRollup({ root: fixture })], onwarn() {} }),
    (error) => error.plugin === 'wxnet' && error.message.includes(badAt));
});

test('rule 13: esbuild reports the finding with its location; with NODE_ENV production it fails the build', async () => {
  const options = { entryPoints: [entry], bundle: true, write: false, logLevel: 'silent', absWorkingDir: fixture, format: 'esm' };
  const nodeEnv = process.env.NODE_ENV; // Vite's builds above set it
  delete process.env.NODE_ENV;
  after(() => { if (nodeEnv !== undefined) process.env.NODE_ENV = nodeEnv; });
  const result = await esbuild.build({ ...options, plugins: [wxnetEsbuild()] });
  const finding = result.warnings.find((w) => w.text.includes(badAt));
  assert.ok(finding, JSON.stringify(result.warnings));
  assert.deepEqual([finding.location.file, finding.location.line, finding.location.column], ['src/api.js', badLine, badColumn - 1]);
  assert.ok(result.warnings.some((w) => w.text.includes(`${configAt}  warning`)), 'the configs, at start');
  assertOnlyExpected(result.warnings.map((w) => w.text));
  await assert.rejects(esbuild.build({ ...options, define: { 'process.env.NODE_ENV': '"production"' }, plugins: [wxnetEsbuild()] }),
    (error) => error.errors.length === 1 && error.errors[0].text.includes(badAt) && error.errors[0].location.line === badLine);
});

test('rule 13: results are cached by content: a second build of unchanged modules does not lint them again', async () => {
  const seen = [];
  const rules = { 'wxnet/url-check-off': 'off', 'wxnet/url-insecure': 'warn' }; // settings of their own: a fresh cache key
  const once = async () => (await rollup({ input: entry, plugins: [wxnetRollup({ root: fixture, failOn: 'never', rules, onLint: (r) => seen.push(r) })], onwarn() {} })).close();
  await once();
  const first = seen.splice(0);
  await once();
  // main.js has no API name in it: the bundler skips it without asking the linter.
  assert.deepEqual(first.map((r) => [r.file, r.cached]).sort(), ['src/api.js', 'src/http.js', 'src/platform.js'].map((f) => [f, false]));
  assert.deepEqual(seen.map((r) => [r.file, r.cached]).sort(), first.map((r) => [r.file, true]).sort());
  assert.deepEqual(seen.find((r) => r.file === 'src/api.js').diagnostics, first.find((r) => r.file === 'src/api.js').diagnostics);
  assert.equal(seen.find((r) => r.file === 'src/api.js').diagnostics[0].severity, 'warning', 'rules override the severities');
});

test('rule 13: a URL imported from another module is read from disk and reported where it is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxnet-imported-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'src/config.js'), "export const BASE = 'https://other.example.org'\n");
    writeFileSync(join(dir, 'src/main.js'), "import { BASE } from './config'\nwx.request({ url: BASE + '/user' })\n");
    const warnings = [];
    await (await rollup({ input: join(dir, 'src/main.js'), plugins: [wxnetRollup({ root: dir, failOn: 'never' })], onwarn: (w) => warnings.push(w) })).close();
    const finding = warnings.find((w) => w.message.includes('wxnet/url-not-listed'));
    assert.ok(finding?.message.includes('src/config.js:1:21  error  wx.request to "https://other.example.org/user" (used by wx.request at src/main.js:2:1)'), JSON.stringify(warnings));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('h5: true installs wxnet/h5 in front of the entry in an H5 dev build (a stand-in for wxnet/h5), never in production', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxnet-h5-'));
  try {
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'src/app.js'), "import './first.js';\nglobalThis.appRan = true;\n");
    writeFileSync(join(dir, 'src/first.js'), 'globalThis.firstSawInstalled = Boolean(globalThis.installed);\n');
    const alias = { 'wxnet/h5': join(standIn, 'h5.mjs'), wxnet: join(standIn, 'wxnet.mjs'), '@tarojs/taro': join(standIn, 'taro.mjs') };
    const h5 = { framework: 'taro', options: { proxy: '/__wxnet' } };
    const dev = await runVite({ platform: 'h5', h5 }, { root: dir, input: join(dir, 'src/app.js'), alias });
    delete globalThis.installed;
    await import(pathToFileURL(join(dev.outDir, 'main.mjs')).href);
    assert.deepEqual(globalThis.installed, [{ framework: 'Taro', options: { proxy: '/__wxnet' }, before: false, wasmLoaded: true }]);
    assert.equal(globalThis.firstSawInstalled, true, 'installed before the entry\'s own imports run');
    rmSync(dev.outDir, { recursive: true, force: true });

    const production = await runVite({ platform: 'h5', h5 }, { mode: 'production', root: dir, input: join(dir, 'src/app.js'), alias });
    assert.ok(!readFileSync(join(production.outDir, 'main.mjs'), 'utf8').includes('installWx'));
    rmSync(production.outDir, { recursive: true, force: true });
  } finally {
    delete globalThis.installed;
    delete globalThis.wasmLoaded;
    delete globalThis.appRan;
    delete globalThis.firstSawInstalled;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad plugin options are a clear error naming the option', () => {
  assert.throws(() => wxnetVite({ failOn: 'always' }), { code: 'arg/type', message: /failOn must be one of error, warning, never/ });
  assert.throws(() => wxnetVite({ domain: {} }), { code: 'arg/type', message: /unknown option domain/ });
  assert.throws(() => wxnetVite({ platform: 'h5', h5: true }), { message: /h5 needs framework/ });
  assert.throws(() => wxnetVite({ proxy: 'yes' }), { code: 'arg/type', message: /proxy must be true or createProxy's options/ });
});

test('a Vite dev server with proxy and a domains file that is not JSON fails with the file named', async () => {
  const { createServer } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'wxnet-proxy-domains-'));
  try {
    writeFileSync(join(dir, 'domains.json'), '{ "requestdomain": [ }');
    const starting = createServer({
      configFile: false, root: dir, logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, watch: null },
      plugins: [wxnetVite({ domains: 'domains.json', proxy: { log: false } })],
    });
    await assert.rejects(starting, { code: 'arg/type', message: /options\.domains domains\.json is not JSON/ });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rule 13: lintProject takes rules, extraCallees and focus across the boundary; bad ones name the option', () => {
  const files = { 'wxnet.config.json': '{"domains": {"requestdomain": ["https://api.example.com"]}}', 'a.js': "import { B } from './b'\napi.get('http://x.example.com')\nwx.request({ url: B })\n" };
  const report = lintProject(files, { focus: 'a.js', extraCallees: { 'api.get': 'downloadFile' }, rules: { 'wxnet/url-insecure': 'warn' } });
  assert.deepEqual(report.diagnostics.map((d) => [d.file, d.line, d.code, d.severity, d.api]), [['a.js', 2, 'wxnet/url-insecure', 'warning', 'downloadFile']]);
  assert.deepEqual(report.needs.map((paths) => paths.slice(0, 2)), [['b', 'b.js']]);
  assert.equal('needs' in lintProject(files), false, 'a whole-project lint needs nothing');
  assert.throws(() => lintProject(files, { extraCallees: { 'api.get': 'fetch' } }), { code: 'arg/api', message: /api "fetch" must be one of request/ });
  assert.throws(() => lintProject(files, { extraCallees: 'api.get' }), { code: 'arg/type', message: /options\.extraCallees must be an array/ });
  assert.throws(() => lintProject(files, { rules: { 'wxnet/url-insecure': 'loud' } }), { code: 'arg/type', message: /options\.rules: "wxnet\/url-insecure" is set to "loud"/ });
  assert.throws(() => lintProject(files, { focus: 3 }), { code: 'arg/type', message: /options\.focus must be a path/ });
  assert.deepEqual(lintCallKeywords(['http.get', 'upload']), ['request', 'uploadFile', 'downloadFile', 'connectSocket', 'createTCPSocket', 'createUDPSocket', 'get', 'upload']);
});

test('each entry is typed: the options, the bundler\'s plugin type, wrong options refused (tsc)', () => {
  const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(repoRoot, 'tests/plugin/types')], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
