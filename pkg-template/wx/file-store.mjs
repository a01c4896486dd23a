// The file store behind uploadFile's filePath and downloadFile's tempFilePath.
// Browsers get this in-memory store; the Node entry passes a temp-directory store
// (node/file-store.mjs). Any object with the same two async methods can be injected: the
// shim only ever hands it paths the core accepted (parseStorePath, RULES.md §9).
import { STORE_PATH_PREFIXES, WxnetError, parseStorePath } from './core-port.mjs';

/** Where the platform puts temporary files: `wxfile://tmp_<random><ext>`. */
export function temporaryPath(extension = '') {
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${STORE_PATH_PREFIXES.temporary}${random}${extension}`;
}

/** The extension of a URL's last path segment (`.png`), or '' when it has none. */
export function extensionOf(url) {
  let path = url;
  try { path = new URL(url).pathname; } catch { /* keep the raw text */ }
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(path);
  return match ? match[0].toLowerCase() : '';
}

/**
 * An in-memory file store: `save(bytes, { filePath?, extension? })` resolves to the
 * path (`filePath`, or a new `wxfile://tmp_…`), `read(path)` to the bytes.
 */
export function createMemoryFileStore() {
  const files = new Map();
  return {
    kind: 'memory',
    async save(bytes, { filePath, extension } = {}) {
      const path = filePath ?? temporaryPath(extension);
      parseStorePath(path);
      files.set(path, toBytes(bytes));
      return path;
    },
    async read(path) {
      parseStorePath(path);
      const bytes = files.get(path);
      if (bytes === undefined) throw new WxnetError('wx/file-not-found', `no such file in the wx file store: ${path}`);
      return bytes;
    },
    has: (path) => files.has(path),
    remove: (path) => files.delete(path),
  };
}

export function toBytes(data) {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new WxnetError('wx/file-data', 'file contents must be a string, an ArrayBuffer or a typed array');
}
