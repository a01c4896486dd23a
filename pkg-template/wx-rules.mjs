// The wx shim's only door to the rules (RULES.md §1–§9). Every verdict, timeout,
// errMsg and decoded body the shim hands to a callback comes from the Rust core
// through the functions below; nothing here decides a rule by itself.
//
// The rules are reached through the package's public API namespace (a circular
// import that is safe because it is only read at call time), so the shim picks up
// checkUrl/resolveTimeout/errMsgFor (issue 3) and decodeBody (issue 4) from the
// same build, and a build without them fails loudly instead of guessing.
import * as wxnet from './api.mjs';
import { WxnetError } from './errors.mjs';

function coreFunction(name, issue) {
  const fn = wxnet[name];
  if (typeof fn !== 'function') {
    throw new WxnetError('wx/core-missing',
      `this wxnet build has no ${name}() (the ${issue}); the wx shim needs it: rebuild the package`);
  }
  return fn;
}

/** `checkUrl(api, url, { domains, urlCheck, lan, wssPortCheck })` from the core. */
export function checkUrl(api, url, settings) {
  return coreFunction('checkUrl', 'rules engine')(api, url, settings);
}

/** The timeout in ms for one call: per call > app.json/game.json > 60000, clamped (RULES.md §4). */
export function resolveTimeout(api, callTimeout, app) {
  return coreFunction('resolveTimeout', 'rules engine')(api, callTimeout, app ?? undefined, { clamp: true });
}

/** `decodeBody(bytes, { contentType, dataType, responseType })` from the core (RULES.md §8). */
export function decodeBody(bytes, settings) {
  return coreFunction('decodeBody', 'response body decoder')(bytes, settings);
}

/**
 * The callback result of a failed call: `{ errMsg, errno? }`.
 * `reason` is the catalogue key (`timeout`, `abort`, `interrupted`,
 * `exceed max task count`, `method is invalid`, `parameter error`, ...),
 * `detail` the text that follows it. This is the one place the shim builds an errMsg.
 */
export function failure(api, reason, detail) {
  const fn = wxnet.errMsgFor;
  if (typeof fn === 'function') {
    const result = fn(api, reason, detail);
    return result.errno === undefined ? { errMsg: result.errMsg } : { errMsg: result.errMsg, errno: result.errno };
  }
  return temporaryCatalogue(api, reason, detail);
}

// Used only while the build has no errMsgFor (issue 3 not merged yet); see docs/wx.md.
const TEMPORARY_ERRNO = { interrupted: 600003, 'exceed max task count': 600007, 'parameter error': 1001 };
function temporaryCatalogue(api, reason, detail) {
  const hasDetail = detail !== undefined && detail !== '';
  const text = reason === 'network' ? detail : hasDetail ? `${reason}: ${detail}` : reason;
  const result = { errMsg: `${api}:fail ${text}` };
  if (TEMPORARY_ERRNO[reason] !== undefined) result.errno = TEMPORARY_ERRNO[reason];
  return result;
}

/** `${api}:ok`. */
export function okMessage(api) {
  return `${api}:ok`;
}
