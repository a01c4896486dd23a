// The tools wasm artefact: crates/wxnet-tools-wasm, built like the runtime module
// (scripts/build/wasm.mjs), into `<outDir>/wxnet_tools.js` and `<outDir>/wxnet_tools_bg.wasm`.
// Loaded only by `wxnet/tools` (the CLI, the build plugin, the doctor, www/).
// Run alone: `node scripts/build/tools-wasm.mjs [outDir]` (default build/tools-wasm).
import { fileURLToPath } from 'node:url';
import { buildWasmArtefact } from './wasm.mjs';

export function buildToolsWasm(outDir) {
  buildWasmArtefact('wxnet-tools-wasm', 'wxnet_tools', outDir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildToolsWasm(process.argv[2] ?? 'build/tools-wasm');
