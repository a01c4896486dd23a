// `npm start`: the main job on the bundled example — the wxnet CLI over
// examples/referers.txt, examples/domains.json and the example project examples/lint-project — then serves the in-browser tool (www/) on 127.0.0.1.
// `--no-serve` stops after the CLI run (used by the tests).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './lib/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (args) => {
  console.log(`\n$ wxnet ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`);
  spawnSync(process.execPath, [`${root}/pkg/cli.mjs`, ...args], { stdio: 'inherit', cwd: root });
};

const referers = readFileSync(`${root}/examples/referers.txt`, 'utf8').split('\n').filter(Boolean);
cli(['referer', ...referers]);
cli(['referer', '--appid', 'wx0123456789abcdef', '--version', '12']);
cli(['check', '--domains', 'examples/domains.json', 'https://api.example.com/v1/user', 'https://api.example.com:443/v1/user',
  'https://api.example.com@evil.example/', 'http://192.168.1.20:8080/', '--lan', '192.168.1.10/24']);
cli(['lint', 'examples/lint-project']);

if (!process.argv.includes('--no-serve')) {
  const port = Number(process.env.PORT ?? 5173);
  const server = await serveStatic(root, {}, port);
  console.log(`\nThe in-browser tool: ${server.origin}/www/   (Ctrl-C stops it)`);
}
