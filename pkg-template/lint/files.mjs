// Which files of a project folder the linter reads. The core decides what each file
// is (project configs, app.json, the code under the mini program root) and applies
// .gitignore and `ignore`; this only keeps readers from loading what the core never
// looks at (images, node_modules/, .git/).

import { SOURCE_EXTENSIONS } from '../core/wx.generated.mjs';

/** Extensions the core reads: configs (.json) and the code it scans (the core's list). */
const READ_EXTENSIONS = ['.json', ...SOURCE_EXTENSIONS];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Whether a folder (its name) is walked at all. */
export const isWalkedFolder = (name) => !SKIPPED_FOLDERS.has(name);

/** Whether the file at `path` (relative, `/`) is read. */
export function isReadFile(path) {
  if (path.split('/').some((segment) => SKIPPED_FOLDERS.has(segment))) return false;
  return path === '.gitignore' || READ_EXTENSIONS.some((extension) => path.endsWith(extension));
}

/** Bytes as text the way the core wants it: UTF-8, invalid sequences replaced (U+FFFD). */
export function decodeText(bytes) {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

/**
 * Whether the file at `path` is one the build plugin reads at build start: what
 * decides the layout and the settings (JSON files, `.gitignore`, Taro's
 * `app.config.js`/`.ts`). The code comes in through the bundler, module by module.
 */
export function isConfigFile(path) {
  return isReadFile(path) && (path === '.gitignore' || path.endsWith('.json') || /(^|\/)app\.config\.[jt]s$/.test(path));
}
