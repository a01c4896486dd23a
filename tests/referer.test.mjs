// RULES.md §5: the Referer, through the npm package (ESM and CJS), and its server guard
// in front of real Node http, Express and Koa servers on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import express from 'express';
import Koa from 'koa';
import * as esm from '../pkg/node.mjs';

const cjs = createRequire(import.meta.url)('../pkg/node.cjs');
const APPID = 'wx0123456789abcdef';
const referer = (appid, version) => `https://servicewechat.com/${appid}/${version}/page-frame.html`;

for (const [flavour, wxnet] of [['import', esm], ['require', cjs]]) {
  test(`rule 5: parseReferer reads appid, version and env (${flavour})`, () => {
    assert.deepEqual(wxnet.parseReferer(referer(APPID, 7)),
      { appid: APPID, version: '7', env: 'release', release: 7 });
    assert.deepEqual(wxnet.parseReferer(referer(APPID, 0)), { appid: APPID, version: '0', env: 'develop' });
    assert.deepEqual(wxnet.parseReferer(referer('touristappid', 'devtools')),
      { appid: 'touristappid', version: 'devtools', env: 'devtools' });
  });

  test(`rule 5: buildReferer accepts 0, '0', 'devtools' and positive integers (${flavour})`, () => {
    assert.equal(wxnet.buildReferer(APPID, 0), referer(APPID, 0));
    assert.equal(wxnet.buildReferer(APPID, '0'), referer(APPID, 0));
    assert.equal(wxnet.buildReferer(APPID, 'devtools'), referer(APPID, 'devtools'));
    assert.equal(wxnet.buildReferer(APPID, 12), referer(APPID, 12));
    assert.equal(wxnet.buildReferer(APPID, '12'), referer(APPID, 12));
  });
}

test('one instance and one WxnetError class whether imported or required', () => {
  assert.equal(esm.WxnetError, cjs.WxnetError);
  assert.throws(() => cjs.parseReferer(''), esm.WxnetError);
});

test('rule 5: malformed Referers throw WxnetError with the code of the wrong part', () => {
  const cases = [
    ['', 'referer/url'],
    [referer(APPID, 1).replace('servicewechat.com', 'evil.com'), 'referer/host'],
    [referer('wx0123456789ABCDEF', 1), 'referer/appid'],
    [referer(APPID, -1), 'referer/version'],
    [referer(APPID, '01'), 'referer/version'],
    [referer(APPID, 1).replace('page-frame.html', 'index.html'), 'referer/path'],
    [`https://servicewechat.com/${'x'.repeat(10_240)}/0/page-frame.html`, 'referer/appid'],
    ['x'.repeat(10_240), 'referer/url'],
    [42, 'referer/type'],
    [null, 'referer/type'],
    [undefined, 'referer/type'],
    [{ toString: () => referer(APPID, 1) }, 'referer/type'],
  ];
  for (const [input, code] of cases) {
    assert.throws(() => esm.parseReferer(input), (error) => {
      assert.ok(error instanceof esm.WxnetError && error instanceof Error, `${code}: not a WxnetError`);
      assert.equal(error.code, code, `input ${String(input).slice(0, 60)}`);
      assert.ok(error.message.length > 10 && error.message.length < 400, error.message);
      return true;
    });
  }
});

test('rule 5: error messages name what was wrong', () => {
  assert.throws(() => esm.parseReferer(referer('wx0123456789ABCDEF', 1)), /upper-case/);
  assert.throws(() => esm.parseReferer(referer(APPID, '01')), /leading zero/);
  assert.throws(() => esm.parseReferer(42), /must be a string, got number/);
  assert.throws(() => esm.parseReferer(null), /got null/);
});

test('rule 5: buildReferer rejects bad versions and appids with a code', () => {
  for (const version of [-1, 1.5, NaN, Infinity, '01', '', 'release', null, undefined, {}, true]) {
    assert.throws(() => esm.buildReferer(APPID, version), { code: 'referer/version' }, String(version));
  }
  assert.throws(() => esm.buildReferer('wxABC', 1), { code: 'referer/appid' });
  assert.throws(() => esm.buildReferer(7, 1), { code: 'referer/type' });
});

test('rule 5: verifyReferer filters by appid and env and never throws for a bad Referer', () => {
  const release = referer(APPID, 3);
  assert.equal(esm.verifyReferer(release).ok, true);
  assert.equal(esm.verifyReferer(undefined).reason, 'referer/missing');
  assert.equal(esm.verifyReferer('nonsense').reason, 'referer/url');
  const other = esm.verifyReferer(release, { appids: ['wxffffffffffffffff'] });
  assert.deepEqual([other.ok, other.reason, other.referer.appid], [false, 'referer/appid-not-allowed', APPID]);
  assert.equal(esm.verifyReferer(release, { allow: ['develop', 'devtools'] }).reason, 'referer/env-not-allowed');
  assert.equal(esm.verifyReferer(release, { appids: [APPID], allow: ['release'] }).reason, 'ok');
  assert.throws(() => esm.verifyReferer(release, { allow: ['prod'] }), { code: 'arg/type' });
  assert.throws(() => esm.verifyReferer(release, { appids: 'wx' }), { code: 'arg/type' });
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
