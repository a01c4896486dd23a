// Types of `wxnet/h5`: Taro H5 and uni-app H5 with the phone's network rules (RULES.md §14).
import type { CreateWxOptions, WxNetwork, WxRuntime } from './wx/index.js';

export interface InstallWxOptions extends CreateWxOptions {
  /** The dev proxy. Default `'/__wxnet'` (its default path on the page's origin). */
  proxy?: string;
  /** How the framework returns results; found from the object when not given. */
  style?: 'taro' | 'uni';
}

export interface InstalledWx {
  wx: WxNetwork;
  runtime: WxRuntime;
  /** Puts the framework's own functions back. */
  uninstall(): void;
}

/**
 * Replaces `target.request`, `uploadFile`, `downloadFile` and `connectSocket` (Taro or
 * uni) by createWx's, keeping the framework's calling convention. In a browser,
 * `await init()` from 'wxnet' first. Throws WxnetError `h5/target` for anything else.
 */
export function installWx(target: object, options?: InstallWxOptions): InstalledWx;
