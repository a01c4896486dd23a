// Reads a project folder for lintProject: every file the linter may need (lint/files.mjs),
// as path (relative, `/`) -> text. Files that cannot be read are listed, not thrown:
// the CLI still lints the rest and exits 2.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, isReadFile, isWalkedFolder } from '../lint/files.mjs';

/**
 * `{ files: Map<path, text>, unreadable: [{ file, message }] }`; throws when `dir` is
 * not a folder. `isRead(path)` picks the files (the build plugin reads only configs).
 */
export function readProjectFiles(dir, isRead = isReadFile) {
  if (!statSync(dir).isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
  const files = new Map();
  const unreadable = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop();
    let entries;
    try {
      entries = readdirSync(join(dir, folder), { withFileTypes: true });
    } catch (error) {
      unreadable.push({ file: folder || '.', message: error.code ?? error.message });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (isWalkedFolder(entry.name)) pending.push(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isRead(path)) {
        try {
          files.set(path, decodeText(readFileSync(join(dir, path))));
        } catch (error) {
          if (error.code !== 'EISDIR') unreadable.push({ file: path, message: error.code ?? error.message });
        }
      }
    }
  }
  return { files, unreadable };
}
