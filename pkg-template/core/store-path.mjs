// The file store's path scheme (RULES.md §9) is the core's: which `wxfile://` paths
// exist for a mini program, and in which area.
import * as core from '../wxnet.js';
import { fromCore } from './errors.mjs';

/**
 * `{ area: 'temporary' | 'saved' | 'user-data', relative }` for a path of the file
 * store (`wxfile://tmp_…`, `wxfile://usr/…`, …); throws WxnetError `file/path` for
 * anything else: absolute paths, `..`, encoded separators (the core decides).
 */
export const parseStorePath = fromCore(core.parseStorePath);
