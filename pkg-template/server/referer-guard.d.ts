import type { VerifyRefererOptions } from '../core/referer.js';

/**
 * Middleware: 403 with `{ error: 'forbidden', reason, message }` unless the Referer
 * verifies. `(req, res, next)` for Node's http and Express; `(ctx, next)` for Koa.
 * The parsed Referer is put on `req.wxReferer` (Koa: `ctx.state.wxReferer`).
 * @throws WxnetError at creation for bad options.
 */
export function refererGuard(options?: VerifyRefererOptions): {
  (req: { headers: Record<string, string | string[] | undefined> }, res: unknown, next?: () => unknown): unknown;
  (ctx: { req: unknown; res: unknown }, next: () => Promise<unknown>): unknown;
};
