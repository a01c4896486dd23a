// Types of `wxnet/proxy` (Node only): the dev proxy (RULES.md §14). Node's own
// classes are described by the parts the proxy uses, so that no @types/node is needed;
// node:http's IncomingMessage, ServerResponse and sockets fit them.
import type { DomainPolicy, ServerDomains } from './core/rules.js';

/** The part of node:http's IncomingMessage the proxy reads. */
export interface ProxyRequest {
  url?: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Where the proxy answers: node:http's ServerResponse. */
export type ProxyResponse = object;

/** `dns.lookup`'s signature, as the proxy calls it (`all: true`). */
export type ProxyLookup = (
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: (error: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void,
) => void;

export interface ProxyOptions {
  /** The server domain lists (the platform JSON shape) the proxy checks every call against. Default: none listed. */
  domains?: ServerDomains | DomainPolicy;
  /** AppID of the Referer the upstream gets. Default `'touristappid'`. */
  appid?: string;
  /** Version segment of the Referer: `0`, `'devtools'` or a release number. Default `'devtools'`. */
  version?: number | string;
  /** The phone's LAN (RULES.md §2): LAN peers pass the URL checks and the address check. */
  lan?: { ip: string; netmask?: string };
  /**
   * Where a listed host really is, for local backends: `{ 'api.example.com': 'http://127.0.0.1:4000' }`
   * (a host, host:port or origin as the key). Mapped hosts skip the address check: they are your own config.
   */
  upstreams?: Record<string, string>;
  /** One event per forwarded, refused or failed call; `false` for none. Default: one console line each. */
  log?: ((event: ProxyLogEvent) => void) | false;
  /** The path the proxy answers on. Default `'/__wxnet'`. */
  path?: string;
  /**
   * Host names (besides IP addresses and localhost) under which pages may use the proxy,
   * e.g. a custom dev host; `true` allows any (not advised: DNS rebinding). Default none.
   */
  allowedHosts?: string[] | true;
  /** How host names are resolved (same signature as `dns.lookup`); every address is checked. Default `dns.lookup`. */
  lookup?: ProxyLookup;
}

export interface ProxyLogEvent {
  kind: 'forwarded' | 'refused' | 'failed';
  api: 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket';
  method?: string;
  /** The URL the mini program asked for. */
  url: string;
  /** forwarded: the upstream's status (101 for a socket). */
  status?: number;
  /** forwarded: the origin it went to. */
  to?: string;
  ms?: number;
  /** refused/failed: why: a checkUrl reason (`not-listed`, …), `address`, `redirect`, `method`, `page`, `upstream`. */
  reason?: string;
  errMsg?: string;
}

/** A Node/connect middleware; `next()` is called for requests that are not for the proxy. */
export interface WxnetProxy {
  (req: ProxyRequest, res: ProxyResponse, next?: (error?: unknown) => void): void;
  /** Handles a WebSocket upgrade on the proxy's path (true), or leaves it to others (false). */
  upgrade(req: ProxyRequest, socket: object, head: Uint8Array): boolean;
  /** Frees every socket and agent the proxy holds. */
  close(): void;
  readonly path: string;
}

/** Creates the dev proxy. Throws WxnetError `proxy/options` for a wrong option. */
export function createProxy(options?: ProxyOptions): WxnetProxy;

export interface ProxyServer {
  /** What createWx's `proxy` option takes, e.g. `http://127.0.0.1:5174/__wxnet`. */
  url: string;
  port: number;
  /** The node:http server. */
  server: { address(): unknown; close(callback?: () => void): unknown };
  proxy: WxnetProxy;
  close(): Promise<void>;
}

/** The standalone proxy of `wxnet proxy`: `host` 127.0.0.1, `port` 5174 (0: a free one). */
export function startProxyServer(options?: ProxyOptions & { port?: number; host?: string }): Promise<ProxyServer>;

/** Mounts the proxy in a Vite dev server (from a plugin's `configureServer(server)`). */
export function attachToViteServer(
  server: { middlewares: { use(middleware: WxnetProxy): unknown }; httpServer?: { on(event: 'upgrade' | 'close', listener: (...args: any[]) => void): unknown } | null },
  proxy: WxnetProxy,
): void;

/** webpack-dev-server's `setupMiddlewares` that mounts the proxy first. */
export function webpackDevServerSetup(proxy: WxnetProxy): <M extends unknown[]>(middlewares: M, devServer: { server?: { on(event: 'upgrade' | 'close', listener: (...args: any[]) => void): unknown } }) => M;

/** The default log's line for one event. */
export function logLine(event: ProxyLogEvent): string;
