// The wxnet command line. Each command is one file in commands/: a summary for
// `wxnet help`, and a run(args) that prints and returns the exit code.
import * as wxnet from '../node.mjs';
import { packageVersion } from '../node/files.mjs';
import { check } from './commands/check.mjs';
import { doctor } from './commands/doctor.mjs';
import { explain } from './commands/explain.mjs';
import { lint } from './commands/lint.mjs';
import { proxy } from './commands/proxy.mjs';
import { referer } from './commands/referer.mjs';

const version = packageVersion();

const COMMANDS = { check, lint, referer, doctor, explain, proxy };

function help() {
  console.log(`wxnet ${version}: the WeChat Mini Program network rules\n\nCommands:`);
  for (const [name, command] of Object.entries(COMMANDS)) console.log(`  ${name.padEnd(10)} ${command.summary}\n    ${command.usage}`);
}

/**
 * Runs a command and gives the exit code: 0 all fine, 1 something refused or invalid,
 * 2 a usage or input error. Nothing escapes as a stack trace: a WxnetError names what
 * was wrong, and anything else (a bug) is reported as an internal error, still exit 2.
 * A command that does I/O (doctor) returns a promise of the code; so does main then.
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
    const code = command.run(args);
    return code instanceof Promise ? code.catch((error) => failed(name, error)) : code;
  } catch (error) {
    return failed(name, error);
  }
}

function failed(name, error) {
  if (error instanceof wxnet.WxnetError) {
    console.error(`wxnet ${name}: ${error.message} [${error.code}]`);
  } else {
    console.error(`wxnet ${name ?? 'help'}: internal error: ${error?.message ?? String(error)}`);
  }
  return 2;
}
