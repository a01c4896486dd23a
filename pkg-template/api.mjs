// The public API shared by every entry (node, browser, inline).
export { WxnetError } from './core/errors.mjs';
export * from './core/body.mjs';
export * from './core/referer.mjs';
export * from './core/rules.mjs';
export * from './server/referer-guard.mjs';
export * from './wx/index.mjs';
