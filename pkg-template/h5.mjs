// `wxnet/h5`: Taro H5 and uni-app H5 with the phone's network rules (RULES.md §14).
// installWx replaces their request, uploadFile, downloadFile and connectSocket by
// createWx's, through the dev proxy (`wxnet/proxy`). In a browser, `await init()`
// from 'wxnet' first (the wasm must be loaded).
export { installWx } from './h5/install.mjs';
