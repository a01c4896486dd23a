// How a finding reaches each bundler's own output, with its location both in the
// text (`file:line:column`, what every tool prints) and as a structured location
// (what editors, overlays and stats read): webpack and Rspack get native
// WebpackErrors with the module and `loc` (unplugin's warn drops `loc` there);
// Rollup, Vite and esbuild get `this.warn`/`this.error` with `loc` (0-based column).
import { absolutePath } from '../node/plugin-files.mjs';

/** `src/a.js:3:19  error  wx.request to …  wxnet/url-insecure`, and the help line. */
export function findingText(d) {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}${d.help ? `\n  help: ${d.help}` : ''}`;
}

/**
 * `(finding, failing) => void` for a hook's context: `root` is the project folder,
 * `module` the project path of the module being transformed (if any).
 */
export function reporterFor(context, root, module) {
  const native = context.getNativeBuildContext?.();
  if ((native?.framework === 'webpack' || native?.framework === 'rspack') && native.compilation) {
    const { compiler, compilation, loaderContext } = native;
    return (d, failing) => {
      const error = new compiler.webpack.WebpackError(findingText(d));
      error.name = failing ? 'WxnetError' : 'WxnetWarning';
      error.hideStack = true;
      if (loaderContext?._module) error.module = loaderContext._module;
      // The location is in this module only when the URL is written here (else in the file it is imported from).
      if (d.file === module) error.loc = { start: { line: d.line, column: d.column - 1 }, end: { line: d.endLine, column: d.endColumn - 1 } };
      else error.file = d.file;
      (failing ? compilation.errors : compilation.warnings).push(error);
    };
  }
  return (d, failing) => {
    const message = { message: findingText(d), loc: { file: absolutePath(root, d.file), line: d.line, column: d.column - 1 } };
    // Rollup and Vite: this.error would stop at the first; the failures are thrown together at buildEnd.
    if (failing && native?.framework === 'esbuild') context.error(message);
    else context.warn(message);
  };
}
