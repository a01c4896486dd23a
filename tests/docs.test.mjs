// The documentation a user reads: the package ships its own README (for people who
// install it) with the rules it cites, and every relative link, in the package and in
// the repository, leads to a file that exists there. Nothing refers to files outside
// the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './helpers/browser.mjs';

/** Relative link targets of a markdown text: `[text](target)` without a scheme or an anchor only. */
function relativeLinks(markdown) {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

test('the package README is written for people who install it, and its links resolve inside the tarball', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(repoRoot, 'pkg'), encoding: 'utf8' }))[0];
  const files = new Set(packed.files.map((file) => file.path));
  assert.ok(files.has('README.md') && files.has('RULES.md'), [...files].join(', '));
  const readme = readFileSync(join(repoRoot, 'pkg/README.md'), 'utf8');
  assert.match(readme, /npm install wxnet/);
  for (const repositoryOnly of ['npm start', 'npm test', '../shared', 'docs/', 'pkg-template']) {
    assert.ok(!readme.includes(repositoryOnly), `the package README mentions ${repositoryOnly}`);
  }
  for (const target of relativeLinks(readme)) assert.ok(files.has(target), `pkg/README.md links ${target}, which is not in the package`);
});

test('every relative link in the repository\'s markdown resolves, and no tracked file refers to ../shared', () => {
  const tracked = execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
  // pkg-template/README.md is checked against the tarball above; docs/RULES.md and DESIGN.md cite sources, not files.
  const checked = (name) => name.endsWith('.md') && !['pkg-template/README.md', 'docs/RULES.md', 'docs/DESIGN.md'].includes(name);
  for (const file of tracked.filter(checked)) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    for (const target of relativeLinks(text)) {
      assert.ok(existsSync(join(repoRoot, dirname(file), target)), `${file} links ${target}, which does not exist`);
    }
  }
  const mentions = tracked.filter((file) => !file.startsWith('tests/docs.test.mjs') && existsSync(join(repoRoot, file))
    && readFileSync(join(repoRoot, file), 'utf8').includes('../shared'));
  assert.deepEqual(mentions, []);
});
