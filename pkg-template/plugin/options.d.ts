// The options of the build plugin (wxnet/vite, wxnet/webpack, wxnet/rollup, wxnet/esbuild, wxnet/rspack).
import type { ProjectDiagnostic } from '../tools.js';
import type { ProxyOptions } from '../proxy.js';

export type RuleSetting = 'off' | 'warn' | 'error';
export type NetworkApi = 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket';

export interface WxnetPluginOptions {
  /** The project folder (default: the bundler's root, else the working directory). */
  root?: string;
  /** The server domain list: the object, or the path of its JSON file (default: wxnet.config.json's `domains`). */
  domains?: Record<string, unknown> | string;
  /** The path of a wxnet.config.json (default: the one at the project root). */
  config?: string;
  /** The phone's address, `ip/prefix`, for the LAN exception. */
  lan?: string;
  /** Modules checked (globs or RegExps; default: .js .mjs .cjs .jsx .ts .tsx .vue). */
  include?: string | RegExp | Array<string | RegExp>;
  /** Modules not checked (default: node_modules/). */
  exclude?: string | RegExp | Array<string | RegExp>;
  /** Severities over wxnet.config.json's, by code (the codes of `wxnet lint`). */
  rules?: Record<string, RuleSetting>;
  /** What fails a production build for the mini program (default 'error'); dev builds and H5 never fail. */
  failOn?: 'error' | 'warning' | 'never';
  /** The project's own wrappers: `['http.get']` (each calls request) or `{ 'http.upload': 'uploadFile' }`. */
  extraCallees?: string[] | Record<string, NetworkApi>;
  /** The platform built (default: TARO_ENV, else UNI_PLATFORM, else 'weapp'); 'h5' is checked but never fails. */
  platform?: string;
  /** In H5 dev builds, install wxnet/h5 in front of the app entry (Taro or uni-app). */
  h5?: boolean | { framework?: 'taro' | 'uni'; entry?: string | RegExp; options?: Record<string, unknown> };
  /**
   * Vite dev server: mount the dev proxy (`wxnet/proxy`) at `/__wxnet`, with this
   * plugin's `domains` and `lan` unless given here (appid, version, upstreams, log, …).
   */
  proxy?: boolean | ProxyOptions;
  /** Called after each module is checked: its findings, and whether they came from the cache. */
  onLint?: (result: { file: string; cached: boolean; diagnostics: ProjectDiagnostic[] }) => void;
}
