// The tools module (`wxnet/tools`, wxnet_tools_bg.wasm) through the built package: the
// domain linter over file text with line and column, in Node (import and require) and
// in Chromium, loaded apart from the runtime module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as tools from '../pkg/tools-node.mjs';
import { WxnetError } from '../pkg/node.mjs';
import { launchChromium, repoRoot, serveStatic } from './helpers/browser.mjs';

const { lintDomainsFile } = tools;

test('rule 1: lintDomainsFile puts each finding at its item, columns in UTF-16 units', () => {
  // Before the item: 中文 (3 UTF-8 bytes, 1 UTF-16 unit each) and 😀 (4 bytes, 2 units).
  const text = '{\n  "requestdomain": ["https://中文.cn", "😀", "http://a.com/x"]\n}\n';
  const found = lintDomainsFile(text).filter((d) => d.code === 'wxnet/domain-path');
  assert.equal(found.length, 1);
  const start = text.split('\n')[1].indexOf('"http://a.com/x"'); // a UTF-16 index
  assert.deepEqual(
    { line: found[0].line, column: found[0].column, endLine: found[0].endLine, endColumn: found[0].endColumn },
    { line: 2, column: start + 1, endLine: 2, endColumn: start + 1 + '"http://a.com/x"'.length },
  );
  assert.equal(found[0].pointer, '/requestdomain/2');
  assert.match(found[0].help, /https:\/\/a\.com/);
});

test('rule 1: lintDomainsFile gives the same findings as lintDomains on the parsed object', async () => {
  const { lintDomains } = await import('../pkg/node.mjs');
  const text = JSON.stringify({ requestdomain: ['https://a.com/api', 'https://1.2.3.4', 'https://a.com/api'], wsrequestdomain: ['https://w.com'] }, null, 2);
  const strip = ({ line, column, endLine, endColumn, ...rest }) => rest;
  assert.deepEqual(lintDomainsFile(text).map(strip), lintDomains(JSON.parse(text)));
});

test('a domains file that is not JSON is one wxnet/json-syntax error at the offending character', () => {
  const found = lintDomainsFile('{\n  "requestdomain": ["https://a.com",]\n}');
  assert.equal(found.length, 1);
  assert.equal(found[0].code, 'wxnet/json-syntax');
  assert.equal(found[0].severity, 'error');
  assert.deepEqual([found[0].line, found[0].column], [2, 37]);
});

test('rules: "off" hides a rule, a wrong setting is a wxnet/lint-config error naming it', () => {
  const text = '{"requestdomain": ["https://a.com/api"]}';
  assert.deepEqual(lintDomainsFile(text, { rules: { 'wxnet/domain-path': 'off' } }), []);
  const found = lintDomainsFile(text, { rules: { 'wxnet/domain-pth': 'off', 'wxnet/domain-path': 'warning' } });
  assert.deepEqual(found.map((d) => d.code), ['wxnet/lint-config', 'wxnet/lint-config', 'wxnet/domain-path']);
  assert.match(found[0].message, /"wxnet\/domain-pth" is not a wxnet rule/);
  assert.equal(found[0].help, 'Did you mean wxnet/domain-path?');
  assert.equal(found[0].line, undefined);
  assert.match(found[1].help, /"warn"/);
});

test('bad arguments are WxnetError (the same class as the main entry), never a crash', () => {
  assert.throws(() => lintDomainsFile(42), (error) => error instanceof WxnetError && error.code === 'arg/type');
  assert.throws(() => lintDomainsFile('{}', { rules: 'off' }), (error) => error instanceof WxnetError && /options\.rules/.test(error.message));
  for (const text of ['', '[', '{"requestdomain": [1, null, {}]}', '\u0000', '{"a":'.repeat(10_000)]) {
    assert.ok(Array.isArray(lintDomainsFile(text)), JSON.stringify(text.slice(0, 20)));
  }
});

test('wxnet/tools loads through require() too, as one instance', () => {
  const required = createRequire(import.meta.url)('../pkg/tools-node.mjs');
  assert.equal(required.lintDomainsFile, lintDomainsFile);
});

test('Chromium: wxnet/tools needs its own init(), then lints a file in the page', async () => {
  const browser = await launchChromium();
  const server = await serveStatic(repoRoot);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/www/index.html`); // a page of the origin that serves pkg/
    const result = await page.evaluate(async (origin) => {
      const tools = await import(`${origin}/pkg/tools.mjs`);
      let before;
      try { tools.lintDomainsFile('{}'); } catch (error) { before = `${error.code}: ${error.message}`; }
      await tools.init();
      const [finding] = tools.lintDomainsFile('{\n "requestdomain": ["https://127.0.0.1"]\n}');
      return { before, code: finding.code, line: finding.line, column: finding.column };
    }, server.origin);
    assert.match(result.before, /^init\/required: wxnet\/tools is not initialised: call `await init\(\)` from 'wxnet\/tools'/);
    assert.deepEqual({ ...result, before: undefined }, { before: undefined, code: 'wxnet/domain-localhost', line: 2, column: 20 });
  } finally {
    await server.close();
    await browser.close();
  }
});
