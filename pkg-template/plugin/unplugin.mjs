// The build plugin (`wxnet/vite`, `wxnet/webpack`, `wxnet/rollup`, `wxnet/esbuild`,
// `wxnet/rspack`): one unplugin factory that runs `wxnet lint`'s rules on each module
// the bundler transforms and on the project's configs at build start, and reports
// every finding in the bundler's own warnings and errors. Every rule is the core's
// (lintProject in the tools module, one module at a time with `focus`); this file
// decides only when to report, how, and whether the build fails.
import { createUnplugin } from 'unplugin';
import { lintCallKeywords, lintProject } from '../tools-node.mjs';
import { WxnetError } from '../core/errors.mjs';
import { SOURCE_EXTENSIONS } from '../core/wx.generated.mjs';
import { typeName } from '../core/type-name.mjs';
import {
  absolutePath, contentHash, projectPath, readFirstFile, readOptionFile, readProjectConfigs, readTextIfAny,
} from '../node/plugin-files.mjs';
import { findingText, reporterFor } from './report.mjs';
import { h5Hooks } from './h5.mjs';

const NAME = 'wxnet';
const OPTIONS = ['root', 'domains', 'config', 'lan', 'include', 'exclude', 'rules', 'failOn', 'extraCallees', 'platform', 'h5', 'proxy', 'onLint'];
const FAIL_ON = ['error', 'warning', 'never'];
/** Platforms whose production build a finding may fail: WeChat's (Taro, uni-app names). */
const MINI_PROGRAM = ['weapp', 'mp-weixin'];
/** The code the core reads (its list, RULES.md §13); a query (`App.vue?vue&type=style`) is another module. */
const CODE = new RegExp(`\\.(?:${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join('|')})$`);
/** Rounds of reading the modules a URL is imported from (a chain of re-exports). */
const MAX_ROUNDS = 8;

/**
 * Results by content (module path and text, the settings, the imported files), for
 * every plugin instance of the process: a watch rebuild or a second compiler (webpack
 * may load the plugin several times) lints unchanged code once.
 */
const cache = new Map();
const MAX_CACHED = 20_000;

function checkOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new WxnetError('arg/type', `wxnet plugin: options must be an object, got ${typeName(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) throw new WxnetError('arg/type', `wxnet plugin: unknown option ${key}; the options are ${OPTIONS.join(', ')}`);
  }
  if (options.failOn !== undefined && !FAIL_ON.includes(options.failOn)) {
    throw new WxnetError('arg/type', `wxnet plugin: failOn must be one of ${FAIL_ON.join(', ')}, got ${JSON.stringify(options.failOn)}`);
  }
  for (const key of ['config', 'root', 'platform']) {
    if (options[key] !== undefined && typeof options[key] !== 'string') {
      throw new WxnetError('arg/type', `wxnet plugin: ${key} must be a string, got ${typeName(options[key])}`);
    }
  }
  if (options.proxy !== undefined && typeof options.proxy !== 'boolean' && (options.proxy === null || typeof options.proxy !== 'object' || Array.isArray(options.proxy))) {
    throw new WxnetError('arg/type', `wxnet plugin: proxy must be true or createProxy's options, got ${typeName(options.proxy)}`);
  }
  if (options.onLint !== undefined && typeof options.onLint !== 'function') {
    throw new WxnetError('arg/type', `wxnet plugin: onLint must be a function, got ${typeName(options.onLint)}`);
  }
}

/** The platform being built: the option, else Taro's or uni-app's environment, else WeChat. */
function platformOf(options) {
  return options.platform ?? process.env.TARO_ENV ?? process.env.UNI_PLATFORM ?? 'weapp';
}

export const unpluginFactory = (userOptions = {}, meta) => {
  checkOptions(userOptions);
  const options = userOptions;
  const platform = platformOf(options);
  const failOn = options.failOn ?? 'error';
  const framework = meta?.framework;

  // Known once the bundler says: its root, and whether this is a production build.
  const build = { root: options.root, production: false, settings: undefined, failures: [] };

  /** The settings every module is linted with; read at build start (and again when the configs change). */
  function readSettings() {
    const root = build.root ?? process.cwd();
    const configFiles = readProjectConfigs(root);
    const lintOptions = {
      domains: typeof options.domains === 'string' ? readOptionFile(root, options.domains, 'domains') : options.domains,
      config: options.config === undefined ? undefined : readOptionFile(root, options.config, 'config'),
      lan: options.lan,
      rules: options.rules,
      extraCallees: options.extraCallees,
    };
    const key = contentHash(JSON.stringify({ ...lintOptions, root }), ...[...configFiles].flat());
    build.settings = { root, configFiles, lintOptions, key };
    return build.settings;
  }

  /**
   * createProxy's options for the Vite dev server: the plugin's domain list and LAN,
   * then what `proxy` says (appid, version, upstreams, log, …).
   */
  function proxyOptions() {
    const root = build.root ?? process.cwd();
    let domains = options.domains;
    if (typeof domains === 'string') {
      const { file, text } = readOptionFile(root, domains, 'domains');
      try {
        domains = JSON.parse(text);
      } catch (error) {
        throw new WxnetError('arg/type', `wxnet plugin: options.domains ${file} is not JSON (${error.message}); wxnet lint ${file} shows where`);
      }
    }
    return { domains, lan: options.lan, ...(options.proxy === true ? {} : options.proxy) };
  }

  /** Whether a finding of this severity fails the build. */
  function fails(severity) {
    if (!build.production || !MINI_PROGRAM.includes(platform) || failOn === 'never') return false;
    return severity === 'error' || (failOn === 'warning' && severity === 'warning');
  }

  /** The configs' findings (RULES.md §12), once per build. */
  function lintConfigs() {
    const settings = readSettings();
    return lintProject(settings.configFiles, settings.lintOptions).diagnostics;
  }

  /** One module's findings, from the cache or the core; `imported` are the files read for its URLs. */
  function lintModule(id, code, watch) {
    const settings = build.settings ?? readSettings();
    const path = projectPath(settings.root, id);
    const key = contentHash(settings.key, path, code);
    const hit = cache.get(key);
    if (hit && hit.imported.every(({ absolute, text }) => readTextIfAny(absolute) === text)) {
      hit.imported.forEach(({ absolute }) => watch(absolute));
      return { path, diagnostics: hit.diagnostics, cached: true };
    }
    const files = new Map(settings.configFiles);
    files.set(path, code);
    const imported = [];
    const tried = new Set();
    let report = lintProject(files, { ...settings.lintOptions, focus: path });
    for (let round = 0; round < MAX_ROUNDS && report.needs?.length; round++) {
      let added = false;
      for (const paths of report.needs) {
        if (tried.has(paths[0])) continue;
        tried.add(paths[0]);
        const found = readFirstFile(settings.root, paths);
        if (!found) continue;
        files.set(found.path, found.text);
        imported.push({ absolute: found.absolute, text: found.text });
        watch(found.absolute);
        added = true;
      }
      if (!added) break;
      report = lintProject(files, { ...settings.lintOptions, focus: path });
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value);
    cache.set(key, { imported, diagnostics: report.diagnostics });
    return { path, diagnostics: report.diagnostics, cached: false };
  }

  const h5 = h5Hooks(options.h5, { platform, isDev: () => !build.production });
  // A module without one of these words has no call site: the bundler skips it
  // without calling into JS (a native filter in Vite and Rolldown). Not when the H5
  // entry may need its import.
  // wxnet.config.json's extraCallees count too (read here: the filter is fixed now).
  const configText = readTextIfAny(absolutePath(options.root ?? process.cwd(), options.config ?? 'wxnet.config.json'));
  const keywords = new RegExp(lintCallKeywords(options.extraCallees, configText).map((word) => word.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&')).join('|'));
  const codeFilter = h5.active ? undefined : { include: keywords };

  return {
    name: NAME,
    enforce: 'pre',
    buildStart() {
      if (framework === 'rollup') build.production = !this.meta?.watchMode;
      build.failures = [];
      if (framework === 'webpack' || framework === 'rspack' || framework === 'esbuild') return; // their own hooks below
      const report = reporterFor(this, build.root ?? process.cwd());
      for (const d of lintConfigs()) {
        report(d, fails(d.severity));
        if (fails(d.severity)) build.failures.push(d);
      }
    },
    resolveId: h5.resolveId,
    load: h5.load,
    transform: {
      filter: {
        id: { include: options.include ?? [CODE], exclude: options.exclude ?? [/[\\/]node_modules[\\/]/, /^\0/] },
        code: codeFilter,
      },
      handler(code, id) {
        if (id.includes('?') || id.startsWith('\0')) return null;
        const watch = (file) => this.addWatchFile?.(file);
        const { path, diagnostics, cached } = lintModule(id, code, watch);
        options.onLint?.({ file: path, cached, diagnostics });
        const report = reporterFor(this, build.settings.root, path);
        for (const d of diagnostics) {
          const failing = fails(d.severity);
          report(d, failing);
          if (failing) build.failures.push(d);
        }
        const injected = h5.inject(path, code);
        if (injected !== undefined) return injected;
        // esbuild hands messages over only with contents.
        return framework === 'esbuild' && diagnostics.length > 0 ? { code } : null;
      },
    },
    buildEnd() {
      if (framework !== 'rollup' && framework !== 'vite' && framework !== 'rolldown') return;
      if (build.failures.length === 0) return;
      const lines = build.failures.map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}  ${d.code}`);
      this.error(`${build.failures.length} finding(s) fail this production build (failOn: '${failOn}'):\n${lines.join('\n')}`);
    },
    vite: {
      async configureServer(server) {
        if (!options.proxy) return;
        // Loaded only here: a build never starts the proxy's engine.
        const { attachToViteServer, createProxy } = await import('../proxy.mjs');
        attachToViteServer(server, createProxy(proxyOptions()));
      },
      configResolved(config) {
        build.root = options.root ?? config.root;
        // Vite builds set NODE_ENV=production whatever the mode: the mode says it (uni-app's dev:mp-weixin is a development build).
        build.production = config.command === 'build' && config.mode === 'production' && !config.build.watch;
      },
    },
    webpack(compiler) {
      watchCompilations(compiler);
    },
    rspack(compiler) {
      watchCompilations(compiler);
    },
    esbuild: {
      config(initialOptions) {
        const defined = initialOptions.define?.['process.env.NODE_ENV'];
        build.production = defined === '"production"' || (defined === undefined && process.env.NODE_ENV === 'production');
        build.root = options.root ?? initialOptions.absWorkingDir ?? process.cwd();
      },
      setup(esbuild) {
        esbuild.onStart(() => {
          const messages = { warnings: [], errors: [] };
          for (const d of lintConfigs()) {
            const located = { text: findingText(d), location: { file: d.file, line: d.line, column: d.column - 1 } };
            (fails(d.severity) ? messages.errors : messages.warnings).push(located);
          }
          return messages;
        });
      },
    },
  };

  /** webpack and Rspack: the mode, the root, and the configs' findings in each compilation. */
  function watchCompilations(compiler) {
    build.root = options.root ?? compiler.context;
    build.production = (compiler.options.mode ?? 'production') === 'production';
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      build.failures = [];
      for (const d of lintConfigs()) {
        const error = new compiler.webpack.WebpackError(findingText(d));
        error.name = fails(d.severity) ? 'WxnetError' : 'WxnetWarning';
        error.file = d.file;
        error.hideStack = true;
        (fails(d.severity) ? compilation.errors : compilation.warnings).push(error);
      }
    });
  }
};

export const unplugin = /* @__PURE__ */ createUnplugin(unpluginFactory);
