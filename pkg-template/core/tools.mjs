// The JS half of the tools module's boundary (wxnet_tools_bg.wasm, loaded by the
// `wxnet/tools` entries only): thin wrappers that check init and rethrow WxnetError.
import * as tools from '../wxnet_tools.js';
import { fromCore } from './errors.mjs';
import { toolsModule } from './ready.mjs';
import { lintProjectWith } from '../lint/project.mjs';

const lintDomainsFileRaw = fromCore(tools.lintDomainsFile, toolsModule);

/**
 * Lints the text of a server-domain JSON file (RULES.md §1): lintDomains' findings,
 * each with the line and column (1-based, UTF-16) of the key or item it is about.
 */
export function lintDomainsFile(text, options = {}) {
  return lintDomainsFileRaw(text, options?.rules);
}

const lintProjectFilesRaw = fromCore(tools.lintProjectFiles, toolsModule);

/**
 * Lints a mini program project (RULES.md §12, §13): `files` maps paths relative to
 * the project folder to their text; returns `{ diagnostics, summary }`.
 */
export function lintProject(files, options = {}) {
  return lintProjectWith(lintProjectFilesRaw, files, options);
}

export { formatJson, formatSarif, formatText } from '../lint/format.mjs';
export { isReadFile, isWalkedFolder, decodeText } from '../lint/files.mjs';
