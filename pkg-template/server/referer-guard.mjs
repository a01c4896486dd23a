// refererGuard: the server side of the Referer rule (RULES.md §5) as middleware for
// Node's http, Express and Koa. The verdict is the core's verifyReferer.
import { WxnetError } from '../core/errors.mjs';
import { verifyReferer } from '../core/referer.mjs';
import { describeType } from '../core/type-name.mjs';

/**
 * Middleware that lets through only requests whose Referer a mini program client
 * would send (optionally: only some AppIDs and envs). Works as
 * `(req, res, next)` for Node's http and Express, and as `(ctx, next)` for Koa.
 * Rejections get 403 and a JSON body `{ error: 'forbidden', reason, message }`.
 * On success the parsed Referer is put on `req.wxReferer` (Koa: `ctx.state.wxReferer`).
 */
export function refererGuard(options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new WxnetError('referer/options', `refererGuard(options): options must be an object like { appids: ["wx…"] }, got ${describeType(options)}`);
  }
  const settings = { appids: options.appids, allow: options.allow };
  verifyReferer(undefined, settings); // throws a WxnetError now for bad options, not per request
  return function wxnetRefererGuard(reqOrCtx, resOrNext, next) {
    const isKoa = typeof resOrNext === 'function' && reqOrCtx?.req && reqOrCtx?.res;
    const req = isKoa ? reqOrCtx.req : reqOrCtx;
    const verdict = verifyReferer(req.headers?.referer, settings);
    if (verdict.ok) {
      if (isKoa) {
        reqOrCtx.state ??= {};
        reqOrCtx.state.wxReferer = verdict.referer;
        return resOrNext();
      }
      req.wxReferer = verdict.referer;
      return next?.();
    }
    const body = { error: 'forbidden', reason: verdict.reason, message: verdict.message };
    if (isKoa) {
      reqOrCtx.status = 403;
      reqOrCtx.body = body;
      return undefined;
    }
    const res = resOrNext;
    res.statusCode = 403;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
    return undefined;
  };
}
