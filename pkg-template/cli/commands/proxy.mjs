// `wxnet proxy`: the dev proxy as a server of its own (RULES.md §14), until Ctrl-C.
import { WxnetError } from '../../core/errors.mjs';
import { naming, parseArgs, usageError } from '../args.mjs';
import { readDomainsFile } from './check.mjs';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i;

/** Every `--upstream host=url` (the option may repeat), and the other arguments. */
function takeUpstreams(args) {
  const upstreams = {};
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { rest.push(...args.slice(i)); break; }
    if (arg !== '--upstream' && !arg.startsWith('--upstream=')) { rest.push(arg); continue; }
    const value = arg === '--upstream' ? args[++i] : arg.slice('--upstream='.length);
    const at = value?.indexOf('=') ?? -1;
    if (value === undefined || value.startsWith('--') || at <= 0 || at === value.length - 1) {
      throw usageError(`--upstream needs host=url, such as --upstream api.example.com=http://127.0.0.1:4000, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    }
    upstreams[value.slice(0, at)] = value.slice(at + 1);
  }
  return { upstreams, rest };
}

export const proxy = {
  usage: 'wxnet proxy [--port 5174] [--host 127.0.0.1] [--domains <domains.json>] [--appid <appid>] [--version <version>]\n' +
    '       [--lan <ip[/prefix]>] [--upstream <host>=<url>]... [--path /__wxnet] [--quiet]',
  summary: 'the dev proxy: a browser preview\'s wx calls forwarded as the phone sends them (Referer, no Origin, the rules)',
  async run(args) {
    const { upstreams, rest } = takeUpstreams(args);
    const { flags, positional } = parseArgs(rest, {
      values: { port: '<port>', host: '<address>', domains: '<domains.json>', appid: '<appid>', version: '<version>', lan: '<ip[/prefix]>', path: '<path>' },
      switches: ['quiet'],
    });
    if (positional.length > 0) throw usageError(`unexpected argument ${JSON.stringify(positional[0])}; usage: ${this.usage}`);
    const port = flags.port === undefined ? 5174 : Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a port number 0–65535, got ${JSON.stringify(flags.port)}`);
    const host = flags.host ?? '127.0.0.1';
    const options = {
      domains: flags.domains === undefined ? {} : readDomainsFile(flags.domains, 'proxy'),
      appid: flags.appid, version: flags.version, upstreams, path: flags.path,
      lan: flags.lan === undefined ? undefined : { ip: flags.lan },
    };
    if (flags.quiet) options.log = false;
    for (const name of Object.keys(options)) if (options[name] === undefined) delete options[name];
    const { startProxyServer } = await import('../../node/proxy-server.mjs');
    let server;
    try {
      server = await naming({ 'arg/lan': '--lan' }, () => startProxyServer({ ...options, port, host }));
    } catch (error) {
      if (error instanceof WxnetError) throw error;
      throw new WxnetError('proxy/options', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
    }
    if (!LOOPBACK.test(host)) console.error(`wxnet proxy: warning: listening on ${host}, not a loopback address: other machines can use this proxy`);
    console.log(`wxnet proxy: listening on ${server.url} (stop with Ctrl-C)`);
    return new Promise((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close().then(() => resolve(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
