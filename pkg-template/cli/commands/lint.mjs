// `wxnet lint`: the project linter (configs and the URLs in the code, RULES.md §12, §13),
// a thin shell over lintProject: read the folder, lint, print, exit 0/1/2.
import * as tools from '../../tools-node.mjs';
import { readProjectFiles } from '../../node/project-files.mjs';
import { readTextFile, packageVersion } from '../../node/files.mjs';
import { naming, parseArgs, usageError } from '../args.mjs';
import { WxnetError } from '../../core/errors.mjs';

const FORMATS = ['text', 'json', 'sarif'];

function readGiven(path, option) {
  try {
    return { file: path, text: readTextFile(path) };
  } catch (error) {
    throw new WxnetError('cli/file', `${option} ${path}: cannot read it (${error.code ?? error.message})`);
  }
}

export const lint = {
  usage: 'wxnet lint [dir] [--domains <domains.json>] [--config <wxnet.config.json>] [--lan <ip/prefix>]\n' +
    '       [--format text|json|sarif] [--max-warnings <n>] [--quiet]',
  summary: 'lint a mini program project: configs and the URLs its code calls',
  run(args) {
    const { flags, positional } = parseArgs(args, {
      values: { domains: '<domains.json>', config: '<wxnet.config.json>', lan: '<ip/prefix>', format: 'text|json|sarif', 'max-warnings': '<n>' },
      switches: ['quiet'],
    });
    if (positional.length > 1) throw usageError(`one folder at a time, got ${positional.length}`);
    const format = flags.format ?? 'text';
    if (!FORMATS.includes(format)) throw usageError(`--format must be one of ${FORMATS.join(', ')}, got ${format}`);
    const maxWarnings = flags['max-warnings'] === undefined ? Infinity : Number(flags['max-warnings']);
    if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity || maxWarnings < 0) {
      throw usageError(`--max-warnings must be a whole number, got ${flags['max-warnings']}`);
    }
    const dir = positional[0] ?? '.';
    let read;
    try {
      read = readProjectFiles(dir);
    } catch (error) {
      throw new WxnetError('cli/file', `${dir} is not a folder (${error.code ?? error.message})`);
    }
    const { files, unreadable } = read;
    const options = {
      domains: flags.domains === undefined ? undefined : readGiven(flags.domains, '--domains'),
      config: flags.config === undefined ? undefined : readGiven(flags.config, '--config'),
      lan: flags.lan,
    };
    const report = naming({ 'arg/lan': '--lan' }, () => tools.lintProject(files, options));
    const shown = flags.quiet ? { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') } : report;
    if (format === 'json') console.log(tools.formatJson(shown));
    else if (format === 'sarif') console.log(tools.formatSarif(shown, { version: packageVersion() }));
    else console.log(tools.formatText(shown, files, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
    for (const { file, message } of unreadable) console.error(`wxnet lint: cannot read ${file}: ${message}`);
    if (unreadable.length > 0) return 2;
    return report.summary.errors > 0 || report.summary.warnings > maxWarnings ? 1 : 0;
  },
};
