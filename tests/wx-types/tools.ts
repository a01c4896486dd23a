// Compiled by tests/wx-types.test.mjs: lintProject and its report as a TypeScript
// user of `wxnet/tools` writes them.
import { formatJson, formatText, lintProject, type LintProjectOptions, type ProjectDiagnostic } from 'wxnet/tools';

const options: LintProjectOptions = { domains: { requestdomain: ['https://api.example.com'] }, lan: '192.168.1.10/24' };
const report = lintProject(new Map([['app.js', "wx.request({ url: 'http://a.example.com' })"]]), options);
const first: ProjectDiagnostic | undefined = report.diagnostics[0];
if (first) {
  const where: string = `${first.file}:${first.line}:${first.column}-${first.endLine}:${first.endColumn}`;
  const severity: 'error' | 'warning' | 'info' = first.severity;
  const url: string | undefined = first.url;
  console.log(where, severity, url, first.code.startsWith('wxnet/'), first.help ?? '');
}
const total: number = report.summary.errors + report.summary.warnings + report.summary.infos;
console.log(total, formatText(report, { 'app.js': '' }, { colour: false }), formatJson(report));

// @ts-expect-error the files are a map of path -> text, not a folder name
lintProject('miniprogram/');
// @ts-expect-error lan is text such as "192.168.1.10/24"
lintProject({}, { lan: 24 });
