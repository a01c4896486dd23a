// `npm start`: the main job on the bundled example — the wxnet CLI over
// examples/referers.txt — then serves the in-browser tool (www/) on 127.0.0.1.
// `--no-serve` stops after the CLI run (used by the tests).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/helpers/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (args) => {
  console.log(`\n$ wxnet ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`);
  spawnSync(process.execPath, [`${root}/pkg/cli.mjs`, ...args], { stdio: 'inherit' });
};

const referers = readFileSync(`${root}/examples/referers.txt`, 'utf8').split('\n').filter(Boolean);
cli(['referer', ...referers]);
cli(['referer', '--appid', 'wx0123456789abcdef', '--version', '12']);

if (!process.argv.includes('--no-serve')) {
  const port = Number(process.env.PORT ?? 5173);
  const server = await serveStatic(root, {}, port);
  console.log(`\nThe in-browser tool: ${server.origin}/www/   (Ctrl-C stops it)`);
}
