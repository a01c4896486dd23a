// `wxnet/esbuild`: the build plugin for esbuild (plugin/unplugin.mjs).
import { unplugin } from './unplugin.mjs';

const wxnet = unplugin.esbuild;
export default wxnet;
export { wxnet };
