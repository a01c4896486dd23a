// `wxnet/tools`: the tools module (load it once with `await init()` in browsers).
export { WxnetError } from './core/errors.js';
export * from './core/tools.js';
/** Loads wxnet_tools_bg.wasm (browsers); resolves at once in Node. */
export function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
