// `wxnet check`: would the phone let these calls through? (RULES.md §1–§3)
import * as wxnet from '../../node.mjs';
import { naming, parseArgs, usageError } from '../args.mjs';
import { readJsonFile } from '../json-file.mjs';

/**
 * Reads a domains file and prints the core's lint findings for it on stderr: a typo
 * such as "requestDomain" or a string instead of an array would otherwise refuse
 * every URL without a word. A file that is not a JSON object is an input error.
 */
export function readDomainsFile(path, command) {
  const domains = readJsonFile(path);
  let findings;
  try {
    findings = wxnet.lintDomains(domains);
  } catch (error) {
    if (error instanceof wxnet.WxnetError && error.code === 'arg/type') {
      throw new wxnet.WxnetError('cli/domains', `${path}: ${error.message}`);
    }
    throw error;
  }
  for (const d of findings) {
    console.error(`wxnet ${command}: ${path}: ${d.severity} ${d.code}: ${d.message}`);
    if (d.help) console.error(`  help: ${d.help}`);
  }
  return domains;
}

export const check = {
  usage: 'wxnet check <url>... --domains <domains.json> [--api request|uploadFile|downloadFile|connectSocket]\n' +
    '       [--lan <ip[/prefix]>] [--no-url-check] [--wss-port-check] [--json]',
  summary: 'would the phone let these calls through? (domain lists, LAN rule, urlCheck)',
  run(args) {
    const { flags, positional } = parseArgs(args, {
      values: { domains: '<domains.json>', api: 'request|uploadFile|downloadFile|connectSocket', lan: '<ip[/prefix]>' },
      switches: ['no-url-check', 'wss-port-check', 'json'],
    });
    if (positional.length === 0) throw usageError(`usage: ${this.usage}`);
    const options = {
      domains: flags.domains === undefined ? {} : readDomainsFile(flags.domains, 'check'),
      urlCheck: !flags['no-url-check'],
      lan: flags.lan === undefined ? undefined : { ip: flags.lan },
      wssPortCheck: Boolean(flags['wss-port-check']),
    };
    // The core validates --api and --lan; its errors are usage errors naming the option.
    const verdicts = naming({ 'arg/api': '--api', 'arg/lan': '--lan' },
      () => wxnet.checkUrls(flags.api ?? 'request', positional, options));
    if (flags.json) {
      console.log(JSON.stringify(verdicts.map((verdict, i) => ({ url: positional[i], ...verdict })), null, 2));
    } else {
      verdicts.forEach((v, i) => {
        console.log(`${v.ok ? 'ok   ' : 'fail '} ${positional[i]}\n      ${v.reason}: ${v.errMsg}${v.errno ? ` (errno ${v.errno})` : ''}`);
      });
    }
    return verdicts.every((v) => v.ok) ? 0 : 1;
  },
};
