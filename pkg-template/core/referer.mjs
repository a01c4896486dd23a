// Referer (RULES.md §5): parsing, building and verifying live in the Rust core.
// The server middleware built on them is server/referer-guard.mjs.
import * as core from '../wxnet.js';
import { fromCore } from './errors.mjs';

export const parseReferer = fromCore(core.parseReferer);
export const buildReferer = fromCore(core.buildReferer);
export const verifyReferer = fromCore(core.verifyReferer);
