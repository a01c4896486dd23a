import type { WebpackPluginInstance } from 'webpack';
import type { WxnetPluginOptions } from './options.js';
export type { WxnetPluginOptions } from './options.js';
/** The wxnet build plugin for webpack 5: `plugins: [wxnet({ domains: 'domains.json' })]`. */
declare const wxnet: (options?: WxnetPluginOptions) => WebpackPluginInstance;
export default wxnet;
export { wxnet };
