// The rules the wx shim takes from the core (RULES.md §5, §7–§9), through the wasm
// build: the raw exports the glue calls (wxnet.js) and the generated static values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../pkg/node.mjs'; // instantiates the wasm
import * as core from '../pkg/wxnet.js';
import { DROPPED_HEADERS, STORE_PATH_PREFIXES, WX_DEFAULTS } from '../pkg/core/wx.generated.mjs';

test('rule 9: each API checks its parameters and words the first wrong one', () => {
  assert.deepEqual(core.wxParameterError('request', {}), {
    errMsg: 'request:fail parameter error: parameter.url should be String instead of Undefined;', errno: 1001,
  });
  assert.equal(core.wxParameterError('request', { url: 'https://a.com', header: {}, enableChunked: true }), undefined);
  assert.equal(core.wxParameterError('request', { url: 'x', timeout: '5' }).errMsg,
    'request:fail parameter error: parameter.timeout should be Number instead of String;');
  assert.equal(core.wxParameterError('uploadFile', { url: 'x', filePath: 'y' }).errMsg,
    'uploadFile:fail parameter error: parameter.name should be String instead of Undefined;');
  assert.equal(core.wxParameterError('downloadFile', { url: 'x', header: null }).errMsg,
    'downloadFile:fail parameter error: parameter.header should be Object instead of Null;');
  assert.equal(core.wxParameterError('connectSocket', { url: 'x', protocols: 'chat' }).errMsg,
    'connectSocket:fail parameter error: parameter.protocols should be Array instead of String;');
  assert.equal(core.wxParameterError('connectSocket', undefined).errMsg,
    'connectSocket:fail parameter error: parameter.url should be String instead of Undefined;');
  assert.equal(core.wxParameterError('sendSocketMessage', { data: new ArrayBuffer(2) }), undefined);
  assert.equal(core.wxParameterError('sendSocketMessage', { data: {} }).errMsg,
    'sendSocketMessage:fail parameter error: parameter.data should be String or ArrayBuffer instead of Object;');
  assert.throws(() => core.wxParameterError('closeSocket', {}), (error) => error.code === 'arg/api');
});

test('rule 9: close codes are 1000 or 3000-4999 and reasons at most 123 bytes of UTF-8', () => {
  assert.equal(core.checkSocketClose('closeSocket', undefined, 'undefined', ''), 1000);
  assert.equal(core.checkSocketClose('closeSocket', 4000, '4000', 'bye'), 4000);
  assert.deepEqual(core.checkSocketClose('closeSocket', 1001, '1001', ''), {
    errMsg: 'closeSocket:fail parameter error: parameter.code should be 1000 or in 3000-4999 instead of 1001;', errno: 1001,
  });
  assert.equal(core.checkSocketClose('closeSocket', '1000', '1000', '').errMsg,
    'closeSocket:fail parameter error: parameter.code should be 1000 or in 3000-4999 instead of 1000;');
  assert.equal(core.checkSocketClose('closeSocket', 1000, '1000', '中'.repeat(42)).errMsg,
    'closeSocket:fail parameter error: parameter.reason should be at most 123 bytes of UTF-8 instead of 126;');
  assert.equal(WX_DEFAULTS.closeCode, 1000);
  assert.equal(WX_DEFAULTS.goingAwayCode, 1001);
});

test('rule 9: the method defaults to GET and is upper-cased as JS does', () => {
  assert.equal(core.requestMethod(undefined), 'GET');
  assert.equal(core.requestMethod('post'), 'POST');
  for (const method of ['poſt', 'gét', 'patch', '']) {
    const upper = method.toUpperCase();
    const expected = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'].includes(upper) ? upper : undefined;
    assert.equal(core.requestMethod(method), expected, method);
  }
  assert.equal(WX_DEFAULTS.method, 'GET');
});

test('rule 8: dataType defaults to json and responseType to text', () => {
  assert.equal(WX_DEFAULTS.dataType, 'json');
  assert.equal(WX_DEFAULTS.responseType, 'text');
});

test('rule 5: the caller\'s Referer is dropped and the platform\'s forced; the default identity is touristappid/devtools', () => {
  for (const api of ['request', 'uploadFile', 'downloadFile', 'connectSocket']) assert.ok(DROPPED_HEADERS[api].includes('referer'), api);
  assert.deepEqual(DROPPED_HEADERS.uploadFile, ['referer', 'content-type', 'content-length']);
  assert.equal(WX_DEFAULTS.forcedHeader, 'Referer');
  assert.equal(core.buildReferer(WX_DEFAULTS.appid, WX_DEFAULTS.version),
    'https://servicewechat.com/touristappid/devtools/page-frame.html');
});

test('rule 9: store paths start with the prefixes the core parses', () => {
  assert.equal(STORE_PATH_PREFIXES.temporary, 'wxfile://tmp_');
  assert.equal(WX_DEFAULTS.userDataPath, 'wxfile://usr');
  for (const [area, prefix] of Object.entries(STORE_PATH_PREFIXES)) {
    assert.equal(core.parseStorePath(`${prefix}a1b2.png`).area, area);
  }
});

test('rule 9: the shim applies the generated parameter table exactly as the core checks (20,000 random options)', async () => {
  const { checkParameters } = await import('../pkg/wx/parameters.mjs');
  const { WX_PARAMETERS } = await import('../pkg/core/wx.generated.mjs');
  const { seededRandom } = await import('./helpers/random.mjs');
  const next = seededRandom(Number(process.env.WXNET_FUZZ_SEED ?? 9));
  const values = [undefined, null, 'x', '', 0, 5, NaN, true, false, [], ['chat'], {}, { a: 1 }, new ArrayBuffer(1),
    new Uint8Array(1), () => {}, Symbol('s'), 10n];
  const pick = (list) => list[Math.floor(next() * list.length)];
  const SAMPLE_OF_TYPE = { string: 'x', number: 5, boolean: true, array: ['chat'], object: { a: 1 }, arraybuffer: new ArrayBuffer(1) };
  let failures = 0;
  for (let i = 0; i < 20_000; i++) {
    const call = pick(Object.keys(WX_PARAMETERS));
    const option = {};
    for (const [field, , , accepted] of WX_PARAMETERS[call]) {
      if (next() < 0.3) continue;
      option[field] = next() < 0.9 ? SAMPLE_OF_TYPE[pick(accepted)] : pick(values);
    }
    const shim = checkParameters(call, option);
    const core = wxParameterErrorOf(call, option);
    assert.deepEqual(shim, core, `${call} ${JSON.stringify(Object.keys(option))}`);
    if (core) failures++;
  }
  assert.ok(failures > 5_000 && failures < 19_000, `both outcomes are exercised (${failures} failures)`);
});

function wxParameterErrorOf(call, option) {
  const result = core.wxParameterError(call, option);
  return result && (result.errno === undefined ? { errMsg: result.errMsg } : { errMsg: result.errMsg, errno: result.errno });
}
