// The wx shim's types against the platform's own (miniprogram-api-typings): tsc must
// accept assigning every member to `WechatMiniprogram.Wx[...]` and platform-typed
// calls, and must reject the misuse marked with @ts-expect-error in assign.ts; and
// `wxnet/tools`' lintProject as a TypeScript user calls it (tools.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/browser.mjs';

const tsc = join(repoRoot, 'node_modules/.bin/tsc');
const project = join(repoRoot, 'tests/wx-types');

function compile(dir) {
  try {
    execFileSync(tsc, ['-p', join(dir, 'tsconfig.json'), '--noEmit'], { cwd: dir, stdio: 'pipe' });
    return '';
  } catch (error) {
    return error.stdout.toString() || error.stderr.toString() || String(error);
  }
}

test('types: every wx member is assignable to WechatMiniprogram.Wx, platform-typed code and lintProject code compile', () => {
  assert.equal(compile(project), '');
});

test('types: a wrong assignment is a type error (the check above can fail)', () => {
  const dir = mkdtempSync(join(project, '.tmp-'));
  try {
    const source = readFileSync(join(project, 'assign.ts'), 'utf8')
      .replace("const request: WechatMiniprogram.Wx['request'] = wx.request;", "const request: WechatMiniprogram.Wx['request'] = wx.uploadFile;");
    writeFileSync(join(dir, 'assign.ts'), source);
    const config = JSON.parse(readFileSync(join(project, 'tsconfig.json'), 'utf8'));
    config.compilerOptions.typeRoots = ['../../../node_modules'];
    config.compilerOptions.paths = { wxnet: ['../../../pkg/index.d.ts'] };
    config.files = ['assign.ts'];
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    assert.match(compile(dir), /assign\.ts\(\d+,\d+\): error TS2322/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
