// explainErrMsg and `wxnet explain` as a user sees them: every errMsg shape of
// RULES.md §15 through the built package and the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './helpers/browser.mjs';

const wxnet = await import(join(repoRoot, 'pkg/tools-node.mjs'));
const cli = (...args) => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'pkg/cli.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// [text, key, errno, net error code]
const SHAPES = [
  ['request:fail -202:net::ERR_CERT_AUTHORITY_INVALID', 'certificate', 600001, -202],
  ['request:fail errcode:-202 cronet_error_code:-202 error_msg:net::ERR_CERT_AUTHORITY_INVALID', 'certificate', 600001, -202],
  ['{"errno":600001,"errMsg":"request:fail errcode:-200 cronet_error_code:-200 error_msg:net::ERR_CERT_COMMON_NAME_INVALID"}', 'certificate', 600001, -200],
  ['request:fail -201:net::ERR_CERT_DATE_INVALID', 'certificate', 600001, -201],
  ['request:fail -113:net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'certificate', 600001, -113],
  ['request:fail -105:net::ERR_NAME_NOT_RESOLVED', 'network', undefined, -105],
  ['request:fail url not in domain list', 'url-not-in-domain-list', 600002, undefined],
  ['createSocketTask:fail url not in domain list', 'url-not-in-domain-list', 600002, undefined],
  ['request:fail invalid url "ftp://a.com/x"', 'invalid-url', 600009, undefined],
  ['request:fail redirect url not in domain list:evil.com', 'redirect-not-in-domain-list', undefined, undefined],
  ['request:fail exceed max task count', 'exceed-max-task-count', 600007, undefined],
  ['request:fail interrupted', 'interrupted', 600003, undefined],
  ['request:fail timeout', 'timeout', undefined, undefined],
  ['request:fail abort', 'abort', undefined, undefined],
  ['request:fail parameter error: parameter.url should be String instead of Undefined;', 'parameter-error', 1001, undefined],
  ['request:fail ssl hand shake error', 'certificate', 600001, undefined],
  ['connectSocket:fail open fail: _code:8,_msg:TLS handshake failed', 'certificate', 600001, undefined],
  ['request:fail 小程序要求的 TLS 版本必须大于等于 1.2', 'tls-version', undefined, undefined],
  ['600002', 'url-not-in-domain-list', 600002, undefined],
  ['request:fail UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate', 600001, -202],
];

test('rule 15: every errMsg shape is explained with its key, errno and net error', () => {
  for (const [text, key, errno, code] of SHAPES) {
    const e = wxnet.explainErrMsg(text);
    assert.equal(e.key, key, text);
    assert.equal(e.errno, errno, text);
    assert.equal(e.netError?.code, code, text);
    assert.ok(e.title && e.causes.length > 0 && e.fixes.length > 0, text);
  }
  assert.equal(wxnet.explainErrMsg('createSocketTask:fail url not in domain list').api, 'createSocketTask');
  assert.equal(wxnet.explainErrMsg('request:fail -202:net::ERR_CERT_AUTHORITY_INVALID').next, 'wxnet doctor <host>');
});

test('rule 15: unknown text is a result, not a throw; a non-string is arg/type', () => {
  for (const text of ['', 'what is this', '{"errMsg":', '\u{1F600}\uD800']) assert.equal(wxnet.explainErrMsg(text).key, 'unknown');
  assert.throws(() => wxnet.explainErrMsg(42), (e) => e instanceof wxnet.WxnetError && e.code === 'arg/type');
});

test('rule 15: wxnet explain prints the cause and the fix, --json the object; exit 1 for unknown text', () => {
  const human = cli('explain', 'request:fail -202:net::ERR_CERT_AUTHORITY_INVALID');
  assert.equal(human.code, 0, human.err);
  assert.match(human.out, /The certificate is not trusted \(-202 CERT_AUTHORITY_INVALID\)/);
  assert.match(human.out, /Fixes:\n {2}- Serve the full chain/);
  assert.match(human.out, /Next: wxnet doctor <host>/);
  const json = cli('explain', '--json', '600002');
  assert.equal(JSON.parse(json.out).key, 'url-not-in-domain-list');
  assert.equal(cli('explain', 'gibberish').code, 1);
  assert.equal(cli('explain').code, 2);
});
