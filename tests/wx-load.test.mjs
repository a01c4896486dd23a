// Load test: 5,000 wx calls (request, downloadFile, uploadFile) with random aborts,
// timeouts and server resets against a real 127.0.0.1 server. Checks the contract
// that must hold under any interleaving: exactly one of success/fail and exactly one
// complete per call, in-flight never above the limits, and memory that settles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWx } from '../pkg/node.mjs';
import { startHttpServer } from './helpers/wx-servers.mjs';
import { seededRandom as random } from './helpers/random.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

let server;
before(async () => { server = await startHttpServer(); });
after(() => server.close());

async function settledHeap() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return process.memoryUsage().heapUsed;
}

async function runLoad({ wx, runtime, calls, seed, filePath, limits }) {
  const next = random(seed);
  const records = [];
  let peak = { request: 0, uploadFile: 0, downloadFile: 0 };
  const sample = () => {
    const live = runtime.inFlight();
    for (const api of Object.keys(peak)) peak[api] = Math.max(peak[api], live[api]);
    for (const api of Object.keys(peak)) assert.ok(live[api] <= limits[api], `${api} in flight ${live[api]} > ${limits[api]}`);
  };
  const stop = runtime.onEvent(sample);
  const done = [];
  for (let i = 0; i < calls; i++) {
    const roll = next();
    const api = roll < 0.7 ? 'request' : roll < 0.85 ? 'downloadFile' : 'uploadFile';
    const kind = next();
    const path = kind < 0.12 ? '/reset' : kind < 0.2 ? '/slow?ms=60' : kind < 0.3 ? '/status?code=500' : api === 'downloadFile' ? '/bytes?n=2048' : '/status?code=200';
    const record = { api, path, success: 0, fail: 0, complete: 0, order: [] };
    records.push(record);
    done.push(new Promise((resolve) => {
      const option = {
        url: `${server.origin}${api === 'uploadFile' && path.startsWith('/status') ? '/upload' : path}`,
        timeout: kind >= 0.16 && kind < 0.2 ? 20 : undefined, // some of the slow ones time out
        success: () => { record.success++; record.order.push('success'); sample(); },
        fail: (result) => { record.fail++; record.order.push('fail'); record.errMsg = result.errMsg; sample(); },
        complete: () => { record.complete++; record.order.push('complete'); setTimeout(resolve, 0); },
      };
      if (api === 'uploadFile') Object.assign(option, { filePath, name: 'f' });
      const task = wx[api](option);
      if (next() < 0.1) setTimeout(() => task.abort(), Math.floor(next() * 30));
    }));
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0)); // let the event loop breathe
  }
  await Promise.all(done);
  await new Promise((resolve) => setTimeout(resolve, 100)); // a late duplicate callback would land here
  stop();
  return { records, peak };
}

test('load: 5,000 calls with aborts, timeouts and resets: one result and one complete each, limits held, memory settles', { timeout: 120_000 }, async () => {
  const limits = { request: 10, uploadFile: 10, downloadFile: 10 };
  const { wx, runtime } = createWx({ urlCheck: false, overLimit: 'queue' });
  const filePath = await runtime.fileStore.save(new Uint8Array(4096).fill(1));
  const started = performance.now();
  await runLoad({ wx, runtime, calls: 500, seed: 1, filePath, limits }); // warm-up: JIT, sockets, buffers
  const heapBefore = await settledHeap();
  server.stats.maxLive = 0;
  const { records, peak } = await runLoad({ wx, runtime, calls: 5000, seed: 42, filePath, limits });
  const heapAfter = await settledHeap();
  const seconds = (performance.now() - started) / 1000;

  for (const record of records) {
    assert.equal(record.success + record.fail, 1, `${record.api} ${record.path}: ${record.order.join(',')}`);
    assert.equal(record.complete, 1, `${record.api} ${record.path}: ${record.order.join(',')}`);
    assert.equal(record.order.at(-1), 'complete');
  }
  const outcomes = { success: 0, abort: 0, timeout: 0, other: 0 };
  for (const record of records) {
    if (record.success) outcomes.success++;
    else if (/:fail abort$/.test(record.errMsg)) outcomes.abort++;
    else if (/:fail timeout$/.test(record.errMsg)) outcomes.timeout++;
    else outcomes.other++;
  }
  // Every kind of ending really happened, so the contract was checked under each of them.
  assert.ok(outcomes.abort > 50 && outcomes.timeout > 50 && outcomes.other > 200 && outcomes.success > 2500, JSON.stringify(outcomes));
  assert.ok(records.filter((r) => r.path === '/reset').every((r) => r.fail === 1), 'a reset (no response) never succeeds');
  assert.deepEqual(peak, limits, 'each API reached its limit and never went above it');
  assert.ok(server.stats.maxLive <= 30, `the server saw ${server.stats.maxLive} requests at once`);
  assert.deepEqual(runtime.inFlight(), { request: 0, uploadFile: 0, downloadFile: 0, connectSocket: 0 });
  assert.deepEqual(runtime.queued(), { request: 0, uploadFile: 0, downloadFile: 0, connectSocket: 0 });
  const growth = (heapAfter - heapBefore) / 1024 / 1024;
  assert.ok(growth < 16, `heap grew by ${growth.toFixed(1)} MB over 5,000 calls`);
  console.log(`# load: ${records.length} calls in ${seconds.toFixed(1)} s, outcomes ${JSON.stringify(outcomes)}, peak ${JSON.stringify(peak)}, server max ${server.stats.maxLive}, heap ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB`);
});

test('load: in fail mode a burst far over the limit fails the excess at once with exceed max task count', async () => {
  const { wx, runtime } = createWx({ urlCheck: false });
  const results = await Promise.all(Array.from({ length: 300 }, () => new Promise((resolve) => {
    wx.request({ url: `${server.origin}/slow?ms=50`, complete: resolve });
    assert.ok(runtime.inFlight().request <= 10);
  })));
  const counts = {};
  for (const r of results) counts[r.errMsg] = (counts[r.errMsg] ?? 0) + 1;
  assert.deepEqual(counts, { 'request:ok': 10, 'request:fail exceed max task count': 290 });
});
