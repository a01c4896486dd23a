// RULES.md §7-§8: decodeBody through the npm package, in Node (ESM and CJS) and in
// headless Chromium, over the golden files in tests/body-golden/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import * as esm from '../pkg/node.mjs';
import { MODES, expectedReport, loadCases, runCases } from './body-golden/golden.mjs';
import { launchChromium, pageResult, serveStatic } from './helpers/browser.mjs';

const cjs = createRequire(import.meta.url)('../pkg/node.cjs');
const cases = await loadCases(async (path) => new Uint8Array(await readFile(new URL(`./body-golden/${path}`, import.meta.url))));
const utf8 = (text) => new TextEncoder().encode(text);

function checkReports(reports) {
  assert.equal(reports.length, cases.length * MODES.length);
  const byKey = new Map(reports.map((r) => [`${r.name}/${r.mode}`, r]));
  for (const c of cases) {
    for (const mode of MODES) {
      assert.deepEqual(byKey.get(`${c.name}/${mode.name}`), expectedReport(c, mode.name), `${c.name} (${mode.name})`);
    }
  }
}

test('rule 8: every golden case decodes as the client delivers it, under every dataType and responseType (import)', () => {
  assert.ok(cases.length >= 30);
  checkReports(runCases(esm.decodeBody, cases));
});

test('rule 8: every golden case, through require()', () => {
  checkReports(runCases(cjs.decodeBody, cases));
});

test('rule 8: every golden case in headless Chromium through /pkg/browser.mjs', async () => {
  const server = await serveStatic();
  const browser = await launchChromium();
  try {
    const { reports, userAgent } = await pageResult(browser, `${server.origin}/tests/body-golden/page.html`);
    assert.match(userAgent, /Chrome/);
    checkReports(reports);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('rule 8: exactly one BOM is removed and a second one breaks JSON.parse as on the platform', () => {
  const one = esm.decodeBody(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('{"ok":true}')));
  assert.deepEqual(one, { data: { ok: true }, encoding: 'UTF-8', bomStripped: true, lossy: false, parsed: true });
  const two = esm.decodeBody(Uint8Array.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8('{"ok":true}')));
  assert.deepEqual(two, { data: '\uFEFF{"ok":true}', encoding: 'UTF-8', bomStripped: true, lossy: false, parsed: false });
});

test('rule 8: a GBK page with no label is UTF-8 and lossy as on the phone; detect: true finds GBK, agreeing with iconv-lite', () => {
  const text = '{"msg":"欢迎使用微信小程序，这是一段用 GBK 编码、没有声明字符集的响应正文。"}';
  const bytes = iconv.encode(text, 'gbk');
  const phone = esm.decodeBody(bytes, { contentType: 'application/json', dataType: 'text' });
  assert.deepEqual([phone.encoding, phone.lossy, phone.errno], ['UTF-8', true, 602302]);
  assert.equal(phone.data, new TextDecoder().decode(bytes));
  const detected = esm.decodeBody(bytes, { contentType: 'application/json', detect: true });
  assert.equal(detected.encoding, 'GBK');
  assert.deepEqual(detected.data, JSON.parse(text));
  assert.throws(() => esm.decodeBody(bytes, { detect: 'yes' }), { code: 'arg/type', message: /options\.detect must be a boolean/ });
});

test('rule 7: a body that cannot be converted without loss reports errno 602302 and is still delivered', () => {
  const result = esm.decodeBody(Uint8Array.of(0x7b, 0x7d, 0xff), { contentType: 'application/json; charset=utf-8' });
  assert.deepEqual(result, { data: '{}\uFFFD', encoding: 'UTF-8', bomStripped: false, lossy: true, parsed: false, errno: 602302 });
});

test('rule 8: a body that merely contains U+FFFD is not lossy', () => {
  // The fast path sends text containing U+FFFD to the core; the core sees valid UTF-8.
  const result = esm.decodeBody(utf8('{"a":"\uFFFD"}'));
  assert.deepEqual(result, { data: { a: '\uFFFD' }, encoding: 'UTF-8', bomStripped: false, lossy: false, parsed: true });
});

test('rule 8: responseType arraybuffer gives exactly the bytes received', () => {
  const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, 0xff, 0x00);
  const own = esm.decodeBody(bytes.buffer, { responseType: 'arraybuffer', dataType: 'json' });
  assert.equal(own.data, bytes.buffer, 'a whole ArrayBuffer is handed back as is');
  assert.deepEqual(own, { data: bytes.buffer, encoding: null, bomStripped: false, lossy: false, parsed: false });
  // A Node Buffer is a view into a shared pool: only its own bytes come back.
  const pooled = Buffer.from([1, 2, 3]);
  assert.ok(pooled.byteOffset > 0 || pooled.buffer.byteLength > 3);
  const { data } = esm.decodeBody(pooled, { responseType: 'arraybuffer' });
  assert.ok(data instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(data)], [1, 2, 3]);
});

test('rule 8: views into a larger buffer decode only the viewed bytes', () => {
  const backing = utf8('xx{"a":1}yy');
  const view = backing.subarray(2, 9);
  assert.deepEqual(esm.decodeBody(view).data, { a: 1 });
  assert.deepEqual(esm.decodeBody(Buffer.from('{"b":2}')).data, { b: 2 });
});

test('rule 8: an empty body with dataType json gives an empty string', () => {
  assert.deepEqual(esm.decodeBody(new Uint8Array(0)), { data: '', encoding: 'UTF-8', bomStripped: false, lossy: false, parsed: false });
  assert.deepEqual(esm.decodeBody(new ArrayBuffer(0), { dataType: 'text' }).data, '');
});

test('bad arguments throw WxnetError with a code that says which', () => {
  for (const bytes of ['{}', 42, null, undefined, [1, 2], new Uint16Array(2), new DataView(new ArrayBuffer(2)), {}]) {
    assert.throws(() => esm.decodeBody(bytes), (e) => e instanceof esm.WxnetError && e.code === 'body/type', String(bytes));
  }
  const bytes = utf8('{}');
  for (const options of [null, 'json', 1, [], true]) {
    assert.throws(() => esm.decodeBody(bytes, options), (e) => e instanceof esm.WxnetError && e.code === 'arg/type'
      && /options must be an object/.test(e.message), String(options));
  }
  for (const options of [{ contentType: 1 }, { contentType: ['text/plain'] }, { dataType: 1 }, { responseType: {} }]) {
    assert.throws(() => esm.decodeBody(bytes, options), (e) => e instanceof esm.WxnetError && e.code === 'arg/type'
      && e.message.includes(Object.keys(options)[0]), JSON.stringify(options));
  }
  assert.throws(() => cjs.decodeBody('x'), esm.WxnetError);
});

test('values from another realm are accepted', async () => {
  const { runInNewContext } = await import('node:vm');
  const foreign = runInNewContext('new Uint8Array([0x7b, 0x7d])');
  assert.equal(foreign instanceof Uint8Array, false);
  assert.deepEqual(esm.decodeBody(foreign).data, {});
  assert.deepEqual(esm.decodeBody(runInNewContext('new Uint8Array([0x5b, 0x5d]).buffer')).data, []);
});
