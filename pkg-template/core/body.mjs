// Response bodies (RULES.md §7-§8). The encoding decision and every legacy
// decoder live in the Rust core; this file adds the fast path and dataType.
//
// Fast path: the core looks at the first three bytes and the Content-Type
// (`bodyPlan`, a cheap call) and names the native TextDecoder to use (UTF-8,
// UTF-16LE/BE) and the BOM length. The engine decodes the body where it lies;
// if the text contains U+FFFD, a malformed sequence may have been replaced, so
// the body goes to the core (`decodeBodyUtf16`), which reports `lossy` exactly
// (and, with `detect: true`, detects the legacy encoding of an unlabelled body).
// Legacy encodings (GBK, Big5, ...) always decode in the core with encoding_rs.
import * as core from '../wxnet.js';
import { WxnetError, notReady, toWxnetError } from './errors.mjs';
import { isReady } from './ready.mjs';
import { describeType } from './type-name.mjs';
import { WX_DEFAULTS } from './wx.generated.mjs';

const REPLACEMENT_CHARACTER = '\uFFFD';

/** [{ name, decoder }] indexed like the core's bodyNativeEncodings(); null where the engine lacks the decoder. */
let nativeDecoders;
function nativeDecoder(index) {
  nativeDecoders ??= core.bodyNativeEncodings().map((name) => {
    try {
      // ignoreBOM: the core decides which BOM to skip (exactly one), not the decoder.
      return { name, decoder: new TextDecoder(name, { ignoreBOM: true }) };
    } catch {
      return null; // e.g. Node built without ICU has no UTF-16BE: the core decodes instead
    }
  });
  return nativeDecoders[index];
}

/**
 * Decodes a response body as the mini program client delivers it.
 * See body.d.ts for the full contract.
 */
export function decodeBody(bytes, options = {}) {
  if (!isReady()) throw notReady();
  const view = asBytes(bytes);
  const { contentType, dataType, responseType, detect } = readOptions(options);
  if (responseType === 'arraybuffer') {
    return { data: exactArrayBuffer(bytes, view), encoding: null, bomStripped: false, lossy: false, parsed: false };
  }
  const decoded = decodeText(view, contentType, detect);
  const result = { data: decoded.text, encoding: decoded.encoding, bomStripped: decoded.bomStripped, lossy: decoded.lossy, parsed: false };
  if (dataType === 'json') {
    try {
      result.data = JSON.parse(decoded.text);
      result.parsed = true;
    } catch {
      // Not JSON: the platform hands over the text, and it is still a success.
    }
  }
  if (decoded.errno !== undefined) result.errno = decoded.errno;
  return result;
}

function decodeText(view, contentType, detect) {
  try {
    const plan = core.bodyPlan(contentType, view[0] ?? 0, view[1] ?? 0, view[2] ?? 0, view.length);
    const native = plan >>> 2 === 0 ? null : nativeDecoder((plan >>> 2) - 1);
    if (native) {
      const bomLength = plan & 3;
      const text = native.decoder.decode(bomLength === 0 ? view : view.subarray(bomLength));
      if (!text.includes(REPLACEMENT_CHARACTER)) {
        return { text, encoding: native.name, bomStripped: bomLength > 0, lossy: false };
      }
    }
    return decodeInCore(view, contentType, detect);
  } catch (error) {
    throw toWxnetError(error);
  }
}

let memory;
// The core leaves UTF-16 units in wasm memory; a JS string is made from them
// with a copy (Node: Buffer's UTF-16 slice; elsewhere TextDecoder('utf-16le')).
function decodeInCore(view, contentType, detect) {
  const { ptr, length, ...meta } = core.decodeBodyUtf16(view, contentType, detect);
  memory ??= core.bodyMemory();
  meta.text = unitsToString(memory.buffer, ptr, length);
  return meta;
}

const NodeBuffer = globalThis.Buffer;
let utf16Decoder;
function unitsToString(buffer, ptr, length) {
  if (length === 0) return '';
  if (typeof NodeBuffer?.from === 'function') return NodeBuffer.from(buffer, ptr, length * 2).toString('utf16le');
  utf16Decoder ??= new TextDecoder('utf-16le', { ignoreBOM: true });
  return utf16Decoder.decode(new Uint16Array(buffer, ptr, length));
}

function asBytes(bytes) {
  if (bytes instanceof Uint8Array) return unshared(bytes);
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  // Values from another realm (an iframe, node:vm) fail instanceof but have the right tag.
  const tag = Object.prototype.toString.call(bytes);
  if (tag === '[object Uint8Array]') return unshared(bytes);
  if (tag === '[object ArrayBuffer]') return new Uint8Array(bytes);
  throw new WxnetError('body/type',
    `bytes must be a Uint8Array or an ArrayBuffer, got ${describeType(bytes)}` +
    (ArrayBuffer.isView(bytes) ? '; wrap other views as new Uint8Array(view.buffer, view.byteOffset, view.byteLength)' : ''));
}

// TextDecoder refuses views of a SharedArrayBuffer in browsers: decode a copy.
function unshared(view) {
  return isShared(view.buffer) ? copyOf(view) : view;
}

const isShared = (buffer) => typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
// A plain Uint8Array over a new ArrayBuffer. (Buffer#slice would share memory.)
const copyOf = (view) => new Uint8Array(view);

// The bytes received, as an ArrayBuffer: the caller's own buffer when it holds
// exactly those bytes, else a copy of the viewed range.
function exactArrayBuffer(bytes, view) {
  if (!ArrayBuffer.isView(bytes)) return bytes;
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && !isShared(view.buffer);
  return whole ? view.buffer : copyOf(view).buffer;
}

function readOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new WxnetError('arg/type', `options must be an object like { contentType, dataType, responseType }, got ${describeType(options)}`);
  }
  const { contentType, dataType = WX_DEFAULTS.dataType, responseType = WX_DEFAULTS.responseType, detect = false } = options;
  if (typeof detect !== 'boolean') {
    throw new WxnetError('arg/type', `options.detect must be a boolean, got ${describeType(detect)}`);
  }
  if (contentType !== undefined && contentType !== null && typeof contentType !== 'string') {
    throw new WxnetError('arg/type', `options.contentType must be the Content-Type header value as a string, got ${describeType(contentType)}` +
      (Array.isArray(contentType) ? '; join repeated headers or pass the first' : ''));
  }
  if (typeof dataType !== 'string') {
    throw new WxnetError('arg/type', `options.dataType must be a string such as 'json' or 'text', got ${describeType(dataType)}`);
  }
  if (typeof responseType !== 'string') {
    throw new WxnetError('arg/type', `options.responseType must be 'text' or 'arraybuffer', got ${describeType(responseType)}`);
  }
  return { contentType: contentType ?? undefined, dataType, responseType, detect };
}
