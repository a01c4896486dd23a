// Runs every test suite in order; stops at the first failing one.
//   0. cargo fmt --check over the workspace; cargo clippy --workspace --all-targets -D warnings
//      natively (the core with every feature and with none, the bindings crate, the codegen);
//      clippy for the bindings crate on wasm32-unknown-unknown (Debian's clippy, the std
//      built from source as for the build)
//   1. cargo test: the Rust core natively (unit, rule and property tests), and the codegen's
//      check that the committed generated JS/TS files are up to date
//   2. node --test tests/**/*.test.mjs: the npm package through pkg/ (built by `npm run build`)
// Arguments narrow step 2 to some files: `node scripts/test.mjs tests/referer.test.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wasmCargoArgs, wasmCargoEnv } from './build/wasm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

function step(title, command, args, env = {}) {
  console.log(`\n[test] ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[test] ${title}: failed`);
    process.exit(result.status ?? 1);
  }
}

const deny = ['--', '-D', 'warnings'];
if (only.length === 0) {
  step('cargo fmt --check (workspace, rustfmt.toml)', 'cargo', ['fmt', '--all', '--check']);
  step('cargo clippy --workspace --all-targets -D warnings (native)', 'cargo',
    ['clippy', '--workspace', '--all-targets', '--quiet', ...deny]);
  step('cargo clippy -p wxnet --no-default-features -D warnings (the core without body/detect)', 'cargo',
    ['clippy', '-p', 'wxnet', '--no-default-features', '--all-targets', '--quiet', ...deny]);
  // The bindings crate as the browser gets it: wasm32 has no prebuilt std here, so this is
  // Debian's clippy (rust-web-clippy, matching Debian's rustc) with -Zbuild-std, as the build.
  // Called by its path, with Debian's cargo, so that rustup's clippy (another rustc) is never picked.
  const debianClippy = '/usr/bin/cargo-clippy';
  if (!existsSync(debianClippy)) {
    console.error(`[test] ${debianClippy} missing: run scripts/setup.sh (Debian package rust-web-clippy)`);
    process.exit(1);
  }
  for (const crate of ['wxnet-wasm', 'wxnet-tools-wasm']) {
    step(`cargo clippy -p ${crate} --target wasm32-unknown-unknown -D warnings (Debian clippy)`, debianClippy,
      ['clippy', '-p', crate, '--quiet', ...wasmCargoArgs, ...deny], { ...wasmCargoEnv(), CARGO: '/usr/bin/cargo' });
  }
  step('cargo test --workspace (Rust core and codegen, native)', 'cargo', ['test', '--workspace', '--quiet']);
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
