// The runtime wasm artefact: crates/wxnet-wasm -> cargo (wasm32, std built from
// source) -> wasm-bindgen --target web -> wasm-opt -Oz, into `<outDir>/wxnet.js` and
// `<outDir>/wxnet_bg.wasm` (the names the package's glue imports). The same steps make
// the tools module (scripts/build/tools-wasm.mjs).
// Run alone: `node scripts/build/wasm.mjs [outDir]` (default build/wasm).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const log = (message) => console.log(`[build] ${message}`);

// Debian's rustc 1.96 with std built from its source (see TOOLCHAIN.md); the same
// settings serve `cargo build` here and the wasm32 clippy of scripts/test.mjs.
export const WASM_TARGET = 'wasm32-unknown-unknown';
export const WASM_TARGET_DIR = 'target/wasm';
export const wasmCargoEnv = () => ({
  PATH: `/usr/bin:${process.env.PATH}`,
  RUSTC: '/usr/bin/rustc',
  RUSTC_BOOTSTRAP: '1',
  // wasm SIMD (every current browser, Node >= 16.4): encoding_rs and simdutf8 use it,
  // which makes legacy decoding about 20 % faster. A panic aborts at once, without
  // formatting a message: the core never panics on input (every entry point is fuzzed),
  // and the message machinery was 32 KB of the runtime module. A trap still surfaces
  // as a WxnetError (core/errors.mjs).
  RUSTFLAGS: '-C target-feature=+simd128 -Zunstable-options -C panic=immediate-abort',
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER: '/usr/lib/llvm-19/bin/wasm-ld',
});
export const wasmCargoArgs = ['--target', WASM_TARGET, '-Zbuild-std=std,panic_abort', '--target-dir', WASM_TARGET_DIR];

export function run(command, args, env = {}) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

/**
 * Builds the cdylib `crate` for wasm32 and writes `<outDir>/<name>.js` and
 * `<outDir>/<name>_bg.wasm`.
 */
export function buildWasmArtefact(crate, name, outDir) {
  log(`cargo build -p ${crate} (wasm32-unknown-unknown, release)`);
  run('/usr/bin/cargo', ['build', '--release', '-p', crate, '--lib', ...wasmCargoArgs], wasmCargoEnv());

  // --target web: one ESM glue with initSync/init that every entry shares.
  log(`wasm-bindgen --target web (${name})`);
  run('wasm-bindgen', [
    `${WASM_TARGET_DIR}/${WASM_TARGET}/release/${crate.replaceAll('-', '_')}.wasm`,
    '--target', 'web', '--omit-default-module-path', '--out-dir', outDir, '--out-name', name,
  ]);

  // Size. The features listed are the ones rustc emits by default for wasm32, plus SIMD.
  log(`wasm-opt -Oz (${name})`);
  run(join(root, 'node_modules/.bin/wasm-opt'), [
    `${outDir}/${name}_bg.wasm`, '-Oz', '-o', `${outDir}/${name}_bg.wasm`,
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--enable-simd',
  ]);
}

/** The runtime module: what every entry of the package loads. */
export function buildWasm(outDir) {
  buildWasmArtefact('wxnet-wasm', 'wxnet', outDir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildWasm(process.argv[2] ?? 'build/wasm');
