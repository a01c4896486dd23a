// The shared conformance data itself (tests/data/*-cases.json, expected-failures.json)
// and the bookkeeping every runner uses (tests/helpers/conformance.mjs): each case has a
// stable id and names a RULES.md section that exists, each list belongs to a runner,
// and a runner fails on an unexpected pass, an unlisted failure and a listed id that
// never ran (checked here on a synthetic list, since no case deviates today).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { canonical, caseProblems, decode, loadData, notRunProblems, runSet, setProblems } from './helpers/conformance.mjs';

const SETS = [['url', 'url-cases.json'], ['referer', 'referer-cases.json']];
const RUNNERS = ['rust', 'node', 'chromium'];

test('every case has a unique, stable id and names a RULES.md section that exists', async () => {
  const rules = await readFile(new URL('../docs/RULES.md', import.meta.url), 'utf8');
  const seen = new Set();
  for (const [name, file] of SETS) {
    const { cases } = await loadData(file);
    assert.deepEqual(setProblems(name, cases), [], file);
    for (const c of cases) {
      assert.ok(!seen.has(c.id), `${c.id} is used twice`);
      seen.add(c.id);
      assert.ok(rules.includes(`\n## ${c.rule}. `), `${c.id}: docs/RULES.md has no section ${c.rule}`);
      assert.ok(typeof c.group === 'string' && c.group !== '', `${c.id}: no group`);
      assert.ok((c.error === undefined) !== (c.result === undefined && c.reason === undefined), `${c.id}: a result or an error, not both`);
    }
  }
});

test('expected-failures.json has one list per runner, each mapping an existing case id to why it deviates', async () => {
  const lists = await loadData('expected-failures.json');
  assert.deepEqual(Object.keys(lists).filter((key) => key !== 'about').sort(), [...RUNNERS].sort());
  const ids = new Set();
  for (const [, file] of SETS) for (const c of (await loadData(file)).cases) ids.add(c.id);
  for (const runner of RUNNERS) {
    for (const [id, why] of Object.entries(lists[runner])) {
      assert.ok(ids.has(id), `${runner} lists ${id}, which is no case`);
      assert.ok(typeof why === 'string' && why.length > 10, `${runner} lists ${id} without saying why`);
    }
  }
});

test('the bookkeeping fails on an unexpected pass, an unlisted failure and a listed id that never ran', () => {
  const cases = [{ id: 'url/a', rule: 1 }, { id: 'url/b', rule: 1 }, { id: 'url/c', rule: 2 }];
  const run = (c) => (c.id === 'url/a' ? 'wrong' : null); // a fails, b and c pass
  const list = (...ids) => new Map(ids.map((id) => [id, 'a synthetic deviation']));
  assert.deepEqual(caseProblems(cases, run, list('url/a'), 'node'), []);
  assert.deepEqual(caseProblems(cases, run, list(), 'node'), ['url/a (rule 1): wrong']);
  assert.match(caseProblems(cases, run, list('url/a', 'url/b'), 'node').join(), /^url\/b: passes, but .* lists it for node/);
  assert.match(caseProblems(cases, () => { throw new Error('boom'); }, list(), 'node')[0], /the runner threw Error: boom/);
  assert.deepEqual(notRunProblems(['url/a', 'url/b'], list('url/a'), 'node'), []);
  assert.match(notRunProblems(['url/a', 'url/b'], list('url/a', 'url/gone'), 'node').join(), /^url\/gone: .* no such case ran/);

  const report = runSet({ name: 'url', cases }, run, { node: { 'url/a': 'synthetic', 'url/c': 'synthetic', 'url/gone': 'synthetic', 'referer/x': 'other set' } }, 'node');
  assert.deepEqual(Object.keys(report.byRule), ['1', '2']);
  assert.deepEqual(report.byRule[1], []);
  assert.match(report.byRule[2].join(), /^url\/c: passes/);
  assert.match(report.notRun.join(), /^url\/gone: /, 'ids of other sets are not this set\'s business');
  assert.equal(report.problems.length, 2);
  assert.throws(() => runSet({ name: 'url', cases }, run, {}, 'safari'), /no list for safari/);
  assert.deepEqual(setProblems('url', [{ id: 'url/a', rule: 1 }, { id: 'url/a', rule: 1 }, { id: 'x', rule: 'one' }]), [
    'url/a: the id is used twice', 'x: ids of url cases start with url/', 'x: no RULES.md section (rule)',
  ]);
});

test('decode gives the values JSON cannot write, and canonical ignores key order', () => {
  const [undef, nan, inf, text, stringifies, plain] = decode([
    { $undefined: true }, { $number: 'NaN' }, { $number: '-Infinity' }, { $text: ['a', ['bc', 3], 'd'] }, { $stringifies: 'x' }, { a: [{ $undefined: true }] },
  ]);
  assert.equal(undef, undefined);
  assert.ok(Number.isNaN(nan));
  assert.equal(inf, -Infinity);
  assert.equal(text, 'abcbcbcd');
  assert.ok(typeof stringifies === 'object' && String(stringifies) === 'x');
  assert.deepEqual(plain, { a: [undefined] });
  assert.equal(canonical({ b: 1, a: [1, { d: null, c: undefined }] }), canonical({ a: [1, { d: null }], b: 1 }));
  assert.notEqual(canonical({ a: 1 }), canonical({ a: '1' }));
});
