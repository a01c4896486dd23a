// Entry for bundlers without asset handling (Rollup, esbuild): the .wasm travels
// inside the JS as base64. Still asynchronous: browsers refuse to compile large
// modules synchronously on the main thread.
import initWasm from './wxnet.js';
import wasmBase64 from './wasm-base64.mjs';
import { once } from './core/ready.mjs';

export * from './api.mjs';
export const init = once(() => initWasm({ module_or_path: decodeBase64(wasmBase64) }));

function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
