// The packaging matrix, in the spirit of automerge's javascript/packaging_tests:
// `npm pack` the built package, install the tarball into a copy of one committed
// fixture project per consumer, build it with the real tool, run it where it runs
// (Node or headless Chromium) and compare its one JSON result with expected.json.
//
// Why these consumers: Node loads the package twice (ESM import, CommonJS require);
// bundlers with asset handling (Vite build and dev server, webpack) must emit the
// .wasm found through `new URL(…, import.meta.url)`; bundlers without it (Rollup,
// esbuild) take `wxnet/inline`; a page without a bundler uses an import map; the
// slim set-up serves `wxnet/wasm` itself and passes its URL to init(); TypeScript
// must accept correct use and refuse misuse. Every one of them calls createWx (one
// request to this process's server), checkUrls, decodeBody (GBK) and the Referer
// functions, so wasm memory views, class identity and tree shaking are all crossed.
//
// Used by run.mjs (`node tests/packaging/run.mjs vite`) and tests/packaging.test.mjs.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium, pageResult, repoRoot, serveStatic } from '../helpers/browser.mjs';

const packagingDir = join(repoRoot, 'tests/packaging');
const fixturesDir = join(packagingDir, 'fixtures');
export const workDir = join(packagingDir, '.work');
const expected = JSON.parse(readFileSync(join(packagingDir, 'expected.json'), 'utf8'));
const run = promisify(execFile);

// ---------------------------------------------------------------------------------
// The cases. Each `check(project, suite)` throws (node:assert) when the consumer
// does not get exactly expected.json, or when its tool misbehaved on the way.

/** The observable result every consumer must report. */
function assertResult(result) {
  assert.deepEqual(result, expected);
}

export const CASES = {
  /** The tarball: what package.json points at, what those files import, and nothing else. */
  tarball: { install: false, check: checkTarball },

  'node-esm': {
    async check(project, suite) {
      assertResult(await runNode(project, 'index.mjs', suite.api.origin));
      // Node only: sockets and the tools module (wxnet/tools), as installed.
      const tls = join(packagingDir, '../data/tls');
      const { stdout } = await run(process.execPath, ['node-only.mjs', join(tls, 'good.chain.pem'), join(tls, 'root.pem')],
        { cwd: project.dir, timeout: 30_000 });
      assert.deepEqual(JSON.parse(stdout), {
        udp: { text: 'hello', family: 'IPv4' },
        explain: { key: 'certificate', errno: 600001, netError: { code: -202, name: 'CERT_AUTHORITY_INVALID' } },
        lint: [
          { file: 'app.js', line: 1, column: 19, code: 'wxnet/url-insecure' },
          { file: 'domains.json', line: 2, column: 3, code: 'wxnet/domain-icp' },
        ],
        chain: { ios: 'pass', android: 'pass', devtools: 'pass' },
      });
    },
  },

  'node-proxy': {
    async check(project, suite) {
      const { proxied, ...result } = await runNode(project, 'index.mjs', suite.api.origin);
      assertResult(result);
      assert.deepEqual(proxied, {
        refused: { errMsg: 'request:fail url not in domain list', errno: 600002 },
        logged: ['forwarded', 'refused'],
      });
    },
  },

  'node-cjs': {
    async check(project, suite) {
      assertResult(await runNode(project, 'index.cjs', suite.api.origin));
      // The `wxnet` bin, installed into node_modules/.bin as for any user.
      const { stdout } = await run(join(project.dir, 'node_modules/.bin/wxnet'),
        ['referer', 'https://servicewechat.com/wx0123456789abcdef/3/page-frame.html', '--json'], { cwd: project.dir });
      assert.deepEqual(JSON.parse(stdout)[0].referer, expected.referer.parsed);
      const wxnet = (...args) => run(join(project.dir, 'node_modules/.bin/wxnet'), args, { cwd: project.dir });
      const explained = await wxnet('explain', 'request:fail url not in domain list', '--json');
      assert.equal(JSON.parse(explained.stdout).key, 'url-not-in-domain-list');
      const tls = join(packagingDir, '../data/tls');
      const doctor = await wxnet('doctor', '--pem', join(tls, 'good.chain.pem'), '--host', 'good.wxnet.test',
        '--ca', join(tls, 'root.pem'), '--now', '2026-01-15', '--json');
      assert.deepEqual(JSON.parse(doctor.stdout).verdict, { ios: 'pass', android: 'pass', devtools: 'pass' });
    },
  },

  vite: {
    async check(project, suite) {
      await project.npm('run', 'build');
      assert.ok(files(project.dir, 'dist/assets').some((f) => f.endsWith('.wasm')), 'Vite did not emit the .wasm asset');
      assertResult(await openPage(suite, join(project.dir, 'dist')));
    },
  },

  'vite-dev': {
    async check(project, suite) {
      const server = await startDevServer(project);
      try {
        assertResult(await suite.pageResult(`${server.origin}/index.html?api=${suite.api.origin}`));
      } finally {
        server.stop();
      }
    },
  },

  webpack: {
    async check(project, suite) {
      await project.npm('run', 'build');
      assert.ok(files(project.dir, 'dist').some((f) => f.endsWith('.wasm')), 'webpack did not emit the .wasm asset');
      assertResult(await openPage(suite, project.dir));
    },
  },

  rollup: {
    async check(project, suite) {
      await project.npm('run', 'build');
      assert.deepEqual(files(project.dir, 'dist'), ['main.js'], 'the inline bundle is one file, the .wasm inside');
      assertResult(await openPage(suite, project.dir));
    },
  },

  esbuild: {
    async check(project, suite) {
      await project.npm('run', 'build');
      assert.deepEqual(files(project.dir, 'dist'), ['main.js'], 'the inline bundle is one file, the .wasm inside');
      assertResult(await openPage(suite, project.dir));
    },
  },

  'import-map': {
    async check(project, suite) {
      assertResult(await openPage(suite, project.dir));
    },
  },

  slim: {
    async check(project, suite) {
      await project.npm('run', 'build');
      assert.deepEqual(files(project.dir, 'dist'), ['main.js'], 'the slim bundle carries no .wasm');
      const wasm = readFileSync(join(project.dir, 'static/wxnet.wasm'));
      assert.deepEqual(wasm, readFileSync(join(project.dir, 'node_modules/wxnet', packageJson(project.dir, 'node_modules/wxnet').exports['./wasm'])));
      let served = 0;
      const routes = {
        '/static/wxnet.wasm': (req, res) => {
          served += 1;
          res.setHeader('content-type', 'application/wasm');
          res.end(wasm);
        },
      };
      assertResult(await openPage(suite, project.dir, routes));
      assert.equal(served, 1, 'init(url) loads the .wasm from the URL it was given, once');
    },
  },

  /**
   * The build plugin from the installed package: `import 'wxnet/vite'`,
   * `require('wxnet/webpack')`, an esbuild build through `wxnet/esbuild`, and every
   * entry by import and require().
   */
  plugin: {
    async check(project) {
      await project.npm('run', 'build');
      const report = (name) => JSON.parse(readFileSync(join(project.dir, `${name}.json`), 'utf8'));
      const bad = 'src/main.js:2:44  error  wx.request to "http://api.example.test/x"';
      const vite = report('vite');
      assert.ok(vite.some((log) => log.message.includes(bad) && log.loc?.line === 2 && log.loc?.column === 43), JSON.stringify(vite));
      const webpack = report('webpack');
      assert.ok(webpack.some((w) => w.message.includes(bad) && w.loc === '2:43-70' && w.moduleName === './src/main.js'), JSON.stringify(webpack));
      const entries = report('entries');
      for (const [bundler, shape] of Object.entries(entries.shapes)) {
        assert.deepEqual([shape.esm, shape.cjs], ['function', 'function'], `wxnet/${bundler} by import and require()`);
      }
      assert.deepEqual(['vite', 'rollup', 'esbuild'].map((b) => entries.shapes[b].name), ['wxnet', 'wxnet', 'wxnet']);
      assert.ok(entries.shapes.webpack.hasApply && entries.shapes.rspack.hasApply, 'webpack and Rspack plugins have apply()');
      assert.ok(entries.esbuild.some((w) => w.text.includes(bad) && w.location?.line === 2 && w.location?.column === 43), JSON.stringify(entries.esbuild));
    },
  },

  typescript: {
    async check(project, suite) {
      await project.npm('run', 'build'); // tsc -p tsconfig.json: fails on any type error
      assertResult(await runNode(project, 'dist/main.js', suite.api.origin));
      const misuse = await run(join(project.dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.bad.json'], { cwd: project.dir }).then(
        () => assert.fail('tsc accepted bad.ts'),
        (error) => error.stdout,
      );
      assert.match(misuse, /bad\.ts\(2,14\)/, `expected a type error for parseReferer(42), got: ${misuse}`);
      assert.match(misuse, /bad\.ts\(3,/, `expected a type error for allow: ['production'], got: ${misuse}`);
      assert.match(misuse, /bad\.ts\(4,22\)/, `expected a type error for checkUrls with one string, got: ${misuse}`);
      assert.match(misuse, /bad\.ts\(5,12\)/, `expected a type error for decodeBody of a string, got: ${misuse}`);
      assert.match(misuse, /bad\.ts\(6,12\)/, `expected a type error for upstreams as a string, got: ${misuse}`);
      assert.equal(misuse.match(/error TS/g).length, 5, `one error per wrong line and no other, got: ${misuse}`);
    },
  },
};

// ---------------------------------------------------------------------------------
// The suite: the tarball, the server every consumer calls, one Chromium.

/** Packs pkg/ and starts the server; `close()` ends what it started. */
export async function openSuite() {
  if (!existsSync(join(repoRoot, 'pkg/package.json'))) throw new Error('pkg/ is missing: run `node scripts/build.mjs` first');
  mkdirSync(workDir, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', workDir], { cwd: join(repoRoot, 'pkg') });
  const tarball = join(workDir, stdout.trim().split('\n').pop());
  const api = await startApiServer();
  let browser;
  return {
    tarball,
    api,
    /** Opens `url` in Chromium (launched on first use) and returns the page's window.__result. */
    async pageResult(url) {
      browser ??= launchChromium();
      return pageResult(await browser, url);
    },
    async close() {
      await (await browser)?.close();
      await api.close();
      rmSync(tarball, { force: true });
      if (existsSync(workDir) && readdirSync(workDir).length === 0) rmSync(workDir, { recursive: true });
    },
  };
}

/**
 * Runs one case in .work/<name>: removed when it passes; kept, with its path in the
 * error, when it fails. Resolves to the time of each phase in ms.
 */
export async function runCase(name, suite) {
  const testCase = CASES[name];
  if (!testCase) throw new Error(`no packaging case "${name}"; the cases: ${Object.keys(CASES).join(', ')}`);
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  const timings = {};
  let phaseStart = performance.now();
  const phase = (label) => {
    const now = performance.now();
    timings[label] = (timings[label] ?? 0) + now - phaseStart;
    phaseStart = now;
  };
  try {
    const project = testCase.install === false ? { dir, suite } : await install(name, dir, suite.tarball);
    phase('install');
    await testCase.check(project, suite);
    phase('check');
  } catch (error) {
    throw new Error(`packaging case ${name} failed; the project is kept in ${dir}`, { cause: error });
  }
  rmSync(dir, { recursive: true, force: true });
  return timings;
}

// ---------------------------------------------------------------------------------
// Installing a fixture as a user would: the project copied, the tarball installed
// with npm. The tools a fixture lists in devDependencies (vite, webpack, …) are not
// downloaded again: they are linked from the workspace's node_modules, so every
// fixture builds with exactly the versions of the root package-lock.json, with no
// network, in about a second. The fixture must list each tool with the root's range.

const rootTools = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).devDependencies;

async function install(name, dir, tarball) {
  cpSync(join(fixturesDir, name), dir, { recursive: true });
  cpSync(join(packagingDir, 'shared/exercise.mjs'), join(dir, 'exercise.mjs'));
  const manifest = packageJson(dir);
  const tools = manifest.devDependencies ?? {};
  for (const [tool, range] of Object.entries(tools)) {
    assert.equal(range, rootTools[tool], `fixture ${name} lists ${tool}@${range}; the workspace has ${tool}@${rootTools[tool]}`);
  }
  const npm = (...args) => run('npm', args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  // The package's own dependencies (unplugin, for the build plugin) are linked the same
  // way before npm runs: npm finds them installed and fetches nothing.
  for (const [dependency, range] of Object.entries(packageJson(repoRoot, 'pkg').dependencies ?? {})) {
    assert.equal(range, rootTools[dependency], `wxnet depends on ${dependency}@${range}; the workspace has ${dependency}@${rootTools[dependency]}`);
    linkTool(dir, dependency);
  }
  // npm would fetch the tools listed: it installs the tarball with them set aside.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, devDependencies: undefined }, null, 2));
  await npm('install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', tarball, ...runtimeDependencies());
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...packageJson(dir), devDependencies: manifest.devDependencies }, null, 2));
  for (const tool of Object.keys(tools)) linkTool(dir, tool);
  return { dir, npm };
}

/**
 * The package's own dependencies (http-proxy-3), as the workspace's installed
 * folders: npm links a folder without asking the registry, so the offline install
 * needs no package metadata in its cache (a lockfile install caches none). The
 * workspace lists each with the package's range.
 */
function runtimeDependencies() {
  const dependencies = JSON.parse(readFileSync(join(repoRoot, 'pkg/package.json'), 'utf8')).dependencies ?? {};
  return Object.entries(dependencies).map(([name, range]) => {
    assert.equal(range, rootTools[name], `the package depends on ${name}@${range}; the workspace has ${name}@${rootTools[name]}`);
    return realpathSync(join(repoRoot, 'node_modules', name));
  });
}

/** node_modules/<tool> and its bins, linked to the workspace's installed copy. */
function linkTool(dir, tool) {
  const installed = realpathSync(join(repoRoot, 'node_modules', tool));
  const target = join(dir, 'node_modules', tool);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(installed, target, 'dir');
  const { bin = {} } = packageJson(installed);
  const bins = typeof bin === 'string' ? { [posix.basename(tool)]: bin } : bin;
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  for (const [command, file] of Object.entries(bins)) symlinkSync(join(installed, file), join(dir, 'node_modules/.bin', command));
}

// ---------------------------------------------------------------------------------
// Running a consumer.

/** `node <file> <apiOrigin>` in the project; its stdout is the JSON result. */
async function runNode(project, file, apiOrigin) {
  const { stdout } = await run(process.execPath, [file, apiOrigin], { cwd: project.dir, timeout: 30_000 });
  return JSON.parse(stdout);
}

/** Serves `root` (and `routes`) on 127.0.0.1 and returns what index.html publishes. */
async function openPage(suite, root, routes = {}) {
  const site = await serveStatic(root, routes);
  try {
    return await suite.pageResult(`${site.origin}/index.html?api=${suite.api.origin}`);
  } finally {
    await site.close();
  }
}

/** `npm run dev` (Vite's dev server) on a free port; `stop()` ends its process group. */
function startDevServer(project) {
  const child = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    cwd: project.dir, detached: true, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(new Error(`the dev server did not start:\n${output}`)); }, 30_000);
    const read = (chunk) => {
      output += chunk;
      const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, stop });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the dev server exited (${code}):\n${output}`)); });
  });
}

/**
 * The server every consumer's wx.request reaches (through `upstreams`): `/hello`
 * answers JSON in GBK, so the conversion inside createWx is crossed too. Pages are on
 * another origin, so it answers CORS preflights.
 */
function startApiServer() {
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET');
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '');
      res.statusCode = 204;
      return res.end();
    }
    if (new URL(req.url, 'http://x').pathname !== '/hello') {
      res.statusCode = 404;
      return res.end();
    }
    const gbkChinese = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文
    const head = JSON.stringify({ method: req.method, url: req.url }).slice(0, -1);
    res.setHeader('content-type', 'application/json; charset=gbk');
    res.end(Buffer.concat([Buffer.from(`${head},"text":"`), gbkChinese, Buffer.from('"}')]));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

// ---------------------------------------------------------------------------------
// The tarball.

async function checkTarball(project, suite) {
  mkdirSync(project.dir, { recursive: true });
  await run('tar', ['-xzf', suite.tarball, '-C', project.dir]);
  const root = join(project.dir, 'package');
  const listing = walk(root);
  assert.ok(!listing.some((f) => f.endsWith('.rs') || f.startsWith('node_modules/')), listing.join(', '));

  const manifest = packageJson(root);
  // The public names: the entries, the slim .wasm, the manifest and the bin.
  for (const specifier of ['.', './inline', './wasm', './package.json']) {
    assert.ok(specifier in manifest.exports, `exports lacks ${specifier}`);
  }
  const main = manifest.exports['.'];
  assert.ok(main.node?.import && main.node?.require && main.browser && main.types, 'the node import/require, browser and types conditions');
  assert.deepEqual(Object.keys(manifest.bin), ['wxnet']);
  assert.ok(listing.includes('browser.mjs'), 'browser.mjs at the top: the README points import maps at it');
  assert.ok(listing.includes('README.md'), 'the package ships its README');

  // Everything package.json names, and everything those files import, is in the
  // tarball; every other file is documentation.
  const named = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin),
    ...targets(manifest.exports), ...(manifest.sideEffects ?? [])].map((f) => posix.normalize(f));
  const reachable = new Set();
  const pending = [...named];
  while (pending.length > 0) {
    const file = pending.pop();
    if (reachable.has(file)) continue;
    assert.ok(listing.includes(file), `${file} is named or imported but not in the tarball`);
    reachable.add(file);
    if (/\.(mjs|cjs|js|ts)$/.test(file)) pending.push(...relativeImports(file, readFileSync(join(root, file), 'utf8'), listing));
  }
  const unreached = listing.filter((f) => !reachable.has(f) && !['package.json', 'README.md', 'RULES.md'].includes(f));
  assert.deepEqual(unreached, [], 'files in the tarball that nothing imports');
  assert.ok(listing.some((f) => f.endsWith('.wasm') && reachable.has(f)), 'the .wasm');
  assert.ok(listing.some((f) => f.endsWith('.d.ts') && reachable.has(f)), 'the types');
}

/** Every file path in an `exports` value (conditions nest). */
function targets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value ?? {}).flatMap(targets);
}

/**
 * The files `source` (at `file`) imports by relative path: import/export from,
 * import(), require(), `new URL(…, import.meta.url)`; a `.js` in a `.d.ts` is the
 * `.d.ts` next to it.
 */
function relativeImports(file, source, listing) {
  const patterns = [
    /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /\bimport\s+['"](\.{1,2}\/[^'"]+)['"]/g,
    /\brequire\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  const found = [];
  for (const pattern of patterns) {
    for (const [, specifier] of source.matchAll(pattern)) {
      let target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (file.endsWith('.d.ts') && target.endsWith('.js') && !listing.includes(target)) target = target.replace(/\.js$/, '.d.ts');
      found.push(target);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------

function packageJson(...path) {
  return JSON.parse(readFileSync(join(...path, 'package.json'), 'utf8'));
}

function files(...path) {
  return readdirSync(join(...path)).sort();
}

/** Every file under `root`, as `a/b.mjs` paths, sorted. */
function walk(root, prefix = '') {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(root, posix.join(prefix, entry.name)) : [posix.join(prefix, entry.name)]))
    .sort();
}
