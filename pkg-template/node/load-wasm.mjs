// Node loads the .wasm from the package folder and instantiates it synchronously on
// import, so the API works right after import and through require() (no top-level await).
import { readFileSync } from 'node:fs';
import { initSync } from '../wxnet.js';
import { markReady } from '../core/ready.mjs';

initSync({ module: readFileSync(new URL('../wxnet_bg.wasm', import.meta.url)) });
markReady();
