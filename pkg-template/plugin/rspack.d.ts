import type { RspackPluginInstance } from '@rspack/core';
import type { WxnetPluginOptions } from './options.js';
export type { WxnetPluginOptions } from './options.js';
/** The wxnet build plugin for Rspack: `plugins: [wxnet({ domains: 'domains.json' })]`. */
declare const wxnet: (options?: WxnetPluginOptions) => RspackPluginInstance;
export default wxnet;
export { wxnet };
