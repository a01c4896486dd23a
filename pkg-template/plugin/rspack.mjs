// `wxnet/rspack`: the build plugin for rspack (plugin/unplugin.mjs).
import { unplugin } from './unplugin.mjs';

const wxnet = unplugin.rspack;
export default wxnet;
export { wxnet };
