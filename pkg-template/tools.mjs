// `wxnet/tools` for browsers and bundlers: the tools module (linters over file text,
// next the project linter and the HTTPS doctor), kept out of the runtime module so
// that a previewer page never downloads it. `await init()` loads wxnet_tools_bg.wasm.
import initWasm from './wxnet_tools.js';
import { toolsModule } from './core/ready.mjs';

export { WxnetError } from './core/errors.mjs';
export * from './core/tools.mjs';
/** Loads the tools module; `input` may be a URL, a Response, bytes or a WebAssembly.Module. */
export const init = toolsModule.once((input) =>
  initWasm({ module_or_path: input ?? new URL('wxnet_tools_bg.wasm', import.meta.url) }));
