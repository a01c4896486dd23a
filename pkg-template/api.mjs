// The public API shared by every entry (node, browser, inline).
export { WxnetError } from './errors.mjs';
export * from './body.mjs';
export * from './referer.mjs';
export * from './rules.mjs';
export * from './wx.mjs';
