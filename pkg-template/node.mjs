// Node entry: reads the .wasm next to this file and instantiates it synchronously,
// so the API works right after import, and through require() (no top-level await).
import { readFileSync } from 'node:fs';
import { initSync } from './wxnet.js';
import { markReady } from './core/ready.mjs';

initSync({ module: readFileSync(new URL('./wxnet_bg.wasm', import.meta.url)) });
markReady();

export * from './api.mjs';
// createWx with Node's defaults (wx-node.mjs: temp-dir file store, `ws`, the node:http(s)
// transport, streamed uploads, redirects checked per hop); shadows the one from api.mjs.
import { createWx as createSharedWx } from './wx/index.mjs';
import { nodeDefaults } from './node/file-store.mjs';
export { createNodeFileStore } from './node/file-store.mjs';
export { nodeFetch } from './node/fetch.mjs';
export function createWx(options = {}) {
  return createSharedWx(options, nodeDefaults());
}
/** Already initialised in Node; exported so that code looks the same everywhere. */
export function init() {
  return Promise.resolve();
}
