// "Lint a project": the project linter in the page. A picked or dropped folder is
// read here (nothing is uploaded) and linted by the tools module, the same code as
// `wxnet lint`.
import { init, lintProject, formatJson, formatSarif, isReadFile, isWalkedFolder, decodeText, WxnetError } from 'wxnet/tools';

const $ = (id) => document.getElementById(id);
let report = null;
let texts = new Map();

/** Path inside the picked folder: `proj/pages/a.js` → `pages/a.js`. */
const inside = (path) => path.split('/').slice(1).join('/');

async function readPicked(fileList) {
  const files = new Map();
  for (const file of fileList) {
    const path = inside(file.webkitRelativePath || file.name);
    if (isReadFile(path)) files.set(path, decodeText(await file.arrayBuffer()));
  }
  return files;
}

/** Walks a dropped folder (FileSystemDirectoryEntry), keeping the paths inside it. */
async function readDropped(entry) {
  const files = new Map();
  const pending = [[entry, '']];
  while (pending.length > 0) {
    const [folder, prefix] = pending.pop();
    const reader = folder.createReader();
    for (let batch = await new Promise((ok, fail) => reader.readEntries(ok, fail)); batch.length > 0;
      batch = await new Promise((ok, fail) => reader.readEntries(ok, fail))) {
      for (const child of batch) {
        const path = prefix ? `${prefix}/${child.name}` : child.name;
        if (child.isDirectory) {
          if (isWalkedFolder(child.name)) pending.push([child, path]);
        } else if (isReadFile(path)) {
          const file = await new Promise((ok, fail) => child.file(ok, fail));
          files.set(path, decodeText(await file.arrayBuffer()));
        }
      }
    }
  }
  return files;
}

function frame(d) {
  const line = (texts.get(d.file) ?? '').split(/\r\n|\r|\n/)[d.line - 1];
  if (line === undefined) return '';
  const from = Math.max(0, d.column - 41);
  const shown = line.slice(from, from + 120);
  const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, line.length - d.column + 1);
  return `${shown}\n${' '.repeat(d.column - 1 - from)}${'^'.repeat(Math.min(width, 120))}`;
}

function render() {
  const out = $('lint-output');
  out.replaceChildren();
  if (!report) return;
  const severity = $('lint-severity').value;
  const code = $('lint-code').value;
  const shown = report.diagnostics.filter((d) => (severity === 'all' || d.severity === severity) && (code === 'all' || d.code === code));
  const { summary } = report;
  $('lint-summary').textContent = `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos in ${summary.files} files` +
    (shown.length === report.diagnostics.length ? '' : ` (${shown.length} shown)`);
  const byFile = Map.groupBy(shown, (d) => d.file);
  for (const [file, diagnostics] of byFile) {
    const details = document.createElement('details');
    details.open = true;
    details.className = 'lint-file';
    const summaryLine = document.createElement('summary');
    summaryLine.textContent = `${file} (${diagnostics.length})`;
    details.append(summaryLine);
    for (const d of diagnostics) {
      const item = document.createElement('div');
      item.className = `lint-item ${d.severity}`;
      item.dataset.code = d.code;
      const head = document.createElement('p');
      head.textContent = `${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;
      const code = document.createElement('pre');
      code.textContent = frame(d);
      item.append(head, code);
      if (d.help) {
        const help = document.createElement('p');
        help.className = 'help';
        help.textContent = `help: ${d.help}`;
        item.append(help);
      }
      details.append(item);
    }
    out.append(details);
  }
}

async function lint(files) {
  await init(); // the tools module is loaded on first use, not with the page
  texts = files;
  try {
    report = lintProject(files);
  } catch (error) {
    if (!(error instanceof WxnetError)) throw error;
    report = null;
    $('lint-summary').textContent = `${error.message} [${error.code}]`;
  }
  const codes = [...new Set((report?.diagnostics ?? []).map((d) => d.code))].sort();
  $('lint-code').replaceChildren(new Option('all codes', 'all'), ...codes.map((c) => new Option(c, c)));
  $('lint-download-json').disabled = $('lint-download-sarif').disabled = !report;
  render();
  document.body.dataset.lintReady = 'true';
}

function download(name, text, type) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

$('lint-folder').addEventListener('change', async (event) => lint(await readPicked(event.target.files)));
const zone = $('lint-drop');
zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', async (event) => {
  event.preventDefault();
  zone.classList.remove('over');
  const entry = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).find((e) => e?.isDirectory);
  if (entry) lint(await readDropped(entry));
});
$('lint-severity').addEventListener('change', render);
$('lint-code').addEventListener('change', render);
$('lint-download-json').addEventListener('click', () => download('wxnet-lint.json', formatJson(report), 'application/json'));
$('lint-download-sarif').addEventListener('click', () => download('wxnet-lint.sarif', formatSarif(report), 'application/sarif+json'));
document.body.dataset.lintLoaded = 'true';
