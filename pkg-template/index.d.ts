// Types of the wxnet npm package. One file per area, re-exported here.
export * from './core/errors.js';
export * from './core/body.js';
export * from './core/referer.js';
export * from './core/rules.js';
export * from './server/referer-guard.js';
export * from './wx/index.js';
export * from './node/index.js';

/**
 * Loads the WebAssembly module. In Node it is already loaded and this resolves at
 * once; in browsers call it (once) before anything else. `input` overrides where
 * the .wasm comes from: a URL, a `Response`, bytes or a compiled module.
 */
export function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
