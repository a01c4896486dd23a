// lintProject: the project linter over files already read (RULES.md §12, §13). The
// reader is injected: Node walks the disk (node/project-files.mjs), the browser gets
// a dropped folder. Every rule is the core's (the tools module); this shapes input.
import { WxnetError } from '../core/errors.mjs';
import { typeName } from '../core/type-name.mjs';

/** A file given apart from the folder: `{ file, text }`, a JSON text, or a parsed object. */
function given(value, name, defaultFile) {
  if (value === undefined || value === null) return [undefined, undefined];
  if (typeof value === 'string') return [defaultFile, value];
  if (typeof value === 'object' && typeof value.text === 'string') {
    return [typeof value.file === 'string' ? value.file : defaultFile, value.text];
  }
  if (typeof value === 'object' && !Array.isArray(value)) return [defaultFile, JSON.stringify(value, null, 2)];
  throw new WxnetError('arg/type', `options.${name} must be { file, text }, the JSON text or an object, got ${typeName(value)}`);
}

/**
 * `extraCallees`: `['http.get', …]` (each calls request) or `{ 'http.upload': 'uploadFile', … }`,
 * as the two lists the core takes.
 */
function wrappers(extraCallees) {
  if (extraCallees === undefined || extraCallees === null) return [[], []];
  const pairs = Array.isArray(extraCallees)
    ? extraCallees.map((name) => [name, 'request'])
    : typeof extraCallees === 'object' ? Object.entries(extraCallees) : null;
  if (!pairs || pairs.some(([name, api]) => typeof name !== 'string' || !name || typeof api !== 'string')) {
    throw new WxnetError('arg/type', `options.extraCallees must be an array of names such as ["http.get"] or an object such as { "http.upload": "uploadFile" }, got ${typeName(extraCallees)}`);
  }
  return [pairs.map(([name]) => name), pairs.map(([, api]) => api)];
}

/**
 * Lints a project. `files` maps paths relative to the project folder (with `/`) to
 * their text (a Map or a plain object). Options: `domains` and `config` (files given
 * apart from the folder), `lan` (`ip/prefix`), `rules` (severities over the config's),
 * `extraCallees` (the project's own wrappers), `focus` (check only that file's calls;
 * the report's `needs` then lists the modules its URLs are imported from that
 * `files` lacks). Returns `{ diagnostics, summary, needs? }`.
 */
export function lintProjectWith(lintProjectFiles, files, options = {}) {
  const entries = files instanceof Map ? [...files] : files && typeof files === 'object' ? Object.entries(files) : null;
  if (!entries) throw new WxnetError('arg/type', `files must be a Map or an object of path -> text, got ${typeName(files)}`);
  const paths = [];
  const texts = [];
  for (const [path, text] of entries) {
    if (typeof text !== 'string') throw new WxnetError('arg/type', `files[${JSON.stringify(path)}] must be a string, got ${typeName(text)}`);
    paths.push(String(path).replaceAll('\\', '/'));
    texts.push(text);
  }
  const [domainsFile, domainsText] = given(options?.domains, 'domains', 'domains.json');
  const [configFile, configText] = given(options?.config, 'config', 'wxnet.config.json');
  const lan = options?.lan;
  if (lan !== undefined && typeof lan !== 'string') throw new WxnetError('arg/type', `options.lan must be a string such as "192.168.1.10/24", got ${typeName(lan)}`);
  const rules = options?.rules;
  if (rules !== undefined && (rules === null || typeof rules !== 'object' || Array.isArray(rules))) {
    throw new WxnetError('arg/type', `options.rules must be an object such as { "wxnet/url-not-listed": "warn" }, got ${typeName(rules)}`);
  }
  const [wrapperNames, wrapperApis] = wrappers(options?.extraCallees);
  const focus = options?.focus;
  if (focus !== undefined && typeof focus !== 'string') throw new WxnetError('arg/type', `options.focus must be a path, got ${typeName(focus)}`);
  return lintProjectFiles(paths, texts, domainsFile, domainsText, configFile, configText, lan,
    rules === undefined ? undefined : JSON.stringify(rules), wrapperNames, wrapperApis, focus);
}

/**
 * The words one of which a file must contain for lintProject to find a call site in
 * it; `configText`, a wxnet.config.json, adds its `extraCallees`.
 */
export function callKeywordsWith(lintCallKeywords, extraCallees, configText) {
  const [names] = wrappers(extraCallees);
  if (configText !== undefined && typeof configText !== 'string') throw new WxnetError('arg/type', `configText must be the text of a wxnet.config.json, got ${typeName(configText)}`);
  return lintCallKeywords(names, configText);
}
