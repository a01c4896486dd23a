// Writes the JS/TS files generated from the core's tables (pkg-template/core/*.generated.*):
// `node scripts/codegen.mjs`. `cargo test` fails while a committed one is stale.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('cargo', ['run', '--quiet', '-p', 'wxnet-codegen', '--', root], { cwd: root, stdio: 'inherit' });
