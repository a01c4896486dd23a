// The checks the wx shim runs on each call, decided by the core (RULES.md §7, §9), and
// the values it assumes when a call gives none (generated from the core's tables).
import * as core from '../wxnet.js';
import { fromCore } from './errors.mjs';

export { BROWSER_ONLY_HEADERS, DROPPED_HEADERS, STORE_PATH_PREFIXES, WX_DEFAULTS, WX_PARAMETERS } from './wx.generated.mjs';

/**
 * `{ errMsg, errno }` of the first option field of `call` (one of the four APIs or
 * `sendSocketMessage`) whose type is wrong, else undefined: `parameter error:
 * parameter.url should be String instead of Undefined;`. The core's own check: the
 * shim applies the generated WX_PARAMETERS table (wx/parameters.mjs), and the tests
 * hold the two equal.
 */
export const wxParameterError = fromCore(core.wxParameterError);

/** The method wx.request sends (GET when none, upper-cased), or undefined when the client refuses it. */
export const requestMethod = fromCore(core.requestMethod);

const checkSocketCloseRaw = fromCore(core.checkSocketClose);
/** close()'s code (1000 when none), or the `{ errMsg, errno }` of its parameter error (code or reason). */
export function checkSocketClose(api, code, reason) {
  return checkSocketCloseRaw(api, code, `${code}`, String(reason ?? ''));
}
