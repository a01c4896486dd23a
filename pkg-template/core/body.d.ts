/** Options of {@link decodeBody}, named as in `wx.request`. */
export interface DecodeBodyOptions {
  /**
   * The response's `Content-Type` header value, e.g. `'text/html; charset=gbk'`.
   * Its `charset` is resolved as a WHATWG encoding label (`gb2312` → GBK,
   * `latin1` → windows-1252). Absent, or a label nobody knows: UTF-8, as on the
   * phone (a GBK body then comes out lossy, errno 602302); see `detect`.
   */
  contentType?: string | null;
  /**
   * Guess the encoding of a body with neither BOM nor known label (chardetng):
   * UTF-8 if the bytes are UTF-8, else the most likely legacy encoding. Default
   * `false`: the phone converts only by the declared charset (RULES.md §8), and
   * createWx never detects. Detection is reliable from a few hundred bytes of text;
   * a handful of bytes can be taken for another encoding (4 bytes of GBK come out
   * as EUC-KR).
   */
  detect?: boolean;
  /** `'json'` (default) runs `JSON.parse` once on the text; any other value skips parsing. */
  dataType?: 'json' | 'text' | (string & {});
  /** `'arraybuffer'` returns the bytes untouched; anything else (default `'text'`) decodes. */
  responseType?: 'text' | 'arraybuffer' | (string & {});
}

/**
 * The name encoding_rs gives the encoding used, e.g. `'UTF-8'`, `'UTF-16LE'`,
 * `'GBK'`, `'gb18030'`, `'Big5'`, `'Shift_JIS'`, `'EUC-KR'`, `'windows-1252'`.
 */
export type BodyEncoding = string;

/** The body as a mini program receives it in `success({ data })`. */
export interface DecodedBody<Data = unknown> {
  /**
   * `responseType: 'arraybuffer'`: the bytes received (an ArrayBuffer).
   * `dataType: 'json'`: the parsed value when `parsed`, else the text.
   * Otherwise: the text. An empty body gives `''`.
   */
  data: Data | string | ArrayBuffer;
  /** The encoding the text was decoded from; `null` for `responseType: 'arraybuffer'`. */
  encoding: BodyEncoding | null;
  /** A leading BOM was removed (exactly one; a second stays in the text). */
  bomStripped: boolean;
  /** A malformed sequence was replaced with U+FFFD: the conversion to UTF-8 "failed" in part. */
  lossy: boolean;
  /** `dataType: 'json'` and `JSON.parse` succeeded. A failed parse is still a success: `data` is the text. */
  parsed: boolean;
  /** `602302` ("could not be converted to UTF-8") when `lossy`; absent otherwise. */
  errno?: 602302;
}

/** Codes of the WxnetError thrown by decodeBody: `body/type` for the bytes, `arg/type` for the options. */
export type BodyErrorCode = 'body/type' | 'arg/type';

/**
 * Decodes a response body the way the WeChat client does before `success` is
 * called: a BOM decides the encoding and exactly one is removed, else the
 * Content-Type `charset`, else UTF-8 (with `detect: true`: UTF-8 if valid, else
 * the detected legacy encoding); then `JSON.parse` once for `dataType: 'json'`.
 *
 * UTF-8 and UTF-16 bodies are decoded by the engine's own `TextDecoder`; legacy
 * encodings, detection and malformed input go through the wasm core (encoding_rs).
 *
 * @example
 * const res = await fetch(url);
 * const { data, lossy } = decodeBody(await res.arrayBuffer(), {
 *   contentType: res.headers.get('content-type'),
 *   dataType: 'json',
 * });
 * @throws WxnetError with a {@link BodyErrorCode} when `bytes` is not a
 *   Uint8Array/ArrayBuffer or `options` is not an object of the right types.
 */
export function decodeBody<Data = unknown>(bytes: Uint8Array | ArrayBuffer, options?: DecodeBodyOptions): DecodedBody<Data>;
