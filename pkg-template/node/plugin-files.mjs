// The build plugin's file access (plugin/ stays free of node:*): the project's
// configs at build start, the files a module's URLs are imported from, the domain
// list and wxnet.config.json named in the options, and content hashes for the cache.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { decodeText, isConfigFile } from '../lint/files.mjs';
import { readProjectFiles } from './project-files.mjs';

/** The project's config files under `root` (path relative with `/` -> text). */
export function readProjectConfigs(root) {
  try {
    return readProjectFiles(root, isConfigFile).files;
  } catch {
    return new Map();
  }
}

/** `file` (absolute, or relative to `root`) as a path relative to `root` with `/`. */
export function projectPath(root, file) {
  const path = isAbsolute(file) ? relative(root, file) : file;
  return path.split(sep).join('/');
}

/** The absolute path of a project path. */
export function absolutePath(root, path) {
  return resolve(root, path);
}

/** The first of `paths` (relative to `root`) that is a file: `{ path, absolute, text }`, or undefined. */
export function readFirstFile(root, paths) {
  for (const path of paths) {
    const absolute = resolve(root, path);
    try {
      if (!statSync(absolute).isFile()) continue;
      return { path, absolute, text: decodeText(readFileSync(absolute)) };
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}

/** The text of a file the options name, as `{ file, text }`; throws naming the option. */
export function readOptionFile(root, path, option) {
  try {
    return { file: projectPath(root, resolve(root, path)), text: decodeText(readFileSync(resolve(root, path))) };
  } catch (error) {
    throw Object.assign(new Error(`wxnet plugin: options.${option} ${path}: cannot read it (${error.code ?? error.message})`), { code: 'plugin/file' });
  }
}

/** The text of an absolute path, or undefined when it cannot be read. */
export function readTextIfAny(absolute) {
  try {
    return decodeText(readFileSync(absolute));
  } catch {
    return undefined;
  }
}

/** A hash of texts, for the content cache. */
export function contentHash(...texts) {
  const hash = createHash('sha1');
  for (const text of texts) hash.update(String(text)).update('\0');
  return hash.digest('hex');
}
