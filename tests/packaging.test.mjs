// The packaging matrix (tests/packaging/harness.mjs says what and why): one test per
// case, each a committed fixture project under tests/packaging/fixtures/ with the
// packed tarball installed, built with the real tool and run in Node or Chromium.
// One case alone: `node tests/packaging/run.mjs <name>`.
import { test, before, after } from 'node:test';
import { CASES, openSuite, runCase } from './packaging/harness.mjs';

let suite;
before(async () => {
  suite = await openSuite();
});
after(async () => {
  await suite?.close();
});

const TITLES = {
  tarball: 'the tarball holds what package.json names and what those files import, and nothing else',
  'node-esm': 'Node ESM: import from the installed tarball',
  'node-proxy': 'Node: wxnet/proxy from the installed tarball (its http-proxy-3 dependency), createWx through it',
  'node-cjs': 'Node CJS: require() from the installed tarball, and the wxnet bin',
  vite: 'Vite: production build runs in Chromium',
  'vite-dev': 'Vite: the dev server serves a page that runs in Chromium',
  webpack: 'webpack 5: production build runs in Chromium',
  rollup: 'Rollup: wxnet/inline bundle runs in Chromium',
  esbuild: 'esbuild: wxnet/inline bundle runs in Chromium',
  'import-map': 'import map: node_modules/wxnet/browser.mjs without a bundler runs in Chromium',
  slim: 'slim: wxnet/wasm served by the site, init(url), runs in Chromium',
  typescript: 'TypeScript: the installed package type-checks for a consumer, runs, and misuse is a type error',
};

for (const name of Object.keys(CASES)) {
  test(`${name}: ${TITLES[name]}`, async (t) => {
    const timings = await runCase(name, suite);
    t.diagnostic(Object.entries(timings).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(', '));
  });
}
