// The wxnet command line. Each command is one entry of COMMANDS: a summary for
// `wxnet help`, and a run(args) that prints and returns the exit code.
import { readFileSync } from 'node:fs';
import * as wxnet from '../node.mjs';
import { closestName } from '../core/did-you-mean.mjs';
import { jsonErrorPosition } from './json-file.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const usageError = (message) => new wxnet.WxnetError('cli/usage', message);

function unknownOption(written, known) {
  const name = written.replace(/^-+/, '');
  const closest = closestName(name, known);
  const hint = closest ? `; did you mean --${closest}?` : ' (try: wxnet help)';
  return usageError(`unknown option ${written}${hint}`);
}

/**
 * Splits options from positional arguments. `values` maps each option that takes a
 * value to its placeholder (`--domains <domains.json>` or `--domains=<…>`); `switches`
 * take none. Anything else starting with `-` is a usage error, as is a missing value
 * (a value that starts with `--` is taken as the next option) or a value given to a
 * switch, so that a typo never silently becomes a URL or is ignored. `--` ends options.
 */
function parseArgs(args, { values = {}, switches = [] }) {
  const known = [...Object.keys(values), ...switches];
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { positional.push(...args.slice(i + 1)); break; }
    if (!arg.startsWith('-') || arg === '-') { positional.push(arg); continue; }
    const [written, inline] = arg.split(/=(.*)/s);
    const name = written.slice(2);
    if (!written.startsWith('--') || !known.includes(name)) throw unknownOption(written, known);
    if (Object.hasOwn(flags, name)) throw usageError(`${written} is given twice`);
    if (switches.includes(name)) {
      if (inline !== undefined) throw usageError(`${written} is a switch and takes no value, got ${written}=${inline}`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? args[i + 1];
    if (inline === undefined) i++;
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw usageError(`${written} needs a value: ${written} ${values[name]}`);
    }
    flags[name] = value;
  }
  return { flags, positional };
}

/** Reads a JSON file; a syntax error names the file, line and column. */
function readJsonFile(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new wxnet.WxnetError('cli/file', `cannot read ${path}: ${error.code ?? error.message}`);
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    const { line, column } = jsonErrorPosition(body) ?? { line: 1, column: 1 };
    const found = body.split('\n')[line - 1]?.codePointAt(column - 1);
    const what = found === undefined ? 'unexpected end of the file' : `unexpected ${JSON.stringify(String.fromCodePoint(found))}`;
    throw new wxnet.WxnetError('cli/json', `${path}:${line}:${column}: not valid JSON: ${what}`);
  }
}

/**
 * Reads a domains file and prints the core's lint findings for it on stderr: a typo
 * such as "requestDomain" or a string instead of an array would otherwise refuse
 * every URL without a word. A file that is not a JSON object is an input error.
 */
function readDomainsFile(path, command) {
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
  for (const d of findings) console.error(`wxnet ${command}: ${path}: ${d.severity} ${d.code}: ${d.message}`);
  return domains;
}

/**
 * Runs `fn`; an argument error of the core becomes a usage error naming the option it
 * came from (`options` maps error codes to options: `{ 'arg/api': '--api' }`).
 */
function naming(options, fn) {
  try {
    return fn();
  } catch (error) {
    const option = error instanceof wxnet.WxnetError ? options[error.code] : undefined;
    if (option) throw usageError(`${option}: ${error.message}`);
    throw error;
  }
}

const COMMANDS = {
  check: {
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
  },

  referer: {
    usage: 'wxnet referer <referer>... [--json]\n       wxnet referer --appid <appid> --version <0|devtools|n>',
    summary: 'parse Referer headers, or build the one a mini program sends',
    run(args) {
      const { flags, positional } = parseArgs(args, { values: { appid: '<appid>', version: '<0|devtools|n>' }, switches: ['json'] });
      if (flags.appid !== undefined || flags.version !== undefined) {
        const built = wxnet.buildReferer(flags.appid ?? '', flags.version ?? '');
        console.log(flags.json ? JSON.stringify(built) : built);
        return 0;
      }
      if (positional.length === 0) throw usageError(`usage: ${this.usage}`);
      const results = positional.map((input) => {
        try {
          return { input, ok: true, referer: wxnet.parseReferer(input) };
        } catch (error) {
          if (!(error instanceof wxnet.WxnetError)) throw error;
          return { input, ok: false, error: { code: error.code, message: error.message } };
        }
      });
      if (flags.json) {
        console.log(JSON.stringify(results, null, 2));
      } else {
        for (const r of results) {
          console.log(r.ok
            ? `ok    ${r.input}\n      appid ${r.referer.appid}, ${r.referer.env}${r.referer.release ? ` ${r.referer.release}` : ''}`
            : `error ${r.input.length > 100 ? `${r.input.slice(0, 100)}…` : r.input}\n      ${r.error.message} [${r.error.code}]`);
        }
      }
      return results.every((r) => r.ok) ? 0 : 1;
    },
  },
};

function help() {
  console.log(`wxnet ${version}: the WeChat Mini Program network rules\n\nCommands:`);
  for (const [name, command] of Object.entries(COMMANDS)) console.log(`  ${name.padEnd(10)} ${command.summary}\n    ${command.usage}`);
}

/**
 * Runs a command and gives the exit code: 0 all fine, 1 something refused or invalid,
 * 2 a usage or input error. Nothing escapes as a stack trace: a WxnetError names what
 * was wrong, and anything else (a bug) is reported as an internal error, still exit 2.
 */
export function main(argv) {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') { help(); return 0; }
    if (name === '--version' || name === '-v') { console.log(version); return 0; }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) { console.error(`wxnet: unknown command "${name}" (try: wxnet help)`); return 2; }
    const options = args.slice(0, args.includes('--') ? args.indexOf('--') : undefined);
    if (options.includes('--help') || options.includes('-h')) { console.log(`usage: ${command.usage}`); return 0; }
    return command.run(args);
  } catch (error) {
    if (error instanceof wxnet.WxnetError) {
      console.error(`wxnet ${name}: ${error.message} [${error.code}]`);
    } else {
      console.error(`wxnet ${name ?? 'help'}: internal error: ${error?.message ?? String(error)}`);
    }
    return 2;
  }
}

