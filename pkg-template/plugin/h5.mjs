// `h5: true`: in an H5 dev build of Taro or uni-app, the app entry first imports a
// small module that calls wxnet/h5's installWx(Taro | uni, options), so that the
// browser preview's request, uploadFile, downloadFile and connectSocket follow the
// phone's rules. Before every other import of the entry, so that no module of the
// app captures the framework's own functions first.
import { WxnetError } from '../core/errors.mjs';
import { typeName } from '../core/type-name.mjs';

export const H5_MODULE = 'virtual:wxnet-h5-install';
const H5_PLATFORMS = ['h5', 'web'];
/** Taro's `src/app.ts`, uni-app's `src/main.ts` (or `main.js` at the root, HBuilderX). */
const ENTRY = /^(?:src\/)?(?:app|main)\.[cm]?[jt]sx?$/;
const FRAMEWORKS = ['taro', 'uni'];

function settingsOf(h5) {
  if (h5 === undefined || h5 === false) return undefined;
  if (h5 === true) return {};
  if (h5 && typeof h5 === 'object' && !Array.isArray(h5)) return h5;
  throw new WxnetError('arg/type', `wxnet plugin: h5 must be true or { framework, entry, options }, got ${typeName(h5)}`);
}

/** The hooks of `h5` ({ resolveId, load, inject }); none when it is off. */
export function h5Hooks(h5, { platform, isDev }) {
  const settings = settingsOf(h5);
  const off = { active: false, resolveId: undefined, load: undefined, inject: () => undefined };
  if (!settings || !H5_PLATFORMS.includes(platform)) return off;
  const framework = settings.framework ?? (process.env.TARO_ENV ? 'taro' : process.env.UNI_PLATFORM ? 'uni' : undefined);
  if (!FRAMEWORKS.includes(framework)) {
    throw new WxnetError('arg/type', `wxnet plugin: h5 needs framework: "taro" or "uni" (neither TARO_ENV nor UNI_PLATFORM is set), got ${JSON.stringify(framework)}`);
  }
  const entry = settings.entry ?? ENTRY;
  const isEntry = (path) => (typeof entry === 'string' ? path === entry : entry.test(path));
  const installOptions = JSON.stringify(settings.options ?? {});
  // The wasm is loaded before the app's first line runs (a top-level await in the
  // entry's first import), so no early call reaches the framework's own request.
  const loaded = `import { init } from 'wxnet';\nimport { installWx } from 'wxnet/h5';\nawait init();\n`;
  const source = framework === 'taro'
    ? `${loaded}import Taro from '@tarojs/taro';\ninstallWx(Taro, ${installOptions});\n`
    : `${loaded}installWx(uni, ${installOptions});\n`;
  return {
    active: true,
    resolveId(id) {
      return id === H5_MODULE ? H5_MODULE : null;
    },
    load(id) {
      return id === H5_MODULE ? source : null;
    },
    /** The entry's code with the import in front (on its first line: positions stay), else undefined. */
    inject(path, code) {
      if (!isDev() || !isEntry(path)) return undefined;
      return { code: `import '${H5_MODULE}';${code}`, map: null };
    },
  };
}
