import type { Plugin } from 'vite';
import type { WxnetPluginOptions } from './options.js';
export type { WxnetPluginOptions } from './options.js';
/** The wxnet build plugin for Vite: `plugins: [wxnet({ domains: 'domains.json' })]`. */
declare const wxnet: (options?: WxnetPluginOptions) => Plugin | Plugin[];
export default wxnet;
export { wxnet };
