// `npm run bench`: runs every bench/*.bench.mjs in one process, in name order,
// or the files named on the command line.
import { readdirSync } from 'node:fs';
import { results } from './harness.mjs';

const dir = new URL('.', import.meta.url);
const files = process.argv.slice(2).length > 0
  ? process.argv.slice(2).map((f) => new URL(f, `file://${process.cwd()}/`))
  : readdirSync(dir).filter((f) => f.endsWith('.bench.mjs')).sort().map((f) => new URL(f, dir));
for (const file of files) {
  console.log(`\n== ${file.pathname.split('/').pop()}`);
  await import(file);
}
const missed = results().filter((row) => !row.met);
console.log(`\n${results().length} comparisons, ${missed.length} below target${missed.length ? ': ' + missed.map((r) => r.name).join(', ') : ''}`);
