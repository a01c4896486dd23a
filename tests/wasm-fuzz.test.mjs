// A panic inside WebAssembly traps and leaves the instance dead for good. Feed the
// wasm build 100,000 random inputs, then check it still answers correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as wxnet from '../pkg/node.mjs';
import * as tools from '../pkg/tools-node.mjs';
import { seededRandom as random } from './helpers/random.mjs';

const PIECES = ['https://', 'HTTPS://', 'servicewechat.com', '/', 'wx', '0123456789abcdef', 'touristappid',
  'devtools', '0', '01', '-1', 'page-frame.html', '?', '#', '@', ':443', '%00', '\u0000', '\ud800', '😀', '中文', '.',
  'wxfile://', 'usr/', 'tmp_', 'http://tmp/', '..', '%2F', '%2e', '\\'];

function randomString(next) {
  const parts = [];
  const count = Math.floor(next() * 12);
  for (let i = 0; i < count; i++) {
    const kind = next();
    if (kind < 0.5) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
    else if (kind < 0.8) parts.push(String.fromCharCode(Math.floor(next() * 0x10000)));
    else parts.push(String.fromCodePoint(Math.floor(next() * 0x110000)));
  }
  return parts.join('');
}

test('100,000 random Referers, versions, options and file paths never kill the wasm instance', () => {
  const seed = Number(process.env.WXNET_FUZZ_SEED ?? 20261121);
  const next = random(seed);
  const values = [undefined, null, 0, -1, NaN, 1e300, true, {}, [], () => {}, Symbol('s'), 10n];
  let accepted = 0;
  for (let i = 0; i < 100_000; i++) {
    const input = next() < 0.9 ? randomString(next) : values[Math.floor(next() * values.length)];
    for (const call of [
      () => wxnet.parseReferer(input),
      () => wxnet.buildReferer(input, input),
      () => wxnet.verifyReferer(input, next() < 0.5 ? undefined : { appids: [String(input)], allow: ['release'] }),
      () => {
        // A store path the core accepts never climbs out of the store.
        const { relative } = wxnet.parseStorePath(input);
        assert.ok(relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), `${input}`);
      },
    ]) {
      try {
        call();
        accepted++;
      } catch (error) {
        assert.ok(error instanceof wxnet.WxnetError, `seed ${seed}, case ${i}: ${error}`);
      }
    }
  }
  assert.ok(accepted > 0);
  // The instance still works after all of that.
  assert.deepEqual(wxnet.parseReferer('https://servicewechat.com/wx0123456789abcdef/2/page-frame.html'),
    { appid: 'wx0123456789abcdef', version: '2', env: 'release', release: 2 });
});

test('rule 10: 20,000 random and mutated mDNS messages and socket targets never kill the wasm instances', () => {
  const seed = Number(process.env.WXNET_FUZZ_SEED ?? 20261202);
  const next = random(seed);
  const TYPE = '_wxnet-test._tcp.';
  const announcement = tools.dnsSdAnnouncement('printer', TYPE, 'peer.local', '10.77.0.2', 4242, 120);
  const options = { lan: { ip: '10.77.0.1' }, domains: { tcpdomain: ['tcp://t.example.com'] } };
  for (let i = 0; i < 20_000; i++) {
    let bytes;
    if (next() < 0.5) {
      bytes = new Uint8Array(Math.floor(next() * 300)).map(() => Math.floor(next() * 256));
    } else {
      bytes = announcement.slice();
      for (let flips = 1 + Math.floor(next() * 6); flips > 0; flips--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
    }
    const events = tools.dnsSdBrowseEvents(bytes, TYPE);
    assert.ok(Array.isArray(events), `seed ${seed}, case ${i}`);
    assert.ok(Array.isArray(tools.dnsSdQuestions(bytes)));
    const verdict = wxnet.checkSocketTarget(next() < 0.5 ? 'udp' : 'tcp', randomString(next), Math.floor(next() * 70_000) - 10, options);
    assert.equal(typeof verdict.ok, 'boolean');
  }
  assert.deepEqual(tools.dnsSdBrowseEvents(announcement, TYPE), [{ type: 'found', serviceName: 'printer', ip: '10.77.0.2', port: 4242 }]);
});
