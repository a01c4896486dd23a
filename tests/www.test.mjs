// The in-browser tool (www/) in real Chromium, and `npm start`'s CLI run on the bundled example.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, repoRoot, serveStatic } from './helpers/browser.mjs';

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await serveStatic(repoRoot);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openTool() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${server.origin}/www/`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

test('www: the Referer tool explains a valid Referer and names the wrong part of a bad one', async () => {
  const { page, errors } = await openTool();
  assert.match(await page.textContent('#referer-output'), /AppID wx0123456789abcdef\s+released version 12/);
  await page.fill('#referer-input', 'https://servicewechat.com/wx0123456789abcdef/01/page-frame.html');
  assert.match(await page.textContent('#referer-output'), /leading zero[\s\S]*\[referer\/version\]/);
  assert.equal(await page.getAttribute('#referer-output', 'class'), 'error');
  await page.fill('#build-version', '3');
  assert.equal(await page.textContent('#build-output'), 'https://servicewechat.com/touristappid/3/page-frame.html');
  assert.deepEqual(errors, []);
  await page.close();
});

test('npm start runs the CLI over the bundled example Referers', () => {
  const output = execFileSync(process.execPath, ['scripts/start.mjs', '--no-serve'], { cwd: repoRoot }).toString();
  assert.match(output, /ok {4}https:\/\/servicewechat\.com\/wx0123456789abcdef\/12\/page-frame\.html\n {6}appid wx0123456789abcdef, release 12/);
  assert.match(output, /has upper-case hex digits; AppIDs are lower case \[referer\/appid\]/);
  assert.match(output, /\[referer\/host\]/);
});

test('www: the URL tool lints the domain JSON and gives the errMsg the phone would give', async () => {
  const { page, errors } = await openTool();
  const lint = await page.textContent('#domains-output');
  assert.match(lint, /\/requestdomain\/2 .*\[wxnet\/domain-scheme\]/);
  assert.match(lint, /\[wxnet\/domain-forbidden\]/);
  assert.equal(await page.getAttribute('#domains-output', 'class'), 'error');
  // rule 1: a port written out (even the default 443) fails against an entry without one.
  assert.match(await page.textContent('#check-output'), /refused \(port\)[\s\S]*errMsg: request:fail url not in domain list\nerrno: 600002/);
  await page.fill('#check-url', 'https://api.example.com/v1/user');
  assert.match(await page.textContent('#check-output'), /allowed \(listed\)[\s\S]*errMsg: request:ok/);
  // rule 2: a LAN peer is allowed over plain http once the phone's IP is known.
  await page.fill('#check-url', 'http://192.168.1.20:8080/');
  assert.match(await page.textContent('#check-output'), /refused/);
  await page.fill('#check-lan', '192.168.1.10/24');
  assert.match(await page.textContent('#check-output'), /allowed \(lan\)/);
  await page.fill('#domains-input', '{ "requestdomain": [');
  assert.match(await page.textContent('#domains-output'), /not valid JSON[\s\S]*\[www\/json\]/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('npm start runs wxnet check over the bundled example domains', () => {
  const output = execFileSync(process.execPath, ['scripts/start.mjs', '--no-serve'], { cwd: repoRoot }).toString();
  assert.match(output, /fail {2}https:\/\/api\.example\.com:443\/v1\/user\n {6}port: request:fail url not in domain list \(errno 600002\)/);
  assert.match(output, /ok {4}http:\/\/192\.168\.1\.20:8080\/\n {6}lan: request:ok/);
});

test('rule 15: www explains a pasted errMsg, offline in the page', async () => {
  const { page, errors } = await openTool();
  assert.match(await page.textContent('#explain-output'), /The certificate is not trusted \(-202 CERT_AUTHORITY_INVALID\)[\s\S]*errno 600001[\s\S]*Next: wxnet doctor/);
  await page.fill('#explain-input', '{"errno":600002,"errMsg":"request:fail url not in domain list"}');
  assert.match(await page.textContent('#explain-output'), /not in the server domain list[\s\S]*key url-not-in-domain-list/);
  await page.fill('#explain-input', 'something else');
  assert.equal(await page.getAttribute('#explain-output', 'class'), 'error');
  assert.deepEqual(errors, []);
  await page.close();
});

test('rule 11: www checks a pasted chain per platform, offline in the page (the fixture matrix in Chromium)', async () => {
  const { page, errors } = await openTool();
  const fixture = (name) => readFileSync(join(repoRoot, 'tests/data/tls', `${name}.chain.pem`), 'utf8');
  await page.fill('#chain-now', '2026-01-15');
  await page.fill('#chain-roots', readFileSync(join(repoRoot, 'tests/data/tls/root.pem'), 'utf8'));
  const cases = [
    ['good', /ios +pass\nandroid +pass\ndevtools +pass/],
    ['leafonly', /android +fail: request:fail -202:net::ERR_CERT_AUTHORITY_INVALID[\s\S]*block chain\.complete \[android\]/],
    ['expired', /ios +fail: request:fail -201:net::ERR_CERT_DATE_INVALID/],
    ['selfsigned', /ios +fail: request:fail -202:net::ERR_CERT_AUTHORITY_INVALID[\s\S]*cert\.selfsigned/],
    ['sha1inter', /android +fail: request:fail -208:net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM/],
    ['nosan', /ios +fail: request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID/],
    ['noeku', /android +fail: request:fail -207:net::ERR_CERT_INVALID/],
    ['rsa1024', /ios +fail: request:fail -207:net::ERR_CERT_INVALID\nandroid +pass/],
  ];
  for (const [name, expected] of cases) {
    await page.fill('#chain-input', fixture(name));
    assert.match(await page.textContent('#chain-output'), expected, name);
  }
  await page.fill('#chain-input', 'not a certificate');
  assert.match(await page.textContent('#chain-output'), /\[tls\/chain\]/);
  assert.deepEqual(errors, []);
  await page.close();
});


test('rule 13: www: Lint a project lints a picked folder in the page, groups by file, filters and downloads', async () => {
  const { page, errors } = await openTool();
  await page.waitForSelector('body[data-lint-loaded="true"]');
  await page.setInputFiles('#lint-folder', `${repoRoot}/examples/lint-project`);
  await page.waitForSelector('body[data-lint-ready="true"]');
  const files = await page.$$eval('.lint-file summary', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(files.some((f) => f.startsWith('miniprogram/pages/index/index.js')), files.join('\n'));
  assert.ok(files.some((f) => f.startsWith('project.config.json')));
  const summary = await page.textContent('#lint-summary');
  assert.match(summary, /\d+ errors, \d+ warnings, \d+ infos in \d+ files/);
  await page.selectOption('#lint-severity', 'info');
  const severities = await page.$$eval('.lint-item', (nodes) => nodes.map((n) => n.className));
  assert.ok(severities.length > 0 && severities.every((c) => c.endsWith('info')), severities.join());
  await page.selectOption('#lint-severity', 'all');
  await page.selectOption('#lint-code', 'wxnet/url-forbidden-host');
  const frame = await page.textContent('.lint-item pre');
  assert.match(frame, /api\.weixin\.qq\.com[^\n]*\n\s*\^+/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lint-download-sarif')]);
  assert.equal(download.suggestedFilename(), 'wxnet-lint.sarif');
  assert.deepEqual(errors, []);
  await page.close();
});

test('rule 12: npm start lints the bundled example project and shows the report', () => {
  const output = execFileSync(process.execPath, ['scripts/start.mjs', '--no-serve'], { cwd: repoRoot }).toString();
  assert.match(output, /\$ wxnet lint examples\/lint-project/);
  assert.match(output, /project\.config\.json:2:12 {2}error {2}appid "wx123"/);
  assert.match(output, /problems \(\d+ errors, \d+ warnings, \d+ infos?\) in \d+ files/);
});
