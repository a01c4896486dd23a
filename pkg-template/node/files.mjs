// File reads for the CLI (the rest of cli/ stays free of node:*).
import { readFileSync } from 'node:fs';

/** A file's text as UTF-8; throws Node's error (its `code` says why, e.g. ENOENT). */
export function readTextFile(path) {
  return readFileSync(path, 'utf8');
}

/** The version in this package's package.json. */
export function packageVersion() {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}
