// Browser and bundler entry: `await init()` fetches and instantiates wxnet_bg.wasm.
// The default URL is written as `new URL(..., import.meta.url)` so that Vite and
// webpack find the file and emit it as an asset.
import initWasm from './wxnet.js';
import { once } from './core/ready.mjs';

export * from './api.mjs';
/** Loads the wasm module; `input` may be a URL, a Response, bytes or a WebAssembly.Module. */
export const init = once((input) =>
  initWasm({ module_or_path: input ?? new URL('wxnet_bg.wasm', import.meta.url) }));
