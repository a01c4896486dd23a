// `wxnet/vite`: the build plugin for vite (plugin/unplugin.mjs).
import { unplugin } from './unplugin.mjs';

const wxnet = unplugin.vite;
export default wxnet;
export { wxnet };
