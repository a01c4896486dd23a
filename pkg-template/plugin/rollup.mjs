// `wxnet/rollup`: the build plugin for rollup (plugin/unplugin.mjs).
import { unplugin } from './unplugin.mjs';

const wxnet = unplugin.rollup;
export default wxnet;
export { wxnet };
