// Node defaults for createWx (imported only by node.mjs, so browser bundles never see
// node: modules): a file store in a real temporary directory, the `ws` package as
// the WebSocket class when the user installed it, streamed uploads for progress, the
// node:http(s) transport (wx-node-fetch.mjs), and redirects checked hop by hop.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { WxnetError } from './errors.mjs';
import { temporaryPath, toBytes } from './wx-file-store.mjs';
import { nodeFetch } from './wx-node-fetch.mjs';

/**
 * A file store backed by a directory (default: a new one under the OS temp dir).
 * `wxfile://tmp_…` and `wxfile://usr/…` paths map to files inside it; `read` also
 * accepts absolute paths of the local file system, so a previewer can upload a real file.
 * `resolve(path)` gives the file-system path of a store path.
 */
export function createNodeFileStore({ directory } = {}) {
  let root = directory;
  const base = () => {
    root ??= mkdtempSync(join(tmpdir(), 'wxnet-'));
    return root;
  };
  function resolve(path) {
    if (typeof path !== 'string') throw new WxnetError('wx/file-path', `a file path must be a string, got ${typeof path}`);
    const match = /^(?:wxfile:\/\/|http:\/\/tmp\/)(.+)$/.exec(path);
    if (!match) {
      if (isAbsolute(path)) return path;
      throw new WxnetError('wx/file-path', `not a wx file path: ${path} (expected wxfile://…)`);
    }
    const inside = normalize(join(base(), match[1]));
    if (!inside.startsWith(base() + sep)) throw new WxnetError('wx/file-path', `path leaves the file store: ${path}`);
    return inside;
  }
  return {
    kind: 'directory',
    get directory() { return base(); },
    resolve,
    async save(bytes, { filePath, extension } = {}) {
      const path = filePath ?? temporaryPath(extension);
      const target = resolve(path);
      mkdirSync(dirname(target), { recursive: true });
      await writeFile(target, toBytes(bytes));
      return path;
    },
    async read(path) {
      return new Uint8Array(await readFile(resolve(path)));
    },
    saveSync(bytes, options = {}) {
      const path = options.filePath ?? temporaryPath(options.extension);
      const target = resolve(path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, toBytes(bytes));
      return path;
    },
    readSync: (path) => new Uint8Array(readFileSync(resolve(path))),
  };
}

/** The `ws` package's WebSocket if the user installed it, else Node's global one (Node ≥ 22). */
export function nodeWebSocket() {
  try {
    return createRequire(import.meta.url)('ws');
  } catch {
    return globalThis.WebSocket;
  }
}

/** What the Node entry passes to the shared createWx. */
export function nodeDefaults() {
  return { fileStore: createNodeFileStore(), WebSocket: nodeWebSocket(), fetch: nodeFetch, streamUploads: true, manualRedirects: true };
}
