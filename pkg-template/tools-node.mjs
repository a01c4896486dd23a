// `wxnet/tools` in Node: the tools module is loaded synchronously on import
// (node/load-tools-wasm.mjs), so its API works at once, and through require().
import './node/load-tools-wasm.mjs';

export { WxnetError } from './core/errors.mjs';
export * from './core/tools.mjs';
/** Already initialised in Node; exported so that code looks the same everywhere. */
export function init() {
  return Promise.resolve();
}
