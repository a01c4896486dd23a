// The JS half of the shared conformance data (tests/data/*-cases.json), for Node and
// for pages in Chromium alike (no node:* import at the top): loading a set, the values
// JSON cannot write, comparing results, and the expected-failures bookkeeping of
// tests/data/expected-failures.json. Its Rust twin is tests/helpers/conformance.rs; both
// follow rust-url's WPT runner: a listed case that passes is an error (the list is
// stale), and so is a listed id that never ran.

const inBrowser = typeof window !== 'undefined';

/** Parsed tests/data/`file`, read from disk in Node and fetched in a page. */
export async function loadData(file) {
  const location = new URL(`../data/${file}`, import.meta.url);
  if (inBrowser) return (await fetch(location)).json();
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(location, 'utf8'));
}

/**
 * A case argument as JS passes it. JSON cannot write every value a caller may pass,
 * so an object with one `$` key stands for one: `{"$undefined": true}`,
 * `{"$number": "NaN"}` (also Infinity, -Infinity, 1e300), `{"$text": [piece, [piece, n], …]}`
 * (the pieces joined, `[piece, n]` repeated n times) and `{"$stringifies": text}` (an
 * object whose toString gives `text`, which is still not a string).
 */
export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  if ('$undefined' in value) return undefined;
  if ('$number' in value) return Number(value.$number);
  if ('$text' in value) return value.$text.map((piece) => (Array.isArray(piece) ? piece[0].repeat(piece[1]) : piece)).join('');
  if ('$stringifies' in value) return { toString: () => value.$stringifies };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
}

/** JSON with sorted keys: equal results give equal text whatever the key order. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

/**
 * Why a thrown `error` is not the one `expected` ({ code, includes?, startsWith?,
 * maxLength? }) describes, or null. Every message is also short and not empty.
 */
export function errorProblem(error, expected, ErrorClass) {
  if (!(error instanceof ErrorClass && error instanceof Error)) return `threw ${String(error)}, not a ${ErrorClass.name}`;
  const { message } = error;
  const length = [...message].length;
  const wrong = [];
  if (error.code !== expected.code) wrong.push(`code ${JSON.stringify(error.code)}, want ${JSON.stringify(expected.code)}`);
  if (length < 11 || length >= 400) wrong.push(`a message of ${length} characters, want 11 to 399`);
  if (expected.maxLength !== undefined && length > expected.maxLength) wrong.push(`a message of ${length} characters, want at most ${expected.maxLength}`);
  if (expected.includes !== undefined && !message.includes(expected.includes)) wrong.push(`a message without ${JSON.stringify(expected.includes)}`);
  if (expected.startsWith !== undefined && !message.startsWith(expected.startsWith)) wrong.push(`a message not starting with ${JSON.stringify(expected.startsWith)}`);
  return wrong.length === 0 ? null : `threw ${wrong.join(', ')} (message ${JSON.stringify(message)})`;
}

/** Problems with the set itself: ids stable, unique and prefixed `name/`, a rule on every case. */
export function setProblems(name, cases) {
  const problems = [];
  const seen = new Set();
  for (const c of cases) {
    if (typeof c.id !== 'string' || !c.id.startsWith(`${name}/`)) problems.push(`${c.id}: ids of ${name} cases start with ${name}/`);
    if (seen.has(c.id)) problems.push(`${c.id}: the id is used twice`);
    seen.add(c.id);
    if (!Number.isInteger(c.rule)) problems.push(`${c.id}: no RULES.md section (rule)`);
  }
  return problems;
}

/** This runner's expected failures for the set `name`: Map of id → why. */
export function expectedFailuresOf(all, runner, name) {
  const listed = all[runner];
  if (listed === undefined) throw new Error(`tests/data/expected-failures.json has no list for ${runner}`);
  return new Map(Object.entries(listed).filter(([id]) => id.startsWith(`${name}/`)));
}

/**
 * Runs `cases` with `run(case)` (null when it passes, else what was wrong) and
 * returns one line per problem: a failure that is not listed, or a pass that is.
 */
export function caseProblems(cases, run, expectedFailures, runner) {
  const problems = [];
  for (const c of cases) {
    let outcome;
    try {
      outcome = run(c);
    } catch (error) {
      outcome = `the runner threw ${error?.stack ?? error}`;
    }
    const why = expectedFailures.get(c.id);
    if (outcome !== null && why === undefined) problems.push(`${c.id} (rule ${c.rule}): ${outcome}`);
    if (outcome === null && why !== undefined) {
      problems.push(`${c.id}: passes, but tests/data/expected-failures.json lists it for ${runner} (${why}); remove it from the list`);
    }
  }
  return problems;
}

/** One line per listed expected failure whose case did not run. */
export function notRunProblems(ranIds, expectedFailures, runner) {
  const ran = new Set(ranIds);
  return [...expectedFailures.keys()].filter((id) => !ran.has(id))
    .map((id) => `${id}: tests/data/expected-failures.json lists it for ${runner}, but no such case ran; remove it`);
}

/**
 * The whole report of one runner over one set, as plain data (a page can publish it):
 * the problems per RULES.md section, those of the set and of its list, and all of them.
 */
export function runSet({ name, cases }, run, allExpectedFailures, runner) {
  const expectedFailures = expectedFailuresOf(allExpectedFailures, runner, name);
  const byRule = {};
  for (const rule of [...new Set(cases.map((c) => c.rule))].sort((a, b) => a - b)) {
    byRule[rule] = caseProblems(cases.filter((c) => c.rule === rule), run, expectedFailures, runner);
  }
  const set = setProblems(name, cases);
  const notRun = notRunProblems(cases.map((c) => c.id), expectedFailures, runner);
  return { ran: cases.length, byRule, set, notRun, problems: [...Object.values(byRule).flat(), ...set, ...notRun] };
}
