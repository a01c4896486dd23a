#!/usr/bin/env node
// The wxnet command line. Each command is one entry of COMMANDS: a summary for
// `wxnet help`, and a run(args) that prints and returns the exit code.
import { readFileSync } from 'node:fs';
import * as wxnet from './node.mjs';
import { jsonErrorPosition } from './json-position.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments. */
function parseArgs(args, valueFlags = []) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const [name, inline] = arg.slice(2).split(/=(.*)/s);
    flags[name] = inline ?? (valueFlags.includes(name) ? args[++i] : true);
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
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const { line, column } = jsonErrorPosition(text.replace(/^\uFEFF/, '')) ?? { line: 1, column: 1 };
    const found = text.split('\n')[line - 1]?.[column - 1];
    const what = found === undefined ? 'unexpected end of the file' : `unexpected ${JSON.stringify(found)}`;
    throw new wxnet.WxnetError('cli/json', `${path}:${line}:${column}: not valid JSON: ${what}`);
  }
}

const COMMANDS = {
  check: {
    usage: 'wxnet check <url>... --domains <domains.json> [--api request|uploadFile|downloadFile|connectSocket]\n' +
      '       [--lan <ip[/prefix]>] [--no-url-check] [--wss-port-check] [--json]',
    summary: 'would the phone let these calls through? (domain lists, LAN rule, urlCheck)',
    run(args) {
      const { flags, positional } = parseArgs(args, ['domains', 'api', 'lan']);
      if (positional.length === 0) throw new wxnet.WxnetError('cli/usage', `usage: ${this.usage}`);
      const options = {
        domains: flags.domains === undefined ? {} : readJsonFile(flags.domains),
        urlCheck: !flags['no-url-check'],
        lan: flags.lan === undefined ? undefined : { ip: String(flags.lan) },
        wssPortCheck: Boolean(flags['wss-port-check']),
      };
      const verdicts = wxnet.checkUrls(String(flags.api ?? 'request'), positional, options);
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
      const { flags, positional } = parseArgs(args, ['appid', 'version']);
      if (flags.appid !== undefined || flags.version !== undefined) {
        const built = wxnet.buildReferer(String(flags.appid ?? ''), flags.version === undefined ? '' : String(flags.version));
        console.log(flags.json ? JSON.stringify(built) : built);
        return 0;
      }
      if (positional.length === 0) throw new wxnet.WxnetError('cli/usage', `usage: ${this.usage}`);
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

function main(argv) {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') { help(); return 0; }
  if (name === '--version' || name === '-v') { console.log(version); return 0; }
  const command = COMMANDS[name];
  if (!command) { console.error(`wxnet: unknown command "${name}" (try: wxnet help)`); return 2; }
  try {
    return command.run(args);
  } catch (error) {
    if (!(error instanceof wxnet.WxnetError)) throw error;
    console.error(`wxnet ${name}: ${error.message} [${error.code}]`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
