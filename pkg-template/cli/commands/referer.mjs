// `wxnet referer`: parse Referer headers, or build the one a mini program sends (RULES.md §5).
import * as wxnet from '../../node.mjs';
import { parseArgs, usageError } from '../args.mjs';

export const referer = {
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
};
