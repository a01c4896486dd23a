// The wx shim's only door to the rules (RULES.md §1–§9). Every verdict, timeout, limit,
// errMsg and decoded body the shim hands to a callback comes from the Rust core
// through rules.mjs and body.mjs; nothing here decides a rule by itself.
import { checkUrl, errMsgFor, networkLimits, requestDefaults, resolveTimeout } from '../core/rules.mjs';

export { decodeBody } from '../core/body.mjs';
export { networkLimits, requestDefaults };

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
      const key = `${api} ${url}`;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = checkUrl(api, url, checks);
        if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
        verdicts.set(key, verdict);
      }
      return verdict;
    },
    timeout(api, callTimeout) {
      if (callTimeout !== undefined && typeof callTimeout !== 'number') return timeoutOf(api, callTimeout, app);
      const key = `${api} ${callTimeout}`;
      let timeout = timeouts.get(key);
      if (timeout === undefined) {
        timeout = timeoutOf(api, callTimeout, app);
        if (timeouts.size >= CACHE_LIMIT) timeouts.clear();
        timeouts.set(key, timeout);
      }
      return timeout;
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
  const result = errMsgFor(api, reason, detail);
  return result.errno === undefined ? { errMsg: result.errMsg } : { errMsg: result.errMsg, errno: result.errno };
}

const okMessages = new Map();
/** `${api}:ok`, from the same catalogue (looked up once per API). */
export function okMessage(api) {
  let message = okMessages.get(api);
  if (message === undefined) {
    message = errMsgFor(api, 'ok').errMsg;
    okMessages.set(api, message);
  }
  return message;
}
