// LAN peers, multicast and mDNS with real sockets, only inside a network namespace this
// test makes itself (`unshare -n`, as root): lo up, 10.77.0.1/24 (the phone) and
// 10.77.0.2/24 (its LAN peer) on lo, 224.0.0.0/4 routed to lo. Nothing leaves it.
// The test bodies are tests/netns/lan.netns.mjs (RULES.md §2, §10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './helpers/browser.mjs';

const SETUP = [
  'ip link set lo up', 'ip link set lo multicast on',
  'ip addr add 10.77.0.1/24 dev lo', 'ip addr add 10.77.0.2/24 dev lo', 'ip route add 224.0.0.0/4 dev lo',
].join(' && ');

function namespacesAvailable() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs root on Linux';
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', SETUP], { encoding: 'utf8' });
  return probe.status === 0 ? '' : `unshare -n failed: ${probe.stderr || probe.error}`;
}

const unavailable = namespacesAvailable();

/** Without the parent runner's NODE_TEST_CONTEXT, so the inner run reports as a normal one. */
function childEnv() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

test('rule 2 and 10: UDP, TCP, HTTP LAN peers and mDNS discovery in a private network namespace', { skip: unavailable || false }, () => {
  const body = 'tests/netns/lan.netns.mjs';
  const run = spawnSync('unshare', ['-n', 'sh', '-c', `${SETUP} && exec "${process.execPath}" --test --test-reporter=spec ${body}`], {
    cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env: childEnv(),
  });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /pass 5\b/);
});
