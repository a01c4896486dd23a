// Node entry: the wasm is loaded synchronously on import (node/load-wasm.mjs), so the
// API works right after import, and through require() (no top-level await).
import './node/load-wasm.mjs';
import { createWx as createSharedWx } from './wx/index.mjs';
import { nodeDefaults } from './node/defaults.mjs';
import { autoLan } from './node/lan.mjs';

export * from './api.mjs';
export { createNodeFileStore } from './node/file-store.mjs';
export { nodeFetch } from './node/fetch.mjs';
export { startMdnsResponder } from './node/mdns.mjs';
// createWx with Node's defaults (node/defaults.mjs: temp-dir file store, `ws`, the
// node:http(s) transport, streamed uploads, redirects checked per hop); shadows the one from api.mjs.
// `lan: 'auto'`: this machine's first private IPv4 interface stands for the phone's (RULES.md §2).
export function createWx(options = {}) {
  if (options?.lan === 'auto') options = { ...options, lan: autoLan() };
  return createSharedWx(options, nodeDefaults());
}
/** Already initialised in Node; exported so that code looks the same everywhere. */
export function init() {
  return Promise.resolve();
}
