// Types of createWx() and the wx network API it returns. The option, result and task
// types follow the platform's own (miniprogram-api-typings), so code written against
// `WechatMiniprogram.Wx` type-checks against the shim; results list the fields the
// shim really delivers. Callbacks are declared as methods so that callbacks typed
// with the platform's (larger) result types are accepted too.

import type { DomainPolicy, NetworkApi, ServerDomains } from '../core/rules.js';
import type { WxSocketApis, WxSocketNetworkEvent, WxSocketsOption } from './socket/sockets.js';

export * from './socket/sockets.js';

/** The platform's server-domain JSON (RULES.md §1), as the platform API returns it. */
export type WxDomains = ServerDomains;

/** The network APIs with a concurrency limit. */
export type WxApiName = NetworkApi;

/** Where uploadFile reads `filePath` and downloadFile writes its result. */
export interface WxFileStore {
  /** Stores bytes at `filePath`, or at a new `wxfile://tmp_…` path (with `extension`); resolves to the path. */
  save(bytes: Uint8Array | ArrayBuffer | string, options?: { filePath?: string; extension?: string }): Promise<string>;
  /** The bytes stored at `path`; rejects when there is none. */
  read(path: string): Promise<Uint8Array>;
}

/** The browser default: files live in memory under `wxfile://tmp_…` paths. */
export interface WxMemoryFileStore extends WxFileStore {
  readonly kind: 'memory';
  has(path: string): boolean;
  remove(path: string): boolean;
}

/** The Node default: files live in a real directory (a new temp dir unless given). */
export interface WxNodeFileStore extends WxFileStore {
  readonly kind: 'directory';
  /** The directory (created on first use). */
  readonly directory: string;
  /**
   * The file-system path of a store path (`wxfile://tmp_…`, `wxfile://usr/…`).
   * @throws WxnetError `wx/file-path` for anything else: absolute paths, `..`, encoded separators.
   */
  resolve(path: string): string;
  saveSync(bytes: Uint8Array | ArrayBuffer | string, options?: { filePath?: string; extension?: string }): string;
  readSync(path: string): Uint8Array;
  /** Removes the directory if the store made it (it is also removed when the process exits); a given `directory` is kept. */
  dispose(): void;
}

/** Where a store path lives: `wxfile://tmp_…` temporary, `wxfile://store_…` saved, `wxfile://usr/…` user data. */
export interface StorePath {
  area: 'temporary' | 'saved' | 'user-data';
  /** The path inside the store, `/`-separated, without `.`, `..` or empty segments. */
  relative: string;
}

/**
 * Parses a file path the way the shim does before any file store sees it (RULES.md §9):
 * only the store's own paths are files to a mini program.
 * @throws WxnetError `file/path` for anything else (absolute paths, `..`, `%2F`, backslashes).
 */
export function parseStorePath(path: string): StorePath;

export interface CreateWxOptions {
  /** The server domain lists (the platform JSON shape). Default: none listed. */
  domains?: WxDomains | DomainPolicy;
  /** `false` skips the domain, TLS and certificate checks, as the DevTools switch does (RULES.md §3). Default `true`. */
  urlCheck?: boolean;
  /**
   * The phone's LAN address for the LAN exception (RULES.md §2): `{ ip: '192.168.1.10', netmask?: '255.255.255.0' }`
   * or CIDR in `ip`. Node: `'auto'` takes this machine's first private IPv4 interface.
   */
  lan?: { ip: string; netmask?: string } | 'auto';
  /** Check the port of wss URLs too (RULES.md §1 decision: off). */
  wssPortCheck?: boolean;
  /** The parsed app.json or game.json; its `networkTimeout` applies (RULES.md §4). */
  app?: { networkTimeout?: Partial<Record<WxApiName, number>> } & Record<string, unknown>;
  /** AppID for the Referer. Default `'touristappid'`. */
  appid?: string;
  /** Version segment of the Referer: `0`, `'devtools'` or a release number. Default `'devtools'`. */
  version?: number | string;
  /**
   * Browsers cannot set `Referer`: when given, the Referer value is also sent under this
   * header name (e.g. `'X-Wxnet-Referer'`) so that a dev proxy can restore it.
   */
  refererHeader?: string;
  /** Concurrency limits per API. Defaults: request 10, uploadFile 10, downloadFile 10, connectSocket 5 (RULES.md §6). */
  limits?: Partial<Record<WxApiName, number>>;
  /** Over the limit: fail at once like the client (`'fail'`, default) or wait for a free slot (`'queue'`; sockets always fail). */
  overLimit?: 'fail' | 'queue';
  /**
   * The transport: `globalThis.fetch`, `nodeFetch`, or a function wrapping either.
   * Default: browsers `globalThis.fetch`; Node `nodeFetch` (faster than Node's fetch;
   * see the README). A call that stops (abort, timeout, background) aborts the
   * `signal` it was given, so the exchange is cut at once.
   */
  fetch?: WxTransport;
  /**
   * Where a listed origin really is, for local backends and tests:
   * `{ 'https://api.example.com': 'http://127.0.0.1:4000' }`. Checks (domains, redirects)
   * judge the URL the phone would see; the transport is sent to the mapped origin.
   */
  upstreams?: Record<string, string>;
  /**
   * The wxnet dev proxy (`wxnet/proxy`, RULES.md §14): every request, upload, download
   * and socket goes through it, carrying the original URL; the proxy forwards it with
   * the platform's Referer and the code's own `cookie`, without the browser's Origin and
   * cookies, and `res.cookies` is filled from the upstream's Set-Cookie. A path on the
   * page's origin (`'/__wxnet'`, browsers) or an absolute URL
   * (`'http://127.0.0.1:5174/__wxnet'`, required in Node). Without `domains`, the URL
   * checks are the proxy's: its refusal is the call's errMsg (a refused socket reports
   * it in onError). Cannot be combined with `upstreams` (map hosts in the proxy).
   */
  proxy?: string;
  /** The WebSocket class. Default: browsers `globalThis.WebSocket`; Node the `ws` package if installed, else the global one. */
  WebSocket?: new (url: string, protocols?: string | string[], options?: { headers?: Record<string, string>; rejectUnauthorized?: boolean }) => WebSocket;
  /** The file store. Default: browsers in memory; Node a temporary directory. */
  fileStore?: WxFileStore;
  /**
   * Check each redirect hop before it is requested (needs a fetch that shows redirects
   * with `redirect: 'manual'`: Node only, where it is the default). Browsers' fetch hides
   * redirects, so there `true` is refused (`wx/options`) and the final URL is checked
   * after fetch followed the chain.
   */
  manualRedirects?: boolean;
  /** Stream upload bodies to get real progress (needs a fetch with request streams; Node default `true`, browsers `false`). */
  streamUploads?: boolean;
  /** UDP/TCP/mDNS transports and where listed socket hosts really are (RULES.md §10). */
  sockets?: WxSocketsOption;
}

/** What createWx hands its transport: a subset of `RequestInit`. */
export interface WxTransportInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | ArrayBuffer | ReadableStream<Uint8Array>;
  signal: AbortSignal;
  redirect?: 'follow' | 'manual';
  duplex?: 'half';
  /** `false` when `urlCheck` is off (RULES.md §3): `nodeFetch` then accepts any certificate. */
  rejectUnauthorized?: boolean;
}

/** What createWx reads of a transport's answer: a subset of `Response`. */
export interface WxTransportResponse {
  status: number;
  statusText?: string;
  headers: Headers;
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> }; cancel(): Promise<void> } | null;
  url?: string;
  redirected?: boolean;
  type?: string;
}

/** A transport for createWx: `globalThis.fetch` and `nodeFetch` are both one. */
export type WxTransport = (url: string, init: WxTransportInit) => Promise<WxTransportResponse>;

/** One entry of the network log (`runtime.onEvent`). Times are `performance.now()` values in ms. */
export type WxNetworkEvent =
  | { type: 'start'; id: number; api: WxApiName; url: unknown; method?: string; verdict: { ok: boolean; reason: string } | null; time: number }
  | { type: 'queued'; id: number; api: WxApiName; url: string; time: number }
  | { type: 'headers'; id: number; api: WxApiName; url: string; statusCode: number; time: number }
  | { type: 'open'; id: number; api: 'connectSocket'; url: string; time: number }
  | {
      type: 'end'; id: number; api: WxApiName; url: unknown; method?: string; ok: boolean; statusCode?: number;
      errMsg: string; errno?: number;
      timings: { created: number; queued?: number; start?: number; headers?: number; open?: number; end: number };
      duration?: number;
    }
  | { type: 'background'; hidden: boolean; time: number }
  | WxSocketNetworkEvent
  /** A set-up problem found at createWx (e.g. `wxnet/domain-field` for `requestDomain`); every listener gets these first. */
  | { type: 'warning'; code: string; severity: 'error' | 'warning'; message: string; time: number };

export interface WxRuntime {
  /** The app goes to the background: running calls fail with `interrupted` after 5 s, new calls at once, sockets close (RULES.md §6). */
  hide(): void;
  /** The app comes back: calls work again, queued calls start. */
  show(): void;
  readonly hidden: boolean;
  /** Running calls per API (sockets: open or connecting). */
  inFlight(): Record<WxApiName, number>;
  /** Calls waiting for a slot per API (`overLimit: 'queue'`). */
  queued(): Record<WxApiName, number>;
  limits(): Record<WxApiName, number>;
  /** Streams the network log; returns a function that stops it. */
  onEvent(listener: (event: WxNetworkEvent) => void): () => void;
  /** The file store in use (to put files for uploadFile, or read downloads). */
  readonly fileStore: WxFileStore;
}

type AnyObject = Record<string, any>;

/** `{ errMsg }`, plus `errno` where the platform gives one. */
export interface WxFailResult {
  errMsg: string;
  errno?: number;
}
export interface WxGeneralResult {
  errMsg: string;
}

/** The timings of `profile`; what fetch cannot observe is 0. */
export interface WxRequestProfile {
  redirectStart: number; redirectEnd: number; fetchStart: number; domainLookUpStart: number; domainLookUpEnd: number;
  connectStart: number; connectEnd: number; SSLconnectionStart: number; SSLconnectionEnd: number;
  requestStart: number; requestEnd: number; responseStart: number; responseEnd: number;
  /** When the call was made, and when it waited for a slot (`overLimit: 'queue'`). */
  invokeStart: number; queueStart: number; queueEnd: number;
  httpDNSDomainLookUpStart: number; httpDNSDomainLookUpEnd: number; usingHighPerformanceMode: boolean;
  rtt: number; estimate_nettype: number; httpRttEstimate: number; transportRttEstimate: number;
  downstreamThroughputKbpsEstimate: number; throughputKbps: number; peerIP: string; port: number;
  socketReused: boolean; sendBytesCount: number; receivedBytedCount: number; protocol: string;
}

export interface WxRequestSuccessResult<T extends string | AnyObject | ArrayBuffer = string | AnyObject | ArrayBuffer> {
  data: T;
  statusCode: number;
  header: AnyObject;
  /** The `Set-Cookie` values (browsers never expose them: empty there). */
  cookies: string[];
  profile: WxRequestProfile;
  errMsg: string;
}

export interface WxRequestOption<T extends string | AnyObject | ArrayBuffer = string | AnyObject | ArrayBuffer> {
  url: string;
  data?: string | AnyObject | ArrayBuffer;
  header?: AnyObject;
  timeout?: number;
  method?: 'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT';
  dataType?: string;
  responseType?: string;
  enableChunked?: boolean;
  /** Accepted and ignored (no effect outside the client). */
  enableCache?: boolean; enableHttp2?: boolean; enableQuic?: boolean; enableHttpDNS?: boolean; enableProfile?: boolean; forceCellularNetwork?: boolean; httpDNSServiceId?: string;
  success?(result: WxRequestSuccessResult<T>): void;
  fail?(result: WxFailResult): void;
  complete?(result: WxRequestSuccessResult<T> | WxFailResult): void;
}

export interface WxHeadersReceivedResult {
  header: AnyObject;
  statusCode: number;
  cookies: string[];
}

export interface WxRequestTask {
  abort(): void;
  onHeadersReceived(listener: (result: WxHeadersReceivedResult) => void): void;
  offHeadersReceived(listener?: (result: WxHeadersReceivedResult) => void): void;
  /** Only with `enableChunked: true`. */
  onChunkReceived(listener: (result: { data: ArrayBuffer }) => void): void;
  offChunkReceived(listener?: (result: { data: ArrayBuffer }) => void): void;
}

export interface WxUploadFileOption {
  url: string;
  filePath: string;
  name: string;
  header?: AnyObject;
  formData?: AnyObject;
  timeout?: number;
  enableHttp2?: boolean; enableProfile?: boolean; enableQuic?: boolean;
  success?(result: { data: string; statusCode: number; header: AnyObject; cookies: string[]; profile: WxRequestProfile; errMsg: string }): void;
  fail?(result: WxFailResult): void;
  complete?(result: WxGeneralResult): void;
}

export interface WxUploadTask {
  abort(): void;
  onProgressUpdate(listener: (result: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void): void;
  offProgressUpdate(listener?: (result: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void): void;
  onHeadersReceived(listener: (result: WxHeadersReceivedResult) => void): void;
  offHeadersReceived(listener?: (result: WxHeadersReceivedResult) => void): void;
}

export interface WxDownloadFileSuccessResult {
  /**
   * The new `wxfile://tmp_…` path, set when the call gave no `filePath`. Declared
   * non-optional, like `filePath`, as the platform's typings do; at run time exactly
   * one of the two is present, as on the platform.
   */
  tempFilePath: string;
  /** The `filePath` the call gave, set only then. */
  filePath: string;
  statusCode: number;
  header: AnyObject;
  dataLength: number;
  profile: WxRequestProfile;
  errMsg: string;
}

export interface WxDownloadFileOption {
  url: string;
  header?: AnyObject;
  filePath?: string;
  timeout?: number;
  enableHttp2?: boolean; enableProfile?: boolean; enableQuic?: boolean;
  success?(result: WxDownloadFileSuccessResult): void;
  fail?(result: WxFailResult): void;
  complete?(result: WxGeneralResult): void;
}

export interface WxDownloadTask {
  abort(): void;
  onProgressUpdate(listener: (result: { progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number }) => void): void;
  offProgressUpdate(listener?: (result: { progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number }) => void): void;
  onHeadersReceived(listener: (result: WxHeadersReceivedResult) => void): void;
  offHeadersReceived(listener?: (result: WxHeadersReceivedResult) => void): void;
}

export interface WxConnectSocketOption {
  url: string;
  header?: AnyObject;
  protocols?: string[];
  timeout?: number;
  /** Accepted and ignored (the transport decides). */
  tcpNoDelay?: boolean; perMessageDeflate?: boolean; forceCellularNetwork?: boolean;
  success?(result: WxGeneralResult): void;
  fail?(result: WxFailResult): void;
  complete?(result: WxGeneralResult): void;
}

export interface WxSocketSendOption {
  data: string | ArrayBuffer;
  success?(result: WxGeneralResult): void;
  fail?(result: WxFailResult): void;
  complete?(result: WxGeneralResult): void;
}

export interface WxSocketCloseOption {
  /** 1000 (default) or 3000–4999. */
  code?: number;
  /** At most 123 bytes of UTF-8. */
  reason?: string;
  success?(result: WxGeneralResult): void;
  fail?(result: WxFailResult): void;
  complete?(result: WxGeneralResult): void;
}

/** Socket timings; a WebSocket exposes only when it opened, the rest is the start time or 0. */
export interface WxSocketProfile {
  fetchStart: number; domainLookUpStart: number; domainLookUpEnd: number; connectStart: number; connectEnd: number;
  cost: number; handshakeCost: number; rtt: number;
}

export interface WxSocketOpenResult {
  /** Always empty: a WebSocket does not expose the handshake's headers. */
  header: AnyObject;
  profile: WxSocketProfile;
}

export interface WxSocketTask {
  readonly readyState: number;
  send(option: WxSocketSendOption): void;
  close(option?: WxSocketCloseOption): void;
  onOpen(listener: (result: WxSocketOpenResult) => void): void;
  offOpen(listener?: (result: WxSocketOpenResult) => void): void;
  onMessage(listener: (result: { data: string | ArrayBuffer }) => void): void;
  offMessage(listener?: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(listener: (result: { code: number; reason: string }) => void): void;
  offClose(listener?: (result: { code: number; reason: string }) => void): void;
  onError(listener: (result: { errMsg: string }) => void): void;
  offError(listener?: (result: { errMsg: string }) => void): void;
}

/** The platform's rule: called without success/fail/complete, the API returns a Promise. */
export type WxPromisifyResult<P, T extends { success?(...args: any[]): void }> = P extends { success: any }
  ? void
  : P extends { fail: any }
  ? void
  : P extends { complete: any }
  ? void
  : Promise<Parameters<Exclude<T['success'], undefined>>[0]>;

/** The wx network API: `request`, `uploadFile`, `downloadFile`, `connectSocket` return tasks, not Promises. */
export interface WxNetwork extends WxSocketApis {
  request<T extends string | AnyObject | ArrayBuffer = string | AnyObject | ArrayBuffer>(option: WxRequestOption<T>): WxRequestTask;
  uploadFile(option: WxUploadFileOption): WxUploadTask;
  downloadFile(option: WxDownloadFileOption): WxDownloadTask;
  /** @throws WxnetError `wx/websocket-missing` when no WebSocket class is available. */
  connectSocket(option: WxConnectSocketOption): WxSocketTask;
  /** Legacy API: listeners for the most recent socket. */
  onSocketOpen(listener: (result: WxSocketOpenResult) => void): void;
  onSocketMessage(listener: (result: { data: string | ArrayBuffer }) => void): void;
  onSocketError(listener: (result: { errMsg: string }) => void): void;
  onSocketClose(listener: (result: { code: number; reason: string }) => void): void;
  sendSocketMessage<T extends WxSocketSendOption = WxSocketSendOption>(option: T): WxPromisifyResult<T, WxSocketSendOption>;
  closeSocket<T extends WxSocketCloseOption = WxSocketCloseOption>(option?: T): WxPromisifyResult<T, WxSocketCloseOption>;
}

/**
 * Creates a `wx` network API that behaves like the client's, and the runtime that
 * controls it (background, in-flight counts, network log).
 * @throws WxnetError `wx/options` for any bad option (its message names it; an unknown
 *   option gets a "did you mean"), including a bad appid or version (the `referer/…`
 *   error is its `cause`).
 */
export function createWx(options?: CreateWxOptions): { wx: WxNetwork; runtime: WxRuntime };

/** An in-memory file store with `wxfile://tmp_…` paths (the browser default). */
export function createMemoryFileStore(): WxMemoryFileStore;
