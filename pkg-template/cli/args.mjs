// Command-line arguments: options and positional arguments, and usage errors that
// say what was wrong (with "did you mean" for a mistyped option).
import { closestName } from '../core/did-you-mean.mjs';
import { WxnetError } from '../core/errors.mjs';

export const usageError = (message) => new WxnetError('cli/usage', message);

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
export function parseArgs(args, { values = {}, switches = [] }) {
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

/**
 * Runs `fn`; an argument error of the core becomes a usage error naming the option it
 * came from (`options` maps error codes to options: `{ 'arg/api': '--api' }`).
 */
export function naming(options, fn) {
  try {
    return fn();
  } catch (error) {
    const option = error instanceof WxnetError ? options[error.code] : undefined;
    if (option) throw usageError(`${option}: ${error.message}`);
    throw error;
  }
}
