// The report of lintProject as people and tools read it: eslint-style text with code
// frames, the JSON of the output contract, SARIF 2.1.0 for code scanning. Presentation
// only; every finding comes from the core.

const COLOURS = { error: 31, warning: 33, info: 36, dim: 2, bold: 1 };
const paint = (on, colour, text) => (on ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text);

/** Characters of a long (minified) line shown before the finding. */
const CONTEXT = 40;
const MAX_LINE = 120;

/** The line of `text` a finding starts on, cut around it, with carets under the span. */
function codeFrame(text, d) {
  if (typeof text !== 'string') return [];
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[d.line - 1];
  if (line === undefined) return [];
  const start = d.column - 1;
  const end = d.endLine === d.line ? Math.max(d.endColumn - 1, start + 1) : line.length;
  let from = 0;
  let to = line.length;
  if (line.length > MAX_LINE) {
    from = Math.max(0, start - CONTEXT);
    to = Math.min(line.length, from + MAX_LINE);
  }
  const prefix = from > 0 ? '…' : '';
  const shown = prefix + line.slice(from, to).replaceAll('\t', ' ') + (to < line.length ? '…' : '');
  const gutter = String(d.line).length;
  const carets = ' '.repeat(prefix.length + start - from) + '^'.repeat(Math.max(1, Math.min(end, to) - start));
  return [`  ${String(d.line).padStart(gutter)} | ${shown}`, `  ${' '.repeat(gutter)} | ${carets}`];
}

/** `2 errors, 1 warning, 1 info`. */
function counts(summary) {
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`;
}

/**
 * `path:line:column  severity  message  code`, a code frame, the help line; then a
 * summary. `files` (path -> text) gives the frames; `colour` for a TTY.
 */
export function formatText(report, files = {}, { colour = false } = {}) {
  const text = (path) => (files instanceof Map ? files.get(path) : files[path]);
  const out = [];
  for (const d of report.diagnostics) {
    out.push(`${paint(colour, 'bold', `${d.file}:${d.line}:${d.column}`)}  ${paint(colour, d.severity, d.severity)}  ${d.message}  ${paint(colour, 'dim', d.code)}`);
    out.push(...codeFrame(text(d.file), d).map((line) => paint(colour, 'dim', line)));
    if (d.help) out.push(`  help: ${d.help}`);
    out.push('');
  }
  const { summary } = report;
  const problems = summary.errors + summary.warnings + summary.infos;
  const mark = summary.errors ? paint(colour, 'error', '✖') : problems ? paint(colour, 'warning', '⚠') : paint(colour, 'info', '✔');
  out.push(`${mark} ${problems} problem${problems === 1 ? '' : 's'} (${counts(summary)}) in ${summary.files} file${summary.files === 1 ? '' : 's'}`);
  return out.join('\n');
}

/** The output contract: `{ diagnostics: [...], summary }`. */
export function formatJson(report) {
  return JSON.stringify({ diagnostics: report.diagnostics, summary: report.summary }, null, 2);
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, one run, file URIs relative to the project folder (`%SRCROOT%`). */
export function formatSarif(report, { version = '0.0.0' } = {}) {
  const ruleIds = [...new Set(report.diagnostics.map((d) => d.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'wxnet', version, rules: ruleIds.map((id) => ({ id, name: id.replace('wxnet/', '') })) } },
      columnKind: 'utf16CodeUnits',
      results: report.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: ruleIds.indexOf(d.code),
        level: SARIF_LEVEL[d.severity] ?? 'note',
        message: { text: d.help ? `${d.message}\nhelp: ${d.help}` : d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
        ...(d.url ? { properties: { url: d.url, api: d.api } } : {}),
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
