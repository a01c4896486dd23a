import type { Plugin } from 'esbuild';
import type { WxnetPluginOptions } from './options.js';
export type { WxnetPluginOptions } from './options.js';
/** The wxnet build plugin for esbuild: `plugins: [wxnet({ domains: 'domains.json' })]`. */
declare const wxnet: (options?: WxnetPluginOptions) => Plugin;
export default wxnet;
export { wxnet };
