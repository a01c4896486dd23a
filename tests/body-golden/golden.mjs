// Runs every golden case through a decodeBody (the npm package in Node, or in a
// browser page) and returns one plain, structured-clone-able report per case and
// mode, so that Node and Chromium results are checked by the same code.
// `load(path)` returns a Promise of the file's bytes (a Uint8Array).

export const MODES = [
  { name: 'json', options: { dataType: 'json' } },
  { name: 'text', options: { dataType: 'text' } },
  { name: 'other-dataType', options: { dataType: 'other' } },
  { name: 'defaults', options: {} }, // dataType and responseType left to their defaults
  { name: 'arraybuffer', options: { responseType: 'arraybuffer' } },
];

export async function loadCases(load) {
  const manifest = JSON.parse(new TextDecoder().decode(await load('manifest.json')));
  // ignoreBOM: expected texts may start with a (second) BOM that must stay.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  return Promise.all(manifest.map(async (entry) => ({
    ...entry,
    input: await load(`cases/${entry.name}.in`),
    expectedText: utf8.decode(await load(`cases/${entry.name}.out.txt`)),
  })));
}

/** What a user of decodeBody observes, as plain data. */
export function runCases(decodeBody, cases) {
  const reports = [];
  for (const c of cases) {
    for (const mode of MODES) {
      const bytes = mode.name === 'text' ? c.input.slice().buffer : c.input; // both input types
      const options = { ...mode.options, contentType: c.contentType };
      if (c.detect) options.detect = true;
      const result = decodeBody(bytes, options);
      const data = result.data instanceof ArrayBuffer
        ? { arrayBuffer: [...new Uint8Array(result.data)] }
        : { value: result.data };
      reports.push({
        name: c.name, mode: mode.name, ...data, encoding: result.encoding, bomStripped: result.bomStripped,
        lossy: result.lossy, parsed: result.parsed, errno: result.errno ?? null, hasErrno: 'errno' in result,
      });
    }
  }
  return reports;
}

/** The report a correct decodeBody gives for case `c` in mode `mode`. */
export function expectedReport(c, mode) {
  if (mode === 'arraybuffer') {
    return { name: c.name, mode, arrayBuffer: [...c.input], encoding: null, bomStripped: false, lossy: false, parsed: false, errno: null, hasErrno: false };
  }
  const parse = mode === 'json' || mode === 'defaults';
  const parsed = parse && c.json;
  return {
    name: c.name, mode, value: parsed ? JSON.parse(c.expectedText) : c.expectedText,
    encoding: c.encoding, bomStripped: c.bomStripped, lossy: c.lossy, parsed,
    errno: c.lossy ? 602302 : null, hasErrno: c.lossy,
  };
}
