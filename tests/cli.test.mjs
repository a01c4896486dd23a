// The wxnet command line as a user runs it: output, exit codes, and errors that name
// the file, line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/browser.mjs';

const wxnet = (...args) => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'pkg/cli.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const domains = join(repoRoot, 'examples/domains.json');

test('wxnet help lists the commands; an unknown command exits 2', () => {
  const help = wxnet('help');
  assert.equal(help.code, 0);
  assert.match(help.out, /referer/);
  assert.match(help.out, /check/);
  const unknown = wxnet('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
});

test('rule 5: wxnet referer exits 0 when all parse, 1 otherwise, and --json gives codes', () => {
  assert.equal(wxnet('referer', 'https://servicewechat.com/touristappid/0/page-frame.html').code, 0);
  const bad = wxnet('referer', 'https://servicewechat.com/wx0123456789abcdef/01/page-frame.html', '--json');
  assert.equal(bad.code, 1);
  assert.equal(JSON.parse(bad.out)[0].error.code, 'referer/version');
  assert.equal(wxnet('referer', '--appid', 'wx0123456789abcdef', '--version', '7').out.trim(),
    'https://servicewechat.com/wx0123456789abcdef/7/page-frame.html');
  const usage = wxnet('referer', '--appid', 'wxnope', '--version', '7');
  assert.equal(usage.code, 2);
  assert.match(usage.err, /\[referer\/appid\]/);
});

test('rule 1: wxnet check gives the verdict and errMsg per URL, exit 1 when one is refused', () => {
  const ok = wxnet('check', '--domains', domains, 'https://api.example.com/v1', 'https://api.example.com:8443/x');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /listed: request:ok/);
  const refused = wxnet('check', '--domains', domains, '--json', 'https://api.example.com:443/v1', 'wss://ws.example.com:9000/');
  assert.equal(refused.code, 1);
  const [port, socket] = JSON.parse(refused.out);
  assert.deepEqual([port.reason, port.errMsg, port.errno], ['port', 'request:fail url not in domain list', 600002]);
  assert.equal(socket.reason, 'invalid-url', 'a wss URL is never valid for request');
  const ws = wxnet('check', '--api', 'connectSocket', '--domains', domains, 'wss://ws.example.com:9000/');
  assert.equal(ws.code, 0, 'rule 1 decision: connectSocket does not check ports by default');
});

test('rule 2: wxnet check --lan allows a LAN peer over http', () => {
  assert.equal(wxnet('check', '--domains', domains, 'http://192.168.1.20/').code, 1);
  assert.equal(wxnet('check', '--domains', domains, '--lan', '192.168.1.10/24', 'http://192.168.1.20/').code, 0);
});

test('rule 3: wxnet check --no-url-check accepts any parseable URL of the API', () => {
  const r = wxnet('check', '--no-url-check', 'http://localhost:3000/');
  assert.equal(r.code, 0);
  assert.match(r.out, /unchecked: request:ok/);
});

test('a malformed domains file is reported with file:line:column, a missing one by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxnet-cli-'));
  const file = join(dir, 'domains.json');
  writeFileSync(file, '{\n  "requestdomain": [\n    "https://a.com",,\n  ]\n}\n');
  const bad = wxnet('check', '--domains', file, 'https://a.com');
  assert.equal(bad.code, 2);
  assert.match(bad.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:21: not valid JSON: unexpected ",".*\\[cli/json\\]`));
  const missing = wxnet('check', '--domains', join(dir, 'nope.json'), 'https://a.com');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.json: ENOENT \[cli\/file\]/);
});

test('JSON error positions: line and column of the first error, in UTF-16 units', async () => {
  const { jsonErrorPosition } = await import('../pkg/cli/json-file.mjs');
  const cases = [
    ['{"a": 1}', undefined],
    ['[1, 2, {"b": [true, false, null, -0.5e3, "\\u00e9\\n"]}]', undefined],
    ['', { line: 1, column: 1 }],
    ['{"a": 1,}', { line: 1, column: 9 }],
    ['{\n  "中文😀": 01\n}', { line: 2, column: 12 }],
    ['{"a": "\u0001"}', { line: 1, column: 8 }],
    ['[1 2]', { line: 1, column: 4 }],
    ['{"a": tru}', { line: 1, column: 7 }],
    ['{"a": "x"', { line: 1, column: 10 }],
    ['{} x', { line: 1, column: 4 }],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(jsonErrorPosition(text), expected, text);
    assert.equal(expected === undefined, (() => { try { JSON.parse(text); return true; } catch { return false; } })(), `agrees with JSON.parse: ${text}`);
  }
});

const tempFile = (name, content) => {
  const file = join(mkdtempSync(join(tmpdir(), 'wxnet-cli-')), name);
  writeFileSync(file, content);
  return file;
};

test('cli: deeply nested malformed JSON gives file:line:column and exit 2, not a RangeError', () => {
  const file = tempFile('deep.json', `{"requestdomain":${'['.repeat(200_000)}`);
  const r = wxnet('check', '--domains', file, 'https://a.com');
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /deep\.json:1:200018: not valid JSON: unexpected end of the file \[cli\/json\]/);
  assert.doesNotMatch(r.err, /RangeError|\n\s+at /);
});

test('cli: an unexpected error is one line "internal error", exit 2, never a stack trace', () => {
  // Any non-WxnetError (here: output that throws) must meet the last-resort catch.
  const preload = `data:text/javascript,console.log = () => { throw new TypeError('boom'); };`;
  for (const args of [['check', '--no-url-check', 'https://a.com/'], ['help']]) {
    const r = spawnSync(process.execPath, ['--import', preload, join(repoRoot, 'pkg/cli.mjs'), ...args], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim(), `wxnet ${args[0]}: internal error: boom`);
  }
});

test('cli: JSON error positions are exact after tokens of any length, and for any depth', async () => {
  const { jsonErrorPosition } = await import('../pkg/cli/json-file.mjs');
  const long = '1'.repeat(500);
  const cases = [
    [`[${long}x]`, { line: 1, column: 502 }],
    [`{"a": -${long}.${long}e+${long}}`, undefined],
    [`["${'é'.repeat(1000)}\u0001"]`, { line: 1, column: 1003 }],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, undefined],
    [`${'{"a":'.repeat(50_000)}1${'}'.repeat(49_999)}`, { line: 1, column: 300_001 }],
    ['[1, {"a": [true, {"b": null}], "c": "\\u00e9"}, []]', undefined],
    ['{"a": "\\x"}', { line: 1, column: 9 }],
    ['{"a" 1}', { line: 1, column: 6 }],
    ['{"a": 1, 2}', { line: 1, column: 10 }],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(jsonErrorPosition(text), expected, text.slice(0, 60));
    assert.equal(expected === undefined, (() => { try { JSON.parse(text); return true; } catch { return false; } })(), `agrees with JSON.parse: ${text.slice(0, 60)}`);
  }
});

test('cli: a missing option value, an unknown option or a value given to a switch is a usage error (exit 2)', () => {
  const cases = [
    [['check', 'https://a.com', '--domains'], /--domains needs a value: --domains <domains\.json>/],
    [['check', 'https://a.com', '--domains', '--json'], /--domains needs a value/],
    [['check', 'https://a.com', '--domains='], /--domains needs a value/],
    [['check', 'https://a.com', '--api'], /--api needs a value: --api request\|uploadFile\|downloadFile\|connectSocket/],
    [['check', 'https://a.com', '--lan'], /--lan needs a value: --lan <ip\[\/prefix\]>/],
    [['check', '--lan', '--no-url-check', 'http://192.168.1.20/'], /--lan needs a value/],
    [['check', '--dommains', domains, 'https://a.com'], /unknown option --dommains; did you mean --domains\?/],
    [['check', '-domains', domains, 'https://a.com'], /unknown option -domains; did you mean --domains\?/],
    [['check', '--frobnicate', 'https://a.com'], /unknown option --frobnicate \(try: wxnet help\)/],
    [['check', '--no-url-check=false', 'https://a.com'], /--no-url-check is a switch and takes no value, got --no-url-check=false/],
    [['check', '--json=1', 'https://a.com'], /--json is a switch and takes no value/],
    [['check', '--domains', domains, '--domains', domains, 'https://a.com'], /--domains is given twice/],
    [['check', '--api', 'fetch', 'https://a.com'], /--api: api "fetch" must be one of request, uploadFile, downloadFile, connectSocket/],
    [['check', '--lan', 'nope', 'http://192.168.1.20/'], /--lan: /],
    [['referer', '--appid'], /--appid needs a value: --appid <appid>/],
    [['referer', '--appid', 'wx0123456789abcdef', '--version'], /--version needs a value: --version <0\|devtools\|n>/],
    [['referer', '--jsn', 'https://servicewechat.com/touristappid/0/page-frame.html'], /unknown option --jsn; did you mean --json\?/],
    [['referer', '--json=yes', 'https://servicewechat.com/touristappid/0/page-frame.html'], /--json is a switch/],
  ];
  for (const [args, message] of cases) {
    const r = wxnet(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}${r.err}`);
    assert.match(r.err, message, args.join(' '));
    assert.match(r.err, /\[cli\/usage\]/, args.join(' '));
    assert.equal(r.out, '', `${args.join(' ')}: nothing checked`);
  }
  assert.equal(wxnet('check', '--no-url-check', '--', 'https://a.com/').code, 0, '-- ends the options');
  assert.match(wxnet('check', '--help').out, /^usage: wxnet check/);
});

test('cli: a domains file that is not a JSON object is an input error naming the file (exit 2)', () => {
  for (const [content, type] of [['null', 'null'], ['[]', 'array'], ['42', 'number'], ['"https://a.com"', 'string']]) {
    const file = tempFile('domains.json', content);
    const r = wxnet('check', '--domains', file, 'https://a.com');
    assert.equal(r.code, 2, `${content}: ${r.out}${r.err}`);
    assert.match(r.err, new RegExp(`domains\\.json: domains must be an object.*got ${type} \\[cli/domains\\]`), content);
  }
});

test('rule 1: wxnet check prints the domain lint findings of the list on stderr', () => {
  const typo = tempFile('domains.json', '{"requestDomain": ["https://a.com"]}');
  const r = wxnet('check', '--domains', typo, 'https://a.com');
  assert.equal(r.code, 1);
  assert.match(r.err, /wxnet check: .*domains\.json: warning wxnet\/domain-field: "requestDomain" is not a domain list.*\n {2}help: Did you mean requestdomain\?/);
  const string = tempFile('domains.json', '{"requestdomain": "https://a.com"}');
  const s = wxnet('check', '--json', '--domains', string, 'https://a.com');
  assert.equal(s.code, 1);
  assert.match(s.err, /domains\.json: error wxnet\/domain-field: requestdomain must be an array of strings, got string/);
  assert.equal(JSON.parse(s.out)[0].reason, 'not-listed', 'stdout stays the verdicts');
  const clean = wxnet('check', '--domains', domains, 'https://api.example.com/v1');
  assert.equal(clean.err, '', 'a clean list prints nothing on stderr');
});
