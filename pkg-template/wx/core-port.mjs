// The wx shim's only door to core/ and so to the rules (RULES.md §1–§9). Every verdict,
// timeout, limit, errMsg, store path and decoded body the shim hands to a callback comes
// from the Rust core through here; nothing here decides a rule by itself.
import { remember } from '../core/memo.mjs';
import { checkUrl, errMsgFor, networkLimits, resolveTimeout } from '../core/rules.mjs';

export { closestName } from '../core/did-you-mean.mjs';
export { WxnetError } from '../core/errors.mjs';
export { describeValue } from '../core/type-name.mjs';

export { decodeBody } from '../core/body.mjs';
export { buildReferer } from '../core/referer.mjs';
export { DomainPolicy, lintDomains } from '../core/rules.mjs';
export { parseStorePath } from '../core/store-path.mjs';
export {
  DROPPED_HEADERS, STORE_PATH_PREFIXES, WX_DEFAULTS, checkSocketClose, requestMethod, wxParameterError,
} from '../core/wx-checks.mjs';
// createWx checks its options with these once; calls go through rulesFor().
export { checkUrl, networkLimits, resolveTimeout };

const CACHE_LIMIT = 1024;
/**
 * The rules for one createWx(): checkUrl and resolveTimeout are pure functions of
 * their arguments and the (fixed) options, so their answers are remembered per URL
 * and per timeout value; a previewer calls the same few endpoints over and over.
 * Like the core's own domain cache, options are read once, at createWx().
 */
export function rulesFor(checks, app) {
  const verdicts = new Map();
  const timeouts = new Map();
  return {
    checkUrl(api, url) {
      if (typeof url !== 'string') return checkUrl(api, url, checks);
      return remember(verdicts, `${api} ${url}`, () => checkUrl(api, url, checks), CACHE_LIMIT);
    },
    timeout(api, callTimeout) {
      if (callTimeout !== undefined && typeof callTimeout !== 'number') return timeoutOf(api, callTimeout, app);
      return remember(timeouts, `${api} ${callTimeout}`, () => timeoutOf(api, callTimeout, app), CACHE_LIMIT);
    },
  };
}

/** The timeout in ms for one call: per call > app.json/game.json > 60000, clamped (RULES.md §4). */
function timeoutOf(api, callTimeout, app) {
  return resolveTimeout(api, callTimeout, app ?? undefined, { clamp: true }).timeout;
}

/**
 * The callback result of a failed call, `{ errMsg, errno? }`, from the core's errMsg
 * catalogue: `reason` is a catalogue key or the platform's phrase (`timeout`, `abort`,
 * `interrupted`, `exceed max task count`, `parameter error`, `network`, ...), `detail`
 * what that reason takes (the transport's text, a `{ parameter, expected, value }`).
 */
export function failure(api, reason, detail) {
  return callbackResult(errMsgFor(api, reason, detail));
}

/** `{ errMsg, errno? }` of a failed verdict or catalogue entry, without its other fields. */
export function callbackResult({ errMsg, errno }) {
  return errno === undefined ? { errMsg } : { errMsg, errno };
}

const okMessages = new Map();
/** `${api}:ok`, from the same catalogue (looked up once per API). */
export function okMessage(api) {
  return remember(okMessages, api, () => errMsgFor(api, 'ok').errMsg);
}
