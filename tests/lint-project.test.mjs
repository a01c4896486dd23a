// `wxnet lint` and lintProject as a user runs them: the output contract (JSON shape,
// UTF-16 columns, `/` paths), text and SARIF, exit codes 0/1/2, suppression comments,
// and bad input that never crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './helpers/browser.mjs';
import * as tools from '../pkg/tools-node.mjs';

const wxnet = (...args) => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'pkg/cli.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const example = join(repoRoot, 'examples/lint-project');

function project(files) {
  const dir = mkdtempSync(join(tmpdir(), 'wxnet-lint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('rule 13: lintProject gives the contract: file with /, 1-based line, UTF-16 columns, api and url', () => {
  const report = tools.lintProject({
    'pages\\a.js': "// 例え😀\nconst s = '例え😀'; wx.request({ url: 'http://a.com/x' })\n",
  }, { domains: { requestdomain: ['https://api.example.com'] } });
  const d = report.diagnostics.find((x) => x.code === 'wxnet/url-insecure');
  assert.deepEqual(d, {
    file: 'pages/a.js', line: 2, column: 37, endLine: 2, endColumn: 53, code: 'wxnet/url-insecure', severity: 'error',
    message: d.message, help: d.help, api: 'request', url: 'http://a.com/x',
  });
  const line = "const s = '例え😀'; wx.request({ url: 'http://a.com/x' })";
  assert.equal(line.indexOf("'http://a.com/x'") + 1, d.column, 'columns are JS string indexes + 1');
  assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'infos']);
});

test('rule 12: without a domain list one info says membership is not judged; a bad lan is arg/lan', () => {
  const report = tools.lintProject({ 'a.js': "wx.request({ url: 'https://unlisted.example.org' })" });
  assert.deepEqual(report.diagnostics.map((d) => [d.file, d.code, d.severity]), [['.', 'wxnet/no-domains', 'info']]);
  assert.throws(() => tools.lintProject({}, { lan: '10.0.0.300/24' }), { code: 'arg/lan' });
  assert.throws(() => tools.lintProject('nope'), { code: 'arg/type' });
});

test('rule 12: wxnet lint on the example project reports each kind of mistake and exits 1', () => {
  const r = wxnet('lint', example, '--format', 'json');
  assert.equal(r.code, 1, r.err);
  const { diagnostics, summary } = JSON.parse(r.out);
  const codes = new Set(diagnostics.map((d) => d.code));
  for (const code of ['wxnet/appid', 'wxnet/url-check-off', 'wxnet/lib-version', 'wxnet/network-timeout', 'wxnet/domain-path',
    'wxnet/url-insecure', 'wxnet/url-invalid-url', 'wxnet/url-forbidden-host', 'wxnet/url-ip', 'wxnet/url-port',
    'wxnet/url-not-listed', 'wxnet/call-method', 'wxnet/call-timeout', 'wxnet/call-referer', 'wxnet/call-data-type', 'wxnet/socket-target']) {
    assert.ok(codes.has(code), `${code} in ${[...codes]}`);
  }
  assert.ok(!diagnostics.some((d) => d.url?.includes('localhost:3000/dev-only')), 'wxnet-disable-next-line');
  assert.ok(!diagnostics.some((d) => d.url === 'http://localhost'), 'a storage key is not a URL finding');
  assert.ok(summary.files >= 9 && summary.errors > 0);
});

test('rule 12: a Taro project: networkTimeout of src/app.config.ts and the calls under src/ are linted', () => {
  const report = tools.lintProject({
    'project.config.json': '{ "miniprogramRoot": "dist/" }',
    'src/app.config.ts': "export default defineAppConfig({\n  pages: ['pages/index/index'],\n  networkTimeout: { request: 90000 },\n})\n",
    'src/pages/index/index.tsx': "import Taro from '@tarojs/taro'\nTaro.request({ url: 'https://api.example.com/a' })\n",
    'dist/app.js': "wx.request({ url: 'http://built.example.com' })",
  }, { domains: { requestdomain: ['https://api.example.com'] } });
  const found = report.diagnostics.filter((d) => d.code !== 'wxnet/domain-icp').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
  assert.deepEqual(found, ['src/app.config.ts:3:30 wxnet/network-timeout']);
});

test('rule 13: a TCP connect to a blocked port is reported at the address, with the errMsg the phone gives', () => {
  const report = tools.lintProject({ 'app.js': "const tcp = wx.createTCPSocket()\ntcp.connect({ address: 'db.example.com', port: 3306 })\n" },
    { domains: { tcpdomain: ['db.example.com'] } });
  const finding = report.diagnostics.find((d) => d.code === 'wxnet/socket-target');
  assert.deepEqual([finding.line, finding.column, finding.url], [2, 24, 'tcp://db.example.com:3306']);
  assert.match(finding.message, /createTCPSocket:fail tcp:\/\/db\.example\.com:3306 port blocked/);
});

test('rule 13: extraCallees in wxnet.config.json: wxnet lint checks the project\'s own wrappers like wx.request', () => {
  const dir = project({
    'wxnet.config.json': '{ "domains": { "requestdomain": ["https://api.example.com"] }, "extraCallees": ["http.get"], "rules": { "wxnet/domain-icp": "off" } }',
    'a.js': "http.get('http://api.example.com/user')\nhttp.get('/relative')\n",
  });
  const r = wxnet('lint', dir, '--format', 'json');
  const found = JSON.parse(r.out).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
  assert.deepEqual(found, ['a.js:1:10 wxnet/url-insecure']);
  assert.deepEqual(tools.lintCallKeywords([], '{ "extraCallees": { "api.upload": "uploadFile" } }').slice(-1), ['upload']);
});

test('rule 12: text output is path:line:column  severity  message  code with a frame and help; sarif is 2.1.0', () => {
  const text = wxnet('lint', example);
  assert.match(text.out, /^project\.config\.json:2:12 {2}error {2}appid "wx123" is not an AppID.* {2}wxnet\/appid$/m);
  assert.match(text.out, /^ {2}2 \| {3}"appid": "wx123",$/m);
  assert.match(text.out, /^ {2}help: /m);
  assert.match(text.out, /problems \(\d+ errors, \d+ warnings, \d+ infos?\) in \d+ files/);
  assert.ok(!text.out.includes('\u001b['), 'no colours without a TTY');
  const sarif = JSON.parse(wxnet('lint', example, '--format', 'sarif').out);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results.find((r) => r.ruleId === 'wxnet/appid');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 12, endLine: 2, endColumn: 19 });
  assert.equal(result.level, 'error');
});

test('rule 12: exit codes: 0 clean, 1 errors or too many warnings, 2 usage and input errors', () => {
  const clean = project({ 'wxnet.config.json': '{"domains": {"requestdomain": ["https://api.example.com"]}, "rules": {"wxnet/domain-icp": "off"}}', 'a.js': "wx.request({ url: 'https://api.example.com/x' })" });
  assert.equal(wxnet('lint', clean).code, 0);
  const warned = project({ 'app.json': '{"networkTimeout": {"request": 0}}' });
  assert.equal(wxnet('lint', warned).code, 0);
  assert.equal(wxnet('lint', warned, '--max-warnings', '0').code, 1);
  const quiet = wxnet('lint', warned, '--quiet', '--format', 'json');
  assert.deepEqual(JSON.parse(quiet.out).diagnostics, []);
  assert.equal(wxnet('lint', join(clean, 'missing')).code, 2);
  assert.equal(wxnet('lint', clean, '--format', 'xml').code, 2);
  assert.equal(wxnet('lint', clean, '--domains', join(clean, 'none.json')).code, 2);
  assert.equal(wxnet('lint', clean, '--lan', 'x').code, 2);
});

test('rule 13: bad input never crashes: binary, invalid UTF-8, 10 MB minified, deep nesting, unreadable files', () => {
  const big = `${'var a=1;'.repeat(1_300_000)}wx.request({url:"http://a.com"});`;
  const dir = project({
    'bin.js': Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]),
    'utf8.js': Buffer.concat([Buffer.from("wx.request({ url: 'http://b.com' }) // "), Buffer.from([0xc3, 0x28])]),
    'min.js': big,
    'deep.js': `x = ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    'deep.json': '['.repeat(100_000),
    'app.json': '{"networkTimeout": ',
  });
  writeFileSync(join(dir, 'secret.js'), 'wx.request({})');
  chmodSync(join(dir, 'secret.js'), 0o000);
  const started = Date.now();
  const r = wxnet('lint', dir, '--format', 'json');
  const { diagnostics } = JSON.parse(r.out);
  const at = (file) => diagnostics.filter((d) => d.file === file).map((d) => [d.code, d.line, d.column]);
  assert.deepEqual(at('min.js'), [['wxnet/url-insecure', 1, 10_400_017]]);
  assert.deepEqual(at('deep.js').map((d) => d[0]), ['wxnet/js-syntax']);
  assert.deepEqual(at('bin.js').map((d) => d[0]), ['wxnet/js-syntax']);
  assert.deepEqual(at('utf8.js').map((d) => d[0]), ['wxnet/url-insecure']);
  assert.deepEqual(at('app.json'), [['wxnet/no-domains', 1, 1], ['wxnet/json-syntax', 1, 20]]);
  const root = process.getuid?.() === 0;
  assert.equal(r.code, root ? 1 : 2, 'an unreadable file is an input error (root reads everything)');
  if (!root) assert.match(r.err, /cannot read secret\.js/);
  assert.ok(Date.now() - started < 20_000);
});

test('rule 12: the shipped wxnet.config.schema.json agrees with the linter on what a config may hold', async () => {
  const { default: Ajv } = await import('ajv');
  const schema = JSON.parse(readFileSync(join(repoRoot, 'pkg/lint/wxnet.config.schema.json'), 'utf8'));
  const exported = JSON.parse(readFileSync(join(repoRoot, 'pkg/package.json'), 'utf8')).exports['./wxnet.config.schema.json'];
  assert.equal(exported, './lint/wxnet.config.schema.json');
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const configs = [
    [true, readFileSync(join(example, 'wxnet.config.json'), 'utf8')],
    [true, '{ "domains": { "requestdomain": ["https://api.example.com"], "tcpdomain": ["t.example.com:9000"] }, "ignore": ["dist/"], "rules": { "wxnet/socket-target": "warn" } }'],
    [false, '{ "domain": "domains.json" }'],
    [true, '{ "lan": "192.168.1.10" }'],
    [false, '{ "lan": "192.168.1.10 /24" }'],
    [false, '{ "rules": { "wxnet/url-insecure": "fatal" } }'],
    [false, '{ "ignore": "dist/" }'],
    [true, '{ "extraCallees": ["http.get"] }'],
    [true, '{ "extraCallees": { "api.upload": "uploadFile" } }'],
    [false, '{ "extraCallees": { "api.upload": "upload" } }'],
  ];
  for (const [valid, text] of configs) {
    assert.equal(validate(JSON.parse(text)), valid, `schema on ${text}: ${JSON.stringify(validate.errors)}`);
    const report = tools.lintProject({ 'wxnet.config.json': text, 'domains.json': '{}' });
    const problems = report.diagnostics.filter((d) => d.code === 'wxnet/lint-config');
    assert.equal(problems.length === 0, valid, `linter on ${text}: ${problems.map((d) => d.message)}`);
  }
  const pattern = new RegExp(schema.properties.rules.propertyNames.pattern);
  const codes = readFileSync(join(repoRoot, 'pkg/core/types.generated.d.ts'), 'utf8').match(/'wxnet\/[a-z-]+'/g);
  assert.ok(codes.length > 30 && codes.every((code) => pattern.test(code.slice(1, -1))), 'every rule code fits the schema');
});
