// The layout of pkg-template/ (docs/DESIGN.md, "The shape"): only node/ touches Node's
// built-in modules, so that browser bundles never pull one in; wx/ reaches core/ only
// through wx/core-port.mjs; every file is reachable from an entry of package.json, and
// package.json ships every folder. Read from the sources, so no build is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { repoRoot } from './helpers/browser.mjs';

const template = join(repoRoot, 'pkg-template');
/** Written into pkg/ by scripts/build.mjs, so absent from the template. */
const GENERATED = new Set(['wxnet.js', 'wxnet_tools.js', 'wasm-base64.mjs']);
const isCode = (name) => /\.(mjs|cjs|js)$/.test(name) || name.endsWith('.d.ts');

function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(join(dir, entry.name), path) : [path];
  });
}
const codeFiles = filesUnder(template).filter(isCode);
const source = (file) => readFileSync(join(template, file), 'utf8');

/**
 * The modules a JS or TS source asks for, with the line of each: `import … from`,
 * `export … from`, `import 'x'`, `import('x')`, `require('x')`, and `/// <reference
 * types="x" />`. Comments, strings, template literals and regular expressions are
 * skipped as a tokenizer would, so prose that mentions `node:fs` never counts.
 */
function moduleRequests(text) {
  const tokens = [];
  const requests = [];
  const braces = []; // 'code' or 'template' for each open `{` / `${`
  let i = 0;
  let line = 1;
  const VALUE_END = /^[\w$)\]]/;
  const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
  const skipTo = (end) => {
    const at = text.indexOf(end, i);
    const stop = at < 0 ? text.length : at + end.length;
    for (; i < stop; i++) if (text[i] === '\n') line++;
  };
  const readQuoted = (quote) => {
    const start = line;
    let value = '';
    for (i++; i < text.length && text[i] !== quote; i++) {
      if (text[i] === '\\') i++;
      if (text[i] === '\n') line++;
      value += text[i];
    }
    i++;
    return { type: 'string', value, line: start };
  };
  /** Template text up to its end or the next `${`. */
  const readTemplate = () => {
    for (; i < text.length; i++) {
      if (text[i] === '\\') { i++; continue; }
      if (text[i] === '\n') line++;
      if (text[i] === '`') { i++; return; }
      if (text[i] === '$' && text[i + 1] === '{') { i += 2; braces.push('template'); return; }
    }
  };
  const readRegex = () => {
    let inClass = false;
    for (i++; i < text.length; i++) {
      if (text[i] === '\\') { i++; continue; }
      if (text[i] === '[') inClass = true;
      else if (text[i] === ']') inClass = false;
      else if (text[i] === '/' && !inClass) break;
    }
    for (i++; /\w/.test(text[i] ?? ''); i++);
  };
  while (i < text.length) {
    const c = text[i];
    const previous = tokens.at(-1);
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const comment = text.slice(i, end < 0 ? text.length : end);
      const reference = /^\/\/\/\s*<reference\s+types\s*=\s*["']([^"']+)["']/.exec(comment);
      if (reference) requests.push({ specifier: reference[1], line });
      i += comment.length;
      continue;
    }
    if (text.startsWith('/*', i)) { skipTo('*/'); continue; }
    if (c === '"' || c === "'") { tokens.push(readQuoted(c)); continue; }
    if (c === '`') { i++; readTemplate(); tokens.push({ type: 'template', line }); continue; }
    if (c === '/') {
      const afterValue = previous && (previous.type === 'string' || previous.type === 'template'
        || (VALUE_END.test(previous.value ?? '') && !KEYWORDS_BEFORE_EXPRESSION.has(previous.value)));
      if (!afterValue) { readRegex(); tokens.push({ type: 'regex', line }); continue; }
    }
    if (c === '{') braces.push('code');
    if (c === '}' && braces.pop() === 'template') { i++; readTemplate(); continue; }
    const word = /^[\w$]+/.exec(text.slice(i, i + 100));
    const value = word ? word[0] : c;
    tokens.push({ type: word ? 'word' : 'punctuator', value, line });
    i += value.length;
  }
  tokens.forEach((token, k) => {
    const [next, afterNext] = [tokens[k + 1], tokens[k + 2]];
    const named = (value) => token.type === 'word' && token.value === value;
    if ((named('from') || named('import')) && next?.type === 'string') requests.push({ specifier: next.value, line: next.line });
    if ((named('import') || named('require')) && next?.value === '(' && afterNext?.type === 'string') {
      requests.push({ specifier: afterNext.value, line: afterNext.line });
    }
  });
  return requests.sort((a, b) => a.line - b.line);
}

/** `node:fs`, `fs`, `fs/promises`, and `node` (the types of `/// <reference types="node" />`). */
const isNodeBuiltin = (specifier) => specifier.startsWith('node:') || specifier === 'node'
  || builtinModules.includes(specifier.split('/')[0]);

test('the import scanner sees every form of import, and nothing in comments, strings or regexes', () => {
  const text = [
    "const quote = /[\"'`]/y; // import x from 'node:fs'",
    "/* require('fs') */ const s = \"import('node:os')\"; const t = `${'a'}import('node:tls')`;",
    "import a from 'node:http';",
    "import {",
    "  b,",
    "} from 'path';",
    "export { c } from 'node:url';",
    "export * from 'node:util';",
    "import 'node:vm';",
    "const d = await import('node:dns');",
    "const e = require('net');",
    "const f = x / 2 / y; const g = `${h}` + 'node:zlib';",
    "/// <reference types=\"node\" />",
    "import type { I } from 'node:stream';",
    "const j = Array.from('node:crypto');",
  ].join('\n');
  assert.deepEqual(moduleRequests(text), [
    { specifier: 'node:http', line: 3 }, { specifier: 'path', line: 6 }, { specifier: 'node:url', line: 7 },
    { specifier: 'node:util', line: 8 }, { specifier: 'node:vm', line: 9 }, { specifier: 'node:dns', line: 10 },
    { specifier: 'net', line: 11 }, { specifier: 'node', line: 13 }, { specifier: 'node:stream', line: 14 },
  ]);
  assert.ok(['fs', 'path', 'net', 'node:fs', 'fs/promises', 'node'].every(isNodeBuiltin));
  assert.ok(!['ws', './fs.mjs', '../node.mjs', 'nodemailer'].some(isNodeBuiltin));
});

test('only pkg-template/node/ imports Node built-in modules (node:*, or bare names such as fs)', () => {
  const offences = [];
  for (const file of codeFiles) {
    if (file.startsWith('node/')) continue;
    for (const { specifier, line } of moduleRequests(source(file))) {
      if (isNodeBuiltin(specifier)) offences.push(`pkg-template/${file}:${line} imports ${specifier}`);
    }
  }
  assert.deepEqual(offences, [], `move this I/O into pkg-template/node/ and inject it:\n${offences.join('\n')}`);
});

test('wx/ reaches core/ only through wx/core-port.mjs (the JS side of the shim decides no rule)', () => {
  const offences = [];
  for (const file of codeFiles.filter((name) => name.startsWith('wx/') && name !== 'wx/core-port.mjs' && !name.endsWith('.d.ts'))) {
    for (const { specifier, line } of moduleRequests(source(file))) {
      const target = posix.join(posix.dirname(file), specifier);
      if (specifier.startsWith('.') && (target.startsWith('core/') || GENERATED.has(target))) {
        offences.push(`pkg-template/${file}:${line} imports ${specifier}`);
      }
    }
  }
  assert.deepEqual(offences, [], offences.join('\n'));
});

/** The files package.json names as entries: main, module, types, exports, bin. */
function entryFiles(manifest) {
  const paths = [];
  const collect = (value) => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.module, manifest.types, manifest.exports, manifest.bin]);
  return [...new Set(paths.map((path) => posix.normalize(path)).filter((path) => isCode(path)))];
}

/** The template file an import resolves to, or undefined for a package or a generated file. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = posix.join(posix.dirname(from), specifier);
  if (GENERATED.has(target)) return undefined;
  // Types import './x.js' for x.d.ts.
  return from.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
}

test('every file in pkg-template/ is reachable from an entry of package.json, and every import resolves', () => {
  const manifest = JSON.parse(source('package.json'));
  const entries = entryFiles(manifest);
  const reached = new Set();
  const missing = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (reached.has(file)) continue;
    reached.add(file);
    if (!existsSync(join(template, file))) { missing.push(`${file} (an entry)`); continue; }
    for (const { specifier, line } of moduleRequests(source(file))) {
      const target = resolveImport(file, specifier);
      if (target === undefined) continue;
      if (existsSync(join(template, target))) queue.push(target);
      else missing.push(`pkg-template/${file}:${line} imports ${specifier}, which does not exist`);
    }
  }
  assert.deepEqual(missing, []);
  const orphans = codeFiles.filter((file) => !reached.has(file));
  assert.deepEqual(orphans, [], `no entry imports these (directly or not): ${orphans.join(', ')}`);
  // Entries only at the top: the files package.json names, and api.mjs, the API they all re-export.
  const topLevel = codeFiles.filter((file) => !file.includes('/'));
  assert.deepEqual(topLevel.filter((file) => !entries.includes(file) && file !== 'api.mjs'), []);
});

test('package.json ships every folder of pkg-template/, and its sideEffects files exist', () => {
  const manifest = JSON.parse(source('package.json'));
  const folders = readdirSync(template, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const folder of folders) {
    assert.ok(manifest.files.some((pattern) => pattern.replace(/\/$/, '') === folder), `package.json "files" leaves out ${folder}/`);
  }
  for (const path of manifest.sideEffects) {
    const file = posix.normalize(path);
    assert.ok(GENERATED.has(file) || existsSync(join(template, file)), `sideEffects names ${path}, which does not exist`);
  }
});
