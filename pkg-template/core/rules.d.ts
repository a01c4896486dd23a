// Types of the rules engine (RULES.md §1–§4, §7).

// NetworkApi, CheckUrlOkReason, CheckUrlFailReason, ErrMsgKey and DomainLintCode are generated from the core's tables.
import type { CheckUrlFailReason, CheckUrlOkReason, DomainLintCode, ErrMsgKey, LintCode, NetworkApi, SocketTargetReason } from './types.generated.js';
export type { CheckUrlFailReason, CheckUrlOkReason, DomainLintCode, LintCode, NetworkApi, SocketTargetReason };

/**
 * The platform's server-domain JSON, as its API returns it (paste it as is; the
 * envelope keys `errcode`, `errmsg` and `action` are accepted and ignored).
 * Entries look like `https://a.com` or `https://a.com:8443`.
 */
export interface ServerDomains {
  /** `https://` entries for wx.request. */
  requestdomain?: string[];
  /** `wss://` entries for wx.connectSocket. */
  wsrequestdomain?: string[];
  /** `https://` entries for wx.uploadFile. */
  uploaddomain?: string[];
  /** `https://` entries for wx.downloadFile. */
  downloaddomain?: string[];
  /** `udp://` entries for UDP sockets. */
  udpdomain?: string[];
  /** `tcp://` entries for TCP sockets. */
  tcpdomain?: string[];
}

/** One finding of a wxnet linter (shared by every linter). */
export interface Diagnostic {
  /** `wxnet/<rule>`, e.g. `wxnet/domain-scheme`. Stable. */
  code: LintCode;
  severity: 'error' | 'warning' | 'info';
  /** What is wrong. */
  message: string;
  /** How to fix it, when there is something to do: `write https://a.com`. */
  help?: string;
  /** The top-level key, e.g. `requestdomain`. */
  field?: string;
  /** The position inside that key's array. */
  index?: number;
  /** JSON pointer (RFC 6901) of the offending value, e.g. `/requestdomain/3`. */
  pointer?: string;
}


/**
 * Lints a server-domain JSON (RULES.md §1). Returns `[]` when the console would
 * accept every entry. Ordered by key (input order), index, rule.
 * @throws WxnetError `arg/type` when `domains` is not an object.
 */
export function lintDomains(domains: ServerDomains | Record<string, unknown>): Diagnostic[];

/**
 * The same shape with each entry in canonical form (`https://xn--r8jz45g.jp`: ASCII
 * via IDNA/UTS #46, lower case, no trailing dot or slash, the list's scheme added
 * when missing, a written port kept). Entries lintDomains reports as errors and
 * duplicates are dropped; keys that are not one of the six lists are dropped.
 * @throws WxnetError `arg/type` when `domains` is not an object.
 */
export function normalizeDomains(domains: ServerDomains | Record<string, unknown>): ServerDomains;

/**
 * Domain lists compiled for checkUrl/checkUrls. Pass it as `options.domains` to
 * skip the per-object cache lookup; it is freed when garbage-collected.
 */
export class DomainPolicy {
  private constructor();
  free(): void;
}

/** Compiles `domains` once. @throws WxnetError `arg/type` when not an object. */
export function compileDomains(domains: ServerDomains | Record<string, unknown>): DomainPolicy;

/** The phone's LAN context for the LAN exception (RULES.md §2). */
export interface LanContext {
  /** Dotted IPv4, optionally with a CIDR prefix: `192.168.1.10` or `192.168.1.10/24`. */
  ip: string;
  /** Dotted mask; default `255.255.255.0`. Not together with a CIDR prefix. */
  netmask?: string;
}

export interface CheckUrlOptions {
  /**
   * The server-domain JSON, or a compileDomains() result. A plain object is
   * compiled on first use and cached per object: it is read once, so changing it
   * afterwards has no effect (pass a new object instead).
   */
  domains?: ServerDomains | DomainPolicy;
  /** `setting.urlCheck` (default true). false accepts every parseable URL of the API (`unchecked`). */
  urlCheck?: boolean;
  /** Enables the LAN exception. @throws WxnetError `arg/lan` for a malformed address. */
  lan?: LanContext;
  /** Check ports for connectSocket too (default false: the docs say wss ports are not checked). */
  wssPortCheck?: boolean;
}

export interface UrlVerdict {
  ok: boolean;
  reason: CheckUrlOkReason | CheckUrlFailReason;
  /**
   * Exactly what the platform puts in the callback: `request:ok`,
   * `request:fail url not in domain list` or `request:fail invalid url "<url>"`.
   */
  errMsg: string;
  /** 600002 (not in domain list) or 600009 (invalid url); absent when ok. */
  errno?: number;
  /** The host as WHATWG URL's `hostname` gives it (ASCII, lower case, IPv6 in brackets). Absent for `invalid-url`. */
  host?: string;
  /** The port as written in the URL (`https://a.com:443` gives 443); absent when none was written. */
  port?: number;
}

/**
 * May `api` reach `url` (RULES.md §1–§3)? Never throws for a bad URL: that is the
 * verdict `invalid-url`.
 * @throws WxnetError `arg/api` for an unknown api, `arg/type` for a url that is not a
 *   string or options of the wrong type, `arg/lan` for a malformed `lan`.
 */
export function checkUrl(api: NetworkApi, url: string, options?: CheckUrlOptions): UrlVerdict;

/** checkUrl for many URLs at once (one boundary crossing); verdicts in input order. */
export function checkUrls(api: NetworkApi, urls: readonly string[], options?: CheckUrlOptions): UrlVerdict[];

/**
 * `setting.urlCheck` of project.private.config.json if boolean, else of
 * project.config.json if boolean, else `true` (RULES.md §3).
 * @throws WxnetError `arg/type` when a config is given but is not an object.
 */
export function resolveUrlCheck(projectConfig?: object | null, privateConfig?: object | null): boolean;

export interface ResolvedTimeout {
  /** Milliseconds. */
  timeout: number;
  /** Which value won: the per-call one, `networkTimeout[api]` of the app config, or 60000. */
  source: 'call' | 'config' | 'default';
  /** True when the value was above 60000 and cut to 60000. */
  clamped: boolean;
}

/**
 * The timeout of one call (RULES.md §4): a positive finite per-call value, else
 * `appConfig.networkTimeout[api]` if positive finite, else 60000; strings, zero,
 * negatives, NaN and Infinity fall through. Above 60000 it is clamped unless
 * `clamp` is false.
 * @throws WxnetError `arg/api` for an unknown api, `arg/type` when appConfig or
 *   options is not an object or `clamp` not a boolean.
 */
export function resolveTimeout(
  api: NetworkApi,
  callTimeout?: unknown,
  appConfig?: { networkTimeout?: Partial<Record<NetworkApi, unknown>> } | null,
  options?: { clamp?: boolean },
): ResolvedTimeout;

/**
 * Keys of the errMsg catalogue (RULES.md §7). The platform's own phrase works too
 * (`'exceed max task count'`, `'parameter error'`), and so does a checkUrl reason.
 */
export type ErrMsgReason = 'ok' | ErrMsgKey | CheckUrlOkReason | CheckUrlFailReason;

/** Detail for `parameter-error`: gives `parameter.url should be String instead of Undefined;`. */
export interface ParameterErrorDetail {
  parameter: string;
  /** The expected type as the platform names it: `String`, `Number`, `Object`, … */
  expected: string;
  /** The value received; its type is named the platform's way (`Undefined`, `Null`, `Array`, …). */
  value?: unknown;
}

/**
 * The callback's `{ errMsg, errno? }` for `api` and `reason`, from the one catalogue.
 *
 * These reasons need a `detail` and throw `arg/type` without one:
 * - `invalid-url`: the URL as given → `invalid url "<url>"`;
 * - `redirect-not-in-domain-list`: the host redirected to;
 * - `certificate`, `network`: the client's or transport's text (`-202:net::ERR_CERT_AUTHORITY_INVALID`);
 * - `transport`: a transport's error text, which becomes `certificate` (600001) when it names a
 *   certificate error (`DEPTH_ZERO_SELF_SIGNED_CERT`, `UNABLE_TO_VERIFY_…`), else `network`;
 * - `permission-denied`: the file path → `permission denied, open <path>`;
 * - `parameter-error`: a ParameterErrorDetail, or the text after `parameter error: `.
 * Every other reason takes none (a detail given to it is ignored).
 * @throws WxnetError `arg/api` (not an API name), `arg/reason` (not in the catalogue),
 *   `arg/type` (a required detail missing or of the wrong type).
 */
export function errMsgFor(
  api: string,
  reason: ErrMsgReason | (string & {}),
  detail?: string | ParameterErrorDetail,
): { errMsg: string; errno?: number };

/** The client's limits (RULES.md §4, §6, §9). The wx shim enforces them. */
export interface NetworkLimits {
  /** Concurrent calls per API: request 10, uploadFile 10, downloadFile 10, connectSocket 5. */
  readonly concurrent: Readonly<Record<NetworkApi, number>>;
  /** Calls still running this long after the app went to the background fail with `interrupted` (5000). */
  readonly backgroundGraceMs: number;
  /** downloadFile refuses bodies above this (200 MB). */
  readonly maxDownloadBytes: number;
  /** SocketTask.close's reason may hold at most this many bytes of UTF-8 (123). */
  readonly maxCloseReasonBytes: number;
  /** The timeout when neither the call nor app.json gives one (60000). */
  readonly defaultTimeoutMs: number;
  /** The largest timeout; larger ones are clamped (60000). */
  readonly maxTimeoutMs: number;
}

/** The client's limits, frozen (the same object every time). */
export function networkLimits(): NetworkLimits;

/** What wx.request accepts and assumes (RULES.md §9), frozen (the same object every time). */
export function requestDefaults(): {
  /** OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT: anything else is `method is invalid`. */
  readonly methods: readonly string[];
  /** `application/json`: the Content-Type sent when the caller gives none. */
  readonly contentType: string;
};

/** A UDP/TCP target verdict (RULES.md §2, §10). `errMsg` (`createTCPSocket:fail …`) when refused. */
export interface SocketTargetVerdict {
  ok: boolean;
  reason: SocketTargetReason;
  errMsg?: string;
}

/**
 * May a `udp` or `tcp` socket reach `address`:`port`? A LAN peer (same subnet as
 * `options.lan`, not its own IP), or a host in udpdomain/tcpdomain (an entry with a
 * port matches only that port); TCP never reaches ports below 1024 or §10's list.
 * @throws WxnetError `arg/type` for a protocol other than udp/tcp or bad options.
 */
export function checkSocketTarget(protocol: 'udp' | 'tcp', address: string, port: number, options?: CheckUrlOptions): SocketTargetVerdict;

/** `{ errMsg: 'startLocalServiceDiscovery:fail invalid param' }` for a serviceType that is not a Bonjour type, else undefined. */
export function serviceTypeError(serviceType: string): { errMsg: string } | undefined;
