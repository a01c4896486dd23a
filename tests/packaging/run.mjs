// Runs packaging cases by name, after `node scripts/build.mjs`:
//   node tests/packaging/run.mjs            every case
//   node tests/packaging/run.mjs vite slim  those two
// A failing case keeps its project in tests/packaging/.work/<name> and says so.
import { CASES, openSuite, runCase } from './harness.mjs';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in CASES));
if (unknown.length > 0) {
  console.error(`unknown case ${unknown.join(', ')}; the cases: ${Object.keys(CASES).join(', ')}`);
  process.exit(2);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const started = performance.now();
const suite = await openSuite();
console.log(`packed ${suite.tarball} in ${seconds(performance.now() - started)}`);
let failed = 0;
try {
  for (const name of names.length > 0 ? names : Object.keys(CASES)) {
    const caseStarted = performance.now();
    try {
      const timings = await runCase(name, suite);
      const phases = Object.entries(timings).map(([phase, ms]) => `${phase} ${seconds(ms)}`).join(', ');
      console.log(`ok    ${name.padEnd(10)} ${seconds(performance.now() - caseStarted).padStart(6)}  (${phases})`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${name.padEnd(10)} ${seconds(performance.now() - caseStarted).padStart(6)}`);
      console.error(error);
    }
  }
} finally {
  await suite.close();
}
console.log(`${failed === 0 ? 'all passed' : `${failed} failed`} in ${seconds(performance.now() - started)}`);
process.exitCode = failed === 0 ? 0 : 1;
