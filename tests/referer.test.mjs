// RULES.md §5: the Referer cases (tests/data/referer-cases.json) through the npm package
// (ESM, CJS and headless Chromium), and its server guard in front of real Node http,
// Express and Koa servers on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import express from 'express';
import Koa from 'koa';
import * as esm from '../pkg/node.mjs';
import { REFERER_SET, runRefererCase } from './referer/cases.mjs';
import { loadData, runSet } from './helpers/conformance.mjs';
import { launchChromium, pageResult, serveStatic } from './helpers/browser.mjs';

const cjs = createRequire(import.meta.url)('../pkg/node.cjs');
const APPID = 'wx0123456789abcdef';
const referer = (appid, version) => `https://servicewechat.com/${appid}/${version}/page-frame.html`;

// The Referer cases of tests/data/referer-cases.json (parse, build, verify), through
// import and require(), with the expected failures listed for node.
const expectedFailures = await loadData('expected-failures.json');

for (const [flavour, wxnet] of [['import', esm], ['require', cjs]]) {
  test(`rule 5: parseReferer, buildReferer and verifyReferer give every Referer case its result or error code (${flavour})`, () => {
    const report = runSet(REFERER_SET, (c) => runRefererCase(wxnet, c), expectedFailures, 'node');
    assert.deepEqual(Object.keys(report.byRule), ['5']);
    assert.deepEqual(report.problems, []);
    assert.ok(report.ran >= 68, `the Referer cases lost some: ${report.ran}`);
  });
}

test('one instance and one WxnetError class whether imported or required', () => {
  assert.equal(esm.WxnetError, cjs.WxnetError);
  assert.throws(() => cjs.parseReferer(''), esm.WxnetError);
});

test('rule 5: in headless Chromium, /pkg/browser.mjs gives every Referer case its result or error code', async () => {
  const server = await serveStatic();
  const browser = await launchChromium();
  try {
    const page = await pageResult(browser, `${server.origin}/tests/referer/page.html`);
    assert.match(page.userAgent, /Chrome/);
    assert.deepEqual(Object.keys(page.refererCases.byRule), ['5']);
    assert.deepEqual(page.refererCases.problems, [], 'the Referer cases, with the expected failures for chromium');
    assert.equal(page.refererCases.ran, REFERER_SET.cases.length);
  } finally {
    await browser.close();
    await server.close();
  }
});

// ---- refererGuard in front of real servers -------------------------------------------------

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

async function expectGuarded(url) {
  const allowed = await fetch(url, { headers: { referer: referer(APPID, 5) } });
  assert.equal(allowed.status, 200);
  assert.deepEqual(await allowed.json(), { appid: APPID, env: 'release' });

  const devBuild = await fetch(url, { headers: { referer: referer(APPID, 0) } });
  assert.equal(devBuild.status, 403);
  assert.match(devBuild.headers.get('content-type'), /application\/json/);
  assert.equal((await devBuild.json()).reason, 'referer/env-not-allowed');

  const missing = await fetch(url);
  assert.equal(missing.status, 403);
  assert.deepEqual(Object.keys(await missing.json()).sort(), ['error', 'message', 'reason']);

  const forged = await fetch(url, { headers: { referer: 'https://servicewechat.com.evil.com/x/0/page-frame.html' } });
  assert.equal((await forged.json()).reason, 'referer/host');
}

const guardOptions = { appids: [APPID], allow: ['release'] };

test('refererGuard protects a plain Node http server', async () => {
  const guard = esm.refererGuard(guardOptions);
  const server = await listen((req, res) => guard(req, res, () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ appid: req.wxReferer.appid, env: req.wxReferer.env }));
  }));
  try { await expectGuarded(server.url); } finally { await server.close(); }
});

test('refererGuard protects an Express app', async () => {
  const app = express();
  app.use(esm.refererGuard(guardOptions));
  app.get('/', (req, res) => res.json({ appid: req.wxReferer.appid, env: req.wxReferer.env }));
  const server = await listen(app);
  try { await expectGuarded(server.url); } finally { await server.close(); }
});

test('refererGuard protects a Koa app', async () => {
  const app = new Koa();
  app.use(esm.refererGuard(guardOptions));
  app.use((ctx) => { ctx.body = { appid: ctx.state.wxReferer.appid, env: ctx.state.wxReferer.env }; });
  const server = await listen(app.callback());
  try { await expectGuarded(server.url); } finally { await server.close(); }
});

test('refererGuard rejects bad options when it is created, not per request', () => {
  assert.throws(() => esm.refererGuard({ allow: ['production'] }), { code: 'arg/type' });
});
