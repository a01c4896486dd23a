// The build plugin's types (pkg/plugin/*.d.ts): each entry takes the options and
// returns its bundler's plugin type; a wrong option is a type error.
import wxnetVite, { type WxnetPluginOptions } from 'wxnet/vite';
import wxnetWebpack from 'wxnet/webpack';
import wxnetRollup from 'wxnet/rollup';
import wxnetEsbuild from 'wxnet/esbuild';
import wxnetRspack from 'wxnet/rspack';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { WebpackPluginInstance } from 'webpack';

const options: WxnetPluginOptions = {
  domains: 'domains.json',
  failOn: 'error',
  extraCallees: { 'http.upload': 'uploadFile' },
  rules: { 'wxnet/url-not-listed': 'warn' },
  h5: { framework: 'taro', options: { proxy: '/__wxnet' } },
  onLint: ({ file, cached, diagnostics }) => console.log(file, cached, diagnostics[0]?.line),
};
export const vite = wxnetVite(options);
export const webpack: WebpackPluginInstance = wxnetWebpack({ extraCallees: ['http.get'] });
export const esbuild: EsbuildPlugin = wxnetEsbuild();
export const others = [wxnetRollup(), wxnetRspack()];
// @ts-expect-error failOn is 'error', 'warning' or 'never'
wxnetVite({ failOn: 'always' });
// @ts-expect-error an extraCallees API is one of the four
wxnetVite({ extraCallees: { 'http.get': 'fetch' } });
