// decodeBody against what a previewer would do by hand, on 64 KB and 4 MB bodies:
//   UTF-8 (with and without BOM) against a reused TextDecoder (+ JSON.parse for JSON);
//   GBK against TextDecoder('gbk') and against iconv-lite.
// Targets: UTF-8 ≥ 0.9× TextDecoder; GBK ≥ 1× TextDecoder('gbk') and ≥ 2× iconv-lite.
import iconv from 'iconv-lite';
import { decodeBody } from '../pkg/node.mjs';
import { compare, record } from './harness.mjs';

// A realistic API response: JSON objects mixing ASCII keys and numbers with Chinese text.
function jsonBody(size) {
  const items = [];
  let length = 2;
  for (let id = 0; length < size; id++) {
    const item = { id, name: `用户${id}`, city: '北京市朝阳区', tags: ['小程序', 'wx.request'], note: `第 ${id} 条记录：网络请求已成功处理`, score: id * 1.5 };
    length += JSON.stringify(item).length * 1.6 + 1; // ≈ UTF-8 bytes per item
    items.push(item);
  }
  return JSON.stringify({ errcode: 0, errmsg: 'ok', items });
}

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const withBom = (bytes) => { const out = new Uint8Array(bytes.length + 3); out.set(BOM); out.set(bytes, 3); return out; };
const utf8Decoder = new TextDecoder();
const gbkDecoder = new TextDecoder('gbk');

for (const [label, size] of [['64 KB', 64 * 1024], ['4 MB', 4 * 1024 * 1024]]) {
  const text = jsonBody(size);
  const utf8 = new TextEncoder().encode(text);
  const utf8Bom = withBom(utf8);
  const gbk = iconv.encode(text, 'gbk');
  record(`${label} body sizes (UTF-8 / GBK)`, `${utf8.length} / ${gbk.length} bytes`);
  const ms = size > 1e6 ? 600 : 300;
  const json = { contentType: 'application/json' };

  await compare({ name: `${label} UTF-8 text vs TextDecoder`, target: 0.9, ms,
    baseline: () => (utf8Decoder.decode(utf8), 1),
    candidate: () => (decodeBody(utf8, { ...json, dataType: 'text' }), 1) });
  await compare({ name: `${label} UTF-8 JSON vs TextDecoder+JSON.parse`, target: 0.9, ms,
    baseline: () => (JSON.parse(utf8Decoder.decode(utf8)), 1),
    candidate: () => (decodeBody(utf8, json), 1) });
  await compare({ name: `${label} UTF-8+BOM text vs TextDecoder`, target: 0.9, ms,
    baseline: () => (utf8Decoder.decode(utf8Bom), 1),
    candidate: () => (decodeBody(utf8Bom, { ...json, dataType: 'text' }), 1) });
  await compare({ name: `${label} UTF-8+BOM JSON vs TextDecoder+JSON.parse`, target: 0.9, ms,
    baseline: () => (JSON.parse(utf8Decoder.decode(utf8Bom)), 1),
    candidate: () => (decodeBody(utf8Bom, json), 1) });

  const gbkText = { contentType: 'application/json; charset=gbk', dataType: 'text' };
  await compare({ name: `${label} GBK text vs TextDecoder('gbk')`, target: 1, ms,
    baseline: () => (gbkDecoder.decode(gbk), 1),
    candidate: () => (decodeBody(gbk, gbkText), 1) });
  await compare({ name: `${label} GBK text vs iconv-lite`, target: 2, ms,
    baseline: () => (iconv.decode(gbk, 'gbk'), 1),
    candidate: () => (decodeBody(gbk, gbkText), 1) });
  // No label: the core has to find out (UTF-8 check, then chardetng). No target.
  await compare({ name: `${label} GBK unlabelled (detected) vs TextDecoder('gbk')`, ms,
    baseline: () => (gbkDecoder.decode(gbk), 1),
    candidate: () => (decodeBody(gbk, { dataType: 'text', detect: true }), 1) });
}
