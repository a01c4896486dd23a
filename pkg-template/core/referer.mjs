// Referer (RULES.md §5): parsing, building and verifying live in the Rust core;
// this file adds the server middleware.
import * as core from '../wxnet.js';
import { WxnetError, fromCore } from './errors.mjs';

export const parseReferer = fromCore(core.parseReferer);
export const buildReferer = fromCore(core.buildReferer);
export const verifyReferer = fromCore(core.verifyReferer);

/**
 * Middleware that lets through only requests whose Referer a mini program client
 * would send (optionally: only some AppIDs and envs). Works as
 * `(req, res, next)` for Node's http and Express, and as `(ctx, next)` for Koa.
 * Rejections get 403 and a JSON body `{ error: 'forbidden', reason, message }`.
 * On success the parsed Referer is put on `req.wxReferer` (Koa: `ctx.state.wxReferer`).
 */
export function refererGuard(options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new WxnetError('referer/options', `refererGuard(options): options must be an object like { appids: ["wx…"] }, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`);
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
