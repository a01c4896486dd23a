// `wxnet/proxy` (Node only): the dev proxy that makes a browser preview's wx calls
// behave like the phone's (RULES.md §14), with helpers that mount it in Vite and
// webpack-dev-server, and the standalone server of `wxnet proxy`.
import './node/load-wasm.mjs';
import { loadToolsModule } from './node/load-tools-wasm.mjs';

// The resolved-address check is the tools module's (compiled lazily, on the first call).
loadToolsModule();

export { createProxy } from './node/proxy.mjs';
export { startProxyServer } from './node/proxy-server.mjs';
export { attachToViteServer, webpackDevServerSetup } from './proxy/mount.mjs';
export { logLine } from './proxy/calls.mjs';
