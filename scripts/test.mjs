// Runs every test suite in order; stops at the first failing one.
//   0. cargo fmt --check and cargo clippy --all-targets -D warnings (the native core)
//   1. cargo test: the Rust core, natively (unit, rule and property tests)
//   2. node --test tests/**/*.test.mjs: the npm package through pkg/ (built by `npm run build`)
// Arguments narrow step 2 to some files: `node scripts/test.mjs tests/referer.test.mjs`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

function step(title, command, args) {
  console.log(`\n[test] ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[test] ${title}: failed`);
    process.exit(result.status ?? 1);
  }
}

if (only.length === 0) {
  step('cargo fmt --check (rustfmt.toml)', 'cargo', ['fmt', '--check']);
  step('cargo clippy --all-targets -D warnings (native)', 'cargo', ['clippy', '--all-targets', '--quiet', '--', '-D', 'warnings']);
  step('cargo test (Rust core, native)', 'cargo', ['test', '--quiet']);
}
/** Test files under `dir`, at any depth; fixture projects and their node_modules are not tests. */
function testFiles(dir) {
  return readdirSync(`${root}/${dir}`, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['node_modules', 'fixtures'].includes(entry.name) || entry.name.startsWith('.') ? [] : testFiles(path);
    return entry.name.endsWith('.test.mjs') ? [path] : [];
  }).sort();
}
const files = only.length > 0 ? only : testFiles('tests');
step(`node --test (${files.length} files)`, process.execPath, ['--test', '--test-concurrency=2', ...files]);
