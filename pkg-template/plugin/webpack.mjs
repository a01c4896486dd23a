// `wxnet/webpack`: the build plugin for webpack (plugin/unplugin.mjs).
import { unplugin } from './unplugin.mjs';

const wxnet = unplugin.webpack;
export default wxnet;
export { wxnet };
