// `wxnet doctor`: will the phone accept this HTTPS server, on iOS, Android and in
// DevTools, and why not (RULES.md §11, §15)?
import * as tools from '../../tools-node.mjs';
import { doctor as probeAndDiagnose, reportJson } from '../../doctor/doctor.mjs';
import { renderReport } from '../../doctor/report.mjs';
import { readTextFile } from '../../node/files.mjs';
import { parseArgs, usageError } from '../args.mjs';

function readPem(path, option) {
  try {
    return readTextFile(path);
  } catch (error) {
    throw new tools.WxnetError('cli/file', `${option} ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
}

export const doctor = {
  usage: 'wxnet doctor <host|host:port|https://…>... [--servername name] [--ca root.pem] [--now ISO-date] [--timeout ms] [--json]\n' +
    '       wxnet doctor --pem chain.pem --host <name> [--ca root.pem] [--now ISO-date] [--json]',
  summary: 'check an HTTPS server (or a PEM chain) against the phones\' rules: verdict per platform, findings, fixes',
  async run(args) {
    const { flags, positional } = parseArgs(args, {
      values: { pem: '<chain.pem>', host: '<name>', servername: '<name>', ca: '<root.pem>', now: '<ISO-date>', timeout: '<ms>' },
      switches: ['json'],
    });
    const now = flags.now ?? new Date();
    if (flags.now !== undefined && Number.isNaN(Date.parse(flags.now))) throw usageError(`--now: ${flags.now} is not an ISO date`);
    const extraRoots = flags.ca ? readPem(flags.ca, '--ca') : undefined;
    const reports = [];
    if (flags.pem !== undefined) {
      if (!flags.host) throw usageError('--pem needs --host <name>: the host the mini program connects to');
      if (positional.length) throw usageError('give either targets or --pem, not both');
      const report = tools.diagnoseChain(readPem(flags.pem, '--pem'), { host: flags.host, now, extraRoots });
      reports.push(reportJson(flags.pem, flags.host, 443, report));
    } else {
      if (positional.length === 0) throw usageError(`usage: ${this.usage}`);
      const timeout = flags.timeout === undefined ? 5000 : Number(flags.timeout);
      if (!(timeout > 0)) throw usageError(`--timeout: ${flags.timeout} is not a positive number of milliseconds`);
      const servername = flags.servername;
      for (const target of positional) reports.push(await probeAndDiagnose(target, { now, extraRoots, timeout, servername }));
    }
    if (flags.json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    else console.log(reports.map(renderReport).join('\n\n'));
    const ready = reports.every((r) => Object.values(r.verdict).every((v) => v === 'pass'));
    return ready ? 0 : 1;
  },
};
