// Writes the golden files for decodeBody: <name>.in (the response bytes) and
// <name>.out.txt (the text the client delivers, UTF-8), plus manifest.json with
// the Content-Type and the expected encoding, flags and JSON-ness of each case.
// Legacy inputs are encoded with iconv-lite, an encoder independent of the
// encoding_rs decoders under test. Run once: `node tests/body-golden/generate.mjs`;
// the generated files are committed, so the tests never depend on this script.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const dir = new URL('./cases/', import.meta.url);
const BOM8 = [0xef, 0xbb, 0xbf];
const FFFD = '\uFFFD';

const zhJson = JSON.stringify({
  errcode: 0,
  errmsg: '操作成功',
  data: { city: '北京市朝阳区', notice: '欢迎使用微信小程序网络接口，请求已经处理完毕，祝您使用愉快。' },
});
// Outside GBK's two-byte range: needs GB18030's four-byte sequences.
const gb18030Json = JSON.stringify({ name: '𠀀𠀁 欢迎', note: '€ 与 ḿ 需要四字节序列，普通汉字两字节' });
const twJson = JSON.stringify({ errmsg: '操作成功', data: { city: '臺北市信義區', notice: '歡迎使用微信小程式網路介面，請求已經處理完畢，祝您使用愉快。' } });
const jaJson = JSON.stringify({ errmsg: '成功しました', data: { city: '東京都渋谷区', notice: 'ミニプログラムのネットワークへようこそ。リクエストは正常に処理されました。' } });
const koJson = JSON.stringify({ errmsg: '성공', data: { city: '서울특별시 강남구', notice: '미니 프로그램 네트워크에 오신 것을 환영합니다. 요청이 정상적으로 처리되었습니다.' } });
const plainZh = '这不是 JSON：只是一段普通的中文文本，服务器用 text/plain 返回。';

const utf8 = (text) => [...Buffer.from(text, 'utf8')];
const utf16le = (text) => [...Buffer.from(text, 'utf16le')];
const utf16be = (text) => utf16le(text).map((_, i, a) => a[i ^ 1]);
function legacy(encoding, text) {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) throw new Error(`${encoding} cannot represent ${text}`);
  return [...bytes];
}
const gbk = (text) => legacy('gbk', text);

// Detection (decodeBody's `detect: true`) applies to the cases named in DETECTED;
// every other case decodes as the phone does: an unlabelled body is UTF-8.
const DETECTED = new Set(['gbk-no-label', 'gb18030-no-label', 'big5-no-label', 'shift-jis-no-label', 'euc-kr-no-label']);
const asUtf8 = (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(bytes));

// [name, bytes, contentType | null, expected text, encoding, bomStripped, lossy]
const cases = [
  ['utf8-no-bom', utf8(zhJson), 'application/json', zhJson, 'UTF-8', false, false],
  ['utf8-no-bom-no-header', utf8(zhJson), null, zhJson, 'UTF-8', false, false],
  ['utf8-one-bom', [...BOM8, ...utf8(zhJson)], 'application/json; charset=utf-8', zhJson, 'UTF-8', true, false],
  ['utf8-two-boms', [...BOM8, ...BOM8, ...utf8(zhJson)], 'application/json', '\uFEFF' + zhJson, 'UTF-8', true, false],
  ['utf8-bom-beats-gbk-label', [...BOM8, ...utf8(zhJson)], 'application/json; charset=gbk', zhJson, 'UTF-8', true, false],
  ['utf16le-bom', [0xff, 0xfe, ...utf16le(zhJson)], 'application/json', zhJson, 'UTF-16LE', true, false],
  ['utf16be-bom', [0xfe, 0xff, ...utf16be(zhJson)], 'application/json', zhJson, 'UTF-16BE', true, false],
  ['utf16le-two-boms', [0xff, 0xfe, 0xff, 0xfe, ...utf16le(zhJson)], null, '\uFEFF' + zhJson, 'UTF-16LE', true, false],
  ['utf16le-label-no-bom', utf16le(zhJson), 'application/json; charset=utf-16le', zhJson, 'UTF-16LE', false, false],
  ['gbk-label', gbk(zhJson), 'application/json; charset=gbk', zhJson, 'GBK', false, false],
  ['gbk-label-gb2312', gbk(zhJson), 'text/html; charset="GB2312"', zhJson, 'GBK', false, false],
  ['gbk-no-label', gbk(zhJson), 'application/json', zhJson, 'GBK', false, false],
  ['gb18030-label', legacy('gb18030', gb18030Json), 'application/json; charset=gb18030', gb18030Json, 'gb18030', false, false],
  // chardetng answers GBK; WHATWG's GBK decoder reads GB18030's four-byte sequences too.
  ['gb18030-no-label', legacy('gb18030', gb18030Json), null, gb18030Json, 'GBK', false, false],
  ['big5-label', legacy('big5', twJson), 'application/json; charset=big5', twJson, 'Big5', false, false],
  ['big5-no-label', legacy('big5', twJson), null, twJson, 'Big5', false, false],
  ['shift-jis-label', legacy('shift_jis', jaJson), 'application/json; charset=Shift_JIS', jaJson, 'Shift_JIS', false, false],
  ['shift-jis-no-label', legacy('shift_jis', jaJson), null, jaJson, 'Shift_JIS', false, false],
  ['euc-kr-label', legacy('euc-kr', koJson), 'application/json; charset=euc-kr', koJson, 'EUC-KR', false, false],
  ['euc-kr-no-label', legacy('euc-kr', koJson), null, koJson, 'EUC-KR', false, false],
  // Wrong labels: unknown ones are ignored; known ones are obeyed, as the client does.
  ['wrong-label-unknown', utf8(zhJson), 'application/json; charset=no-such-charset', zhJson, 'UTF-8', false, false],
  ['wrong-label-latin1-on-utf8', utf8('{"city":"Zürich"}'), 'application/json; charset=latin1', '{"city":"ZÃ¼rich"}', 'windows-1252', false, false],
  ['wrong-label-utf8-on-gbk', gbk('{"a":"中文"}'), 'application/json; charset=utf-8', `{"a":"${FFFD}${FFFD}${FFFD}${FFFD}"}`, 'UTF-8', false, true],
  ['invalid-utf8-labelled', [...utf8('{"a":"ok'), 0xff, 0xc0, 0x80, ...utf8('"}')], 'application/json; charset=utf-8', `{"a":"ok${FFFD}${FFFD}${FFFD}"}`, 'UTF-8', false, true],
  ['invalid-utf8-lone-surrogate', [...utf8('x'), 0xed, 0xa0, 0x80, ...utf8('y')], 'text/plain; charset=utf-8', `x${FFFD}${FFFD}${FFFD}y`, 'UTF-8', false, true],
  ['plain-text-utf8', utf8(plainZh), 'text/plain', plainZh, 'UTF-8', false, false],
  ['plain-text-gbk', gbk(plainZh), 'text/plain; charset=gbk', plainZh, 'GBK', false, false],
  ['json-number', utf8('42'), 'application/json', '42', 'UTF-8', false, false],
  ['json-with-trailing-comma', utf8('{"a":1,}'), 'application/json', '{"a":1,}', 'UTF-8', false, false],
  ['empty', [], null, '', 'UTF-8', false, false],
  ['empty-gbk-label', [], 'text/plain; charset=gbk', '', 'GBK', false, false],
  ['bom-only', BOM8, 'application/json', '', 'UTF-8', true, false],
  // Cut in the middle of a multi-byte sequence: one U+FFFD at the end, lossy.
  ['utf8-cut-mid-character', utf8('{"a":"北京').slice(0, -1), null, `{"a":"北${FFFD}`, 'UTF-8', false, true],
  ['utf8-cut-mid-character-labelled', utf8('{"a":"北京').slice(0, -2), 'application/json; charset=utf-8', `{"a":"北${FFFD}`, 'UTF-8', false, true],
  ['gbk-cut-mid-character', gbk('{"a":"北京').slice(0, -1), 'application/json; charset=gbk', `{"a":"北${FFFD}`, 'GBK', false, true],
  ['utf16le-cut-odd-length', [0xff, 0xfe, ...utf16le('{"a":"北京"}').slice(0, -1)], null, `{"a":"北京"${FFFD}`, 'UTF-16LE', true, true],
  ['replacement-label', utf8('hello'), 'text/plain; charset=iso-2022-kr', FFFD, 'replacement', false, true],
  // Without a label the phone converts nothing: the bytes are read as UTF-8, lossy (errno 602302).
  ['gbk-no-label-as-on-the-phone', gbk(zhJson), 'application/json', asUtf8(gbk(zhJson)), 'UTF-8', false, true],
  ['big5-no-label-as-on-the-phone', legacy('big5', twJson), null, asUtf8(legacy('big5', twJson)), 'UTF-8', false, true],
];

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const manifest = cases.map(([name, bytes, contentType, text, encoding, bomStripped, lossy]) => {
  writeFileSync(new URL(`${name}.in`, dir), Uint8Array.from(bytes));
  writeFileSync(new URL(`${name}.out.txt`, dir), text, 'utf8');
  let json = true;
  try { JSON.parse(text); } catch { json = false; }
  return DETECTED.has(name) ? { name, detect: true, contentType, encoding, bomStripped, lossy, json } : { name, contentType, encoding, bomStripped, lossy, json };
});
writeFileSync(new URL('./manifest.json', import.meta.url),
  JSON.stringify(manifest, null, 1).replace(/\n  +/g, ' ').replace(/\n }/g, ' }') + '\n');
console.log(`${manifest.length} golden cases in ${readdirSync(dir).length} files`);
