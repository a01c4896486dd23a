// `wxnet explain`: what an errMsg means, why it happens and what to do (RULES.md §15).
import * as wxnet from '../../tools-node.mjs';
import { parseArgs, usageError } from '../args.mjs';

function render(e) {
  const lines = [];
  const code = e.netError ? ` (${e.netError.code} ${e.netError.name})` : '';
  lines.push(`${e.title}${code}`);
  const facts = [e.api && `api ${e.api}`, `key ${e.key}`, e.errno !== undefined && `errno ${e.errno}`].filter(Boolean);
  lines.push(`  ${facts.join(', ')}`);
  lines.push('Causes:', ...e.causes.map((c) => `  - ${c}`));
  lines.push('Fixes:', ...e.fixes.map((f) => `  - ${f}`));
  if (e.next) lines.push(`Next: ${e.next}`);
  return lines.join('\n');
}

export const explain = {
  usage: 'wxnet explain "<errMsg>"... [--json]',
  summary: 'explain an errMsg: the cause, the fix and the command to run next',
  run(args) {
    const { flags, positional } = parseArgs(args, { switches: ['json'] });
    if (positional.length === 0) throw usageError(`usage: ${this.usage}`);
    const results = positional.map((text) => wxnet.explainErrMsg(text));
    if (flags.json) {
      console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
    } else {
      console.log(results.map(render).join('\n\n'));
    }
    return results.every((e) => e.key !== 'unknown') ? 0 : 1;
  },
};
