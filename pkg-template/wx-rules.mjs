// The wx shim's only door to the rules (RULES.md §1–§9). Every verdict, timeout,
// errMsg and decoded body the shim hands to a callback comes from the Rust core
// through the functions below; nothing here decides a rule by itself.
//
// The rules are reached through the package's public API namespace (a circular
// import that is safe because it is only read at call time), so the shim picks up
// checkUrl/resolveTimeout/errMsgFor (rules.mjs) and decodeBody (body.mjs) from the
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
      if (callTimeout !== undefined && typeof callTimeout !== 'number') return resolveTimeout(api, callTimeout, app).timeout;
      const key = `${api} ${callTimeout}`;
      let timeout = timeouts.get(key);
      if (timeout === undefined) {
        timeout = resolveTimeout(api, callTimeout, app).timeout;
        if (timeouts.size >= CACHE_LIMIT) timeouts.clear();
        timeouts.set(key, timeout);
      }
      return timeout;
    },
  };
}

/** `decodeBody(bytes, { contentType, dataType, responseType })` from the core (RULES.md §8). */
export function decodeBody(bytes, settings) {
  return coreFunction('decodeBody', 'response body decoder')(bytes, settings);
}

/**
 * The callback result of a failed call, `{ errMsg, errno? }`, from the core's errMsg
 * catalogue: `reason` is a catalogue key or the platform's phrase (`timeout`, `abort`,
 * `interrupted`, `exceed max task count`, `parameter error`, `network`, ...), `detail`
 * what that reason takes (the transport's text, a `{ parameter, expected, value }`).
 */
export function failure(api, reason, detail) {
  const result = coreFunction('errMsgFor', 'errMsg catalogue')(api, reason, detail);
  return result.errno === undefined ? { errMsg: result.errMsg } : { errMsg: result.errMsg, errno: result.errno };
}

const okMessages = new Map();
/** `${api}:ok`, from the same catalogue (looked up once per API). */
export function okMessage(api) {
  let message = okMessages.get(api);
  if (message === undefined) {
    message = coreFunction('errMsgFor', 'errMsg catalogue')(api, 'ok').errMsg;
    okMessages.set(api, message);
  }
  return message;
}
