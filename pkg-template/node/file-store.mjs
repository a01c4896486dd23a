// The Node file store of createWx: store paths mapped to files in a real directory
// (the browser default is the in-memory store of wx/file-store.mjs).
import { lstatSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { WxnetError } from '../core/errors.mjs';
import { parseStorePath } from '../core/store-path.mjs';
import { temporaryPath, toBytes } from '../wx/file-store.mjs';

// Temporary directories made by stores, removed when the process exits (one listener for all).
const temporaryRoots = new Set();
let exitListener = false;
function removeTemporaryRoots() {
  for (const root of temporaryRoots) rmSync(root, { recursive: true, force: true });
  temporaryRoots.clear();
}

/**
 * A file store backed by a directory (default: a new one under the OS temp dir,
 * removed when the process exits or on `dispose()`). Only the store's own paths
 * (`wxfile://tmp_…`, `wxfile://usr/…`, as the core's parseStorePath accepts them)
 * map to files, and only inside the directory: a symbolic link that leads out of it
 * is refused too. `resolve(path)` gives the file-system path of a store path.
 */
export function createNodeFileStore({ directory } = {}) {
  if (directory !== undefined && (typeof directory !== 'string' || directory === '')) {
    throw new WxnetError('wx/options', 'createNodeFileStore: directory must be a non-empty string');
  }
  let root = directory;
  let realRoot;
  const base = () => {
    if (root === undefined) {
      root = mkdtempSync(join(tmpdir(), 'wxnet-'));
      if (!exitListener) process.once('exit', removeTemporaryRoots);
      exitListener = true;
      temporaryRoots.add(root);
    }
    return root;
  };
  const insideRoot = (real) => {
    realRoot ??= realpathSync(base());
    return real === realRoot || real.startsWith(realRoot + sep);
  };
  const leaves = (path) => new WxnetError('wx/file-path', `path leaves the file store: ${path}`);
  function resolve(path) {
    let relative;
    try {
      ({ relative } = parseStorePath(path));
    } catch (error) {
      throw new WxnetError('wx/file-path', error.message);
    }
    return join(base(), ...relative.split('/'));
  }
  /** The file to read: it must exist and its real path (links followed) must stay inside. */
  function readable(path) {
    const target = resolve(path);
    let real;
    try {
      real = realpathSync(target);
    } catch {
      throw new WxnetError('wx/file-not-found', `no such file in the wx file store: ${path}`);
    }
    if (!insideRoot(real)) throw leaves(path);
    return real;
  }
  /** The file to write: its folder's real path stays inside, and the file is no link. */
  function writable(path) {
    const target = resolve(path);
    mkdirSync(dirname(target), { recursive: true });
    if (!insideRoot(realpathSync(dirname(target)))) throw leaves(path);
    let existing;
    try { existing = lstatSync(target); } catch { /* a new file */ }
    if (existing?.isSymbolicLink()) throw leaves(path);
    return target;
  }
  return {
    kind: 'directory',
    get directory() { return base(); },
    resolve,
    async save(bytes, { filePath, extension } = {}) {
      const path = filePath ?? temporaryPath(extension);
      await writeFile(writable(path), toBytes(bytes));
      return path;
    },
    async read(path) {
      return new Uint8Array(await readFile(readable(path)));
    },
    saveSync(bytes, { filePath, extension } = {}) {
      const path = filePath ?? temporaryPath(extension);
      writeFileSync(writable(path), toBytes(bytes));
      return path;
    },
    readSync: (path) => new Uint8Array(readFileSync(readable(path))),
    /** Removes the directory if this store made it (a given `directory` is left alone). */
    dispose() {
      if (root === undefined || !temporaryRoots.has(root)) return;
      rmSync(root, { recursive: true, force: true });
      temporaryRoots.delete(root);
      root = undefined;
      realRoot = undefined;
    },
  };
}
