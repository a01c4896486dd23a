// Builds pkg/ (the publishable npm package) from scratch, one script per artefact:
//   scripts/build/wasm.mjs        crates/wxnet-wasm -> cargo (wasm32) -> wasm-bindgen -> wasm-opt
//   scripts/build/tools-wasm.mjs  crates/wxnet-tools-wasm, the same way (the tools module)
//   scripts/build/package.mjs     pkg/ assembled from pkg-template/ plus both wasm artefacts
// `--if-stale` skips the build when pkg/ is newer than every input.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildWasm, log, root } from './build/wasm.mjs';
import { assemblePackage } from './build/package.mjs';
import { buildToolsWasm } from './build/tools-wasm.mjs';

const at = (...parts) => join(root, ...parts);

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const inputs = ['src', 'crates', 'pkg-template', 'docs/RULES.md', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs',
  'scripts/build', 'package.json'].map((p) => at(p));
if (process.argv.includes('--if-stale') && existsSync(at('pkg/wxnet_bg.wasm'))) {
  const built = statSync(at('pkg/wxnet_bg.wasm')).mtimeMs;
  if (Math.max(...inputs.filter(existsSync).map(newestMtime)) < built) {
    log('pkg/ is up to date');
    process.exit(0);
  }
}

// Everything is made in a private folder and moved into place at the end, so that a
// test reading pkg/ never sees a half-built package.
const work = `build/${process.pid}`;
rmSync(at(work), { recursive: true, force: true });
buildWasm(`${work}/bindgen`);
buildToolsWasm(`${work}/tools`);
const size = assemblePackage(`${work}/bindgen`, `${work}/tools`, at(work, 'pkg'));
rmSync(at('pkg'), { recursive: true, force: true });
renameSync(at(work, 'pkg'), at('pkg'));
rmSync(at(work), { recursive: true, force: true });
log(`pkg/ ready: wxnet_bg.wasm ${size.runtime} bytes, wxnet_tools_bg.wasm ${size.tools} bytes`);
