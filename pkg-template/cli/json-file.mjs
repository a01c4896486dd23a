// Reading a JSON file for the CLI: a syntax error names the file, line and column.
//
// jsonErrorPosition finds where JSON.parse gave up, as 1-based line and column (in UTF-16 units, as editors
// count them). Node's JSON.parse messages carry no reliable position, so this walks
// the JSON grammar (RFC 8259) itself, only to locate the first error.
//
// The walk is iterative (open arrays and objects are kept on an explicit stack), so
// any nesting depth works: a file of 200,000 `[` must give a position, not a
// RangeError. Tokens are matched with sticky regexes at the offset, never on a
// slice, so a token of any length is measured exactly.
import { WxnetError } from '../core/errors.mjs';
import { readTextFile } from '../node/files.mjs';

/** Reads a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(path) {
  let text;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new WxnetError('cli/file', `cannot read ${path}: ${error.code ?? error.message}`);
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    const { line, column } = jsonErrorPosition(body) ?? { line: 1, column: 1 };
    const found = body.split('\n')[line - 1]?.codePointAt(column - 1);
    const what = found === undefined ? 'unexpected end of the file' : `unexpected ${JSON.stringify(String.fromCodePoint(found))}`;
    throw new WxnetError('cli/json', `${path}:${line}:${column}: not valid JSON: ${what}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_CHARS = /[^"\\\u0000-\u001f]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const SPACE = /[ \t\n\r]*/y;

/** `{ line, column }` of the first syntax error in `text`, or undefined if it parses. */
export function jsonErrorPosition(text) {
  const offset = firstErrorOffset(text);
  if (offset === undefined) return undefined;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1).length + 1 };
}

/** The UTF-16 offset of the first syntax error, or undefined. */
function firstErrorOffset(text) {
  let i = 0;
  /** Advances past `regex` matched at i (sticky); false if it does not match there. */
  const eat = (regex) => {
    regex.lastIndex = i;
    const match = regex.exec(text);
    if (match === null) return false;
    i += match[0].length;
    return true;
  };
  const space = () => eat(SPACE);
  /** A string at i; false at the first offending character. */
  const string = () => {
    if (text[i] !== '"') return false;
    i++;
    for (;;) {
      eat(STRING_CHARS);
      if (text[i] === '"') { i++; return true; }
      if (text[i] !== '\\' || !eat(ESCAPE)) {
        if (text[i] === '\\') i++; // point at the character after the backslash
        return false;
      }
    }
  };
  /** `"key":` at i (after space). */
  const key = () => {
    space();
    if (!string()) return false;
    space();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const literal = (word) => {
    if (!text.startsWith(word, i)) return false;
    i += word.length;
    return true;
  };

  const closers = []; // '}' or ']' for each open object or array, innermost last
  for (;;) {
    // A value at i.
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
      } else {
        closers.push(close);
        if (close === '}' && !key()) return i;
        continue; // the first member's value
      }
    } else {
      const ok = c === '"' ? string()
        : c === 't' ? literal('true')
        : c === 'f' ? literal('false')
        : c === 'n' ? literal('null')
        : eat(NUMBER);
      if (!ok) return i;
    }
    // After a value: close containers until a comma asks for the next value.
    for (;;) {
      space();
      if (closers.length === 0) return i < text.length ? i : undefined;
      if (text[i] === closers.at(-1)) { i++; closers.pop(); continue; }
      if (text[i] !== ',') return i;
      i++;
      if (closers.at(-1) === '}' && !key()) return i;
      break;
    }
  }
}
