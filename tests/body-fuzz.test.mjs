// A panic inside WebAssembly traps and leaves the instance dead for good. Feed
// decodeBody 100,000 random bodies and Content-Types through the wasm build; each
// result must equal what the core alone decides (the JS fast path must never
// disagree with it), and afterwards the instance must still decode correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as wxnet from '../pkg/node.mjs';
import { decodeBodyText } from '../pkg/wxnet.js'; // the core's full path, for cross-checking
import { seededRandom as random } from './helpers/random.mjs';

// Pieces that steer random bodies into the interesting states: BOMs, lead bytes
// of every multi-byte family, JSON punctuation, UTF-8 CJK, escapes.
const BYTE_PIECES = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xe4, 0xb8, 0xad], [0xd6, 0xd0], [0x81, 0x30, 0x81, 0x30],
  [0xa4, 0x40], [0x82, 0xa0], [0xb0, 0xa1], [0x1b, 0x24, 0x42], [0x7b], [0x7d], [0x22], [0xed, 0xa0, 0x80], [0xf4, 0x90], [0xc0]];
const LABELS = ['utf-8', 'UTF-16LE', 'utf-16be', 'gbk', 'gb2312', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr',
  'iso-2022-jp', 'iso-2022-kr', 'x-user-defined', 'latin1', 'koi8-r', 'windows-1251', 'utf-7', '', 'foo', '"gbk"', '"\\'];

function randomBytes(next) {
  const out = [];
  const pieces = Math.floor(next() * 10);
  for (let i = 0; i < pieces; i++) {
    if (next() < 0.5) out.push(...BYTE_PIECES[Math.floor(next() * BYTE_PIECES.length)]);
    else for (let n = Math.floor(next() * 6); n > 0; n--) out.push(Math.floor(next() * 256));
  }
  return Uint8Array.from(out);
}

function randomContentType(next) {
  const roll = next();
  if (roll < 0.2) return undefined;
  if (roll < 0.3) return String.fromCharCode(...Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 0x10000)));
  const label = LABELS[Math.floor(next() * LABELS.length)];
  return `${next() < 0.5 ? 'application/json' : 'text/plain'};${next() < 0.5 ? ' ' : ''}charset=${label}${next() < 0.2 ? '; x=1' : ''}`;
}

test('100,000 random bodies and Content-Types: no trap, and the fast path always agrees with the core', () => {
  const seed = Number(process.env.WXNET_FUZZ_SEED ?? 20261204);
  const next = random(seed);
  const encodings = new Set();
  for (let i = 0; i < 100_000; i++) {
    const bytes = randomBytes(next);
    const contentType = randomContentType(next);
    const dataType = next() < 0.5 ? 'json' : 'text';
    const detect = next() < 0.5;
    const context = `seed ${seed}, case ${i}: [${bytes}] ${JSON.stringify(contentType)} detect ${detect}`;
    const result = wxnet.decodeBody(bytes, { contentType, dataType, detect });
    const core = decodeBodyText(bytes, contentType, detect);
    const text = result.parsed ? core.text : result.data;
    assert.equal(text, core.text, context);
    assert.equal(result.encoding, core.encoding, context);
    assert.equal(result.bomStripped, core.bomStripped, context);
    assert.equal(result.lossy, core.lossy, context);
    assert.equal(result.errno, result.lossy ? 602302 : undefined, context);
    encodings.add(result.encoding);
  }
  // The generator reached the interesting encodings, not only UTF-8.
  for (const name of ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'GBK', 'Big5', 'Shift_JIS', 'EUC-KR', 'replacement']) {
    assert.ok(encodings.has(name), `never produced ${name}: ${[...encodings]}`);
  }
  // The instance is still alive and right.
  assert.deepEqual(wxnet.decodeBody(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4), { contentType: 'text/plain; charset=gbk' }).data, '中文');
  assert.deepEqual(wxnet.decodeBody(new TextEncoder().encode('{"ok":true}')).data, { ok: true });
});

test('random bodies up to 64 KiB with no label never trap (detection on longer input)', () => {
  const next = random(Number(process.env.WXNET_FUZZ_SEED ?? 7));
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(Math.floor(next() * 65536));
    for (let j = 0; j < bytes.length; j++) bytes[j] = next() < 0.7 ? 0x20 + Math.floor(next() * 0x5f) : Math.floor(next() * 256);
    const result = wxnet.decodeBody(bytes, { dataType: 'text' });
    assert.equal(typeof result.data, 'string');
  }
  assert.equal(wxnet.decodeBody(new TextEncoder().encode('"still alive"')).data, 'still alive');
});
