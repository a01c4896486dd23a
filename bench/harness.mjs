// Side-by-side benchmarks: a baseline and wxnet run interleaved in the same process,
// several rounds each, and the ratio of their best rounds is reported. Ratios, not
// absolute times, are what the README quotes: they hold across machines.

const ROUNDS = Number(process.env.WXNET_BENCH_ROUNDS ?? 7);
const rows = [];

/** Runs `fn` repeatedly for about `ms` milliseconds; returns operations per second. */
async function throughput(fn, ms) {
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    ops += await fn();
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

/**
 * Compares `candidate` against `baseline`. Each is `() => number | Promise<number>`
 * returning how many operations one call did. `target` is the ratio wxnet must reach
 * (candidate ops/s ÷ baseline ops/s); `unit` names one operation.
 */
export async function compare({ name, baseline, candidate, target, unit = 'op', ms = 300 }) {
  await throughput(baseline, 50); // warm up both before measuring
  await throughput(candidate, 50);
  let bestBaseline = 0;
  let bestCandidate = 0;
  for (let round = 0; round < ROUNDS; round++) {
    bestBaseline = Math.max(bestBaseline, await throughput(baseline, ms));
    bestCandidate = Math.max(bestCandidate, await throughput(candidate, ms));
  }
  const ratio = bestCandidate / bestBaseline;
  const row = { name, unit, baseline: bestBaseline, candidate: bestCandidate, ratio, target, met: target === undefined || ratio >= target };
  rows.push(row);
  console.log(
    `${name.padEnd(48)} baseline ${fmt(bestBaseline)} ${unit}/s   wxnet ${fmt(bestCandidate)} ${unit}/s   ` +
    `ratio ${ratio.toFixed(2)}×${target === undefined ? '' : `  (target ≥ ${target}× ${row.met ? 'met' : 'MISSED'})`}`);
  return row;
}

/** Records a plain measurement (sizes, init times) in the same report. */
export function record(name, value) {
  console.log(`${name.padEnd(48)} ${value}`);
}

export function results() {
  return rows;
}

function fmt(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(1);
}

/** Runs `one` (async) `count` times, `concurrency` at a time; returns `count` (ops for compare). */
export async function concurrently(count, concurrency, one) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count;
}
