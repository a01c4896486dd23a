// The dev proxy's decisions for one call (RULES.md §14), all asked of the core:
// which call the wire request carries (proxy/wire.mjs), whether the phone could make
// it (checkUrl with the proxy's lists and LAN), where it goes (the host, or the
// developer's `upstreams` mapping), and the headers each way. No I/O here: the
// Node half is node/proxy.mjs.
import { WxnetError } from '../core/errors.mjs';
import { buildReferer } from '../core/referer.mjs';
import { checkUrl, compileDomains, DomainPolicy, errMsgFor } from '../core/rules.mjs';
import { checkResolvedAddress } from '../core/tools.mjs';
import { describeValue } from '../core/type-name.mjs';
import { BROWSER_ONLY_HEADERS, WX_DEFAULTS, requestMethod } from '../core/wx-checks.mjs';
import { DEFAULT_PROXY_PATH, encodeCookies, PROXY_HEADERS, PROXY_QUERY, PROXY_SOCKET_PROTOCOL, REFUSED_SOCKET_PROTOCOL, WIRE_HEADER_PREFIX } from './wire.mjs';

/** Statuses a browser's fetch would follow by itself. */
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTTP_APIS = ['request', 'uploadFile', 'downloadFile'];
/** The one method uploadFile and downloadFile send. */
const FIXED_METHOD = { uploadFile: 'POST', downloadFile: 'GET' };
const OPTION_NAMES = ['domains', 'appid', 'version', 'lan', 'upstreams', 'log', 'path', 'lookup', 'allowedHosts'];
/** Response headers that belong to one hop, not to the answer. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);
/** A header name (RFC 9110 token) and a value Node will send (no CR, LF or NUL). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Handshake headers of a WebSocket that the code's own `header` cannot replace. */
const HANDSHAKE_HEADERS = new Set(['host', 'connection', 'upgrade', 'sec-websocket-key', 'sec-websocket-version',
  'sec-websocket-extensions', 'sec-websocket-protocol', 'content-length', 'transfer-encoding']);

/** createProxy's options checked, with defaults: throws WxnetError `proxy/options` naming the wrong one. */
export function readProxyOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw optionError(`options must be an object, got ${describeValue(options)}`);
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.includes(name)) throw optionError(`unknown option ${JSON.stringify(name)} (options: ${OPTION_NAMES.join(', ')})`);
  }
  let policy;
  try {
    policy = options.domains instanceof DomainPolicy ? options.domains : compileDomains(options.domains ?? {});
  } catch (error) {
    throw optionError(`options.domains: ${error.message}`, error);
  }
  const lan = options.lan ?? undefined;
  try {
    checkUrl('request', 'https://wxnet.invalid/', { domains: policy, lan }); // reads lan
  } catch (error) {
    throw optionError(error.message, error);
  }
  let referer;
  try {
    referer = buildReferer(options.appid ?? WX_DEFAULTS.appid, options.version ?? WX_DEFAULTS.version);
  } catch (error) {
    throw optionError(`options.${error.code === 'referer/version' ? 'version' : 'appid'}: ${error.message}`, error);
  }
  const path = options.path ?? DEFAULT_PROXY_PATH;
  if (typeof path !== 'string' || !/^\/[^?#\s]*$/.test(path)) throw optionError(`options.path must be a path such as "/__wxnet", got ${describeValue(path)}`);
  if (options.lookup !== undefined && typeof options.lookup !== 'function') throw optionError(`options.lookup must be a function like dns.lookup, got ${describeValue(options.lookup)}`);
  const allowedHosts = options.allowedHosts ?? [];
  if (allowedHosts !== true && (!Array.isArray(allowedHosts) || !allowedHosts.every((host) => typeof host === 'string' && host !== ''))) {
    throw optionError(`options.allowedHosts must be host names such as ["dev.example.test"] or true, got ${describeValue(allowedHosts)}`);
  }
  return {
    policy, lan, referer, path: path.replace(/(.)\/$/, '$1'),
    allowedHosts: allowedHosts === true ? true : allowedHosts.map((host) => host.toLowerCase()),
    upstreams: readUpstreams(options.upstreams),
    log: readLog(options.log),
    lookup: options.lookup,
    checkAddress: (api, host, address) => checkResolvedAddress(api, host, address, lan),
    failure: (api, reason, detail) => errMsgFor(api, reason, detail),
  };
}

/**
 * `upstreams`: `{ 'api.example.com': 'http://127.0.0.1:4000' }` (a host, host:port, or
 * an origin as createWx takes) → Map of listed host[:port] to the real origin.
 */
function readUpstreams(given) {
  const map = new Map();
  if (given === undefined) return map;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw optionError(`options.upstreams must be an object { "api.example.com": "http://127.0.0.1:4000" }, got ${describeValue(given)}`);
  }
  for (const [listed, real] of Object.entries(given)) {
    let host;
    try { host = new URL(listed.includes('://') ? listed : `https://${listed}`).host; } catch { /* reported below */ }
    let origin;
    try { origin = typeof real === 'string' ? new URL(real) : undefined; } catch { /* reported below */ }
    if (!host || host === '') throw optionError(`options.upstreams key ${JSON.stringify(listed)} must be a host such as "api.example.com"`);
    if (!origin || !/^https?:$/.test(origin.protocol) || origin.pathname !== '/' || origin.search !== '') {
      throw optionError(`options.upstreams[${JSON.stringify(listed)}] must be an origin such as "http://127.0.0.1:4000", got ${describeValue(real)}`);
    }
    map.set(host, origin.origin);
  }
  return map;
}

/** `log`: a function of each event, `false` for none, else one console line per call. */
function readLog(log) {
  if (log === false) return () => {};
  if (log === undefined) return (event) => console.log(logLine(event));
  if (typeof log !== 'function') throw optionError(`options.log must be a function or false, got ${describeValue(log)}`);
  return log;
}

/** `wxnet proxy: forwarded GET request https://a.com/x -> 200 (12 ms)`, or why it was refused. */
export function logLine({ kind, api, method, url, status, errMsg, reason, ms }) {
  const call = `${method ? `${method} ` : ''}${api} ${url}`;
  if (kind === 'forwarded') return `wxnet proxy: forwarded ${call} -> ${status} (${Math.round(ms)} ms)`;
  return `wxnet proxy: ${kind} ${call}: ${errMsg} [${reason}]`;
}

const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;
const LOOPBACK_NAME = /^(localhost|[^.]+\.localhost)$/i;

/** The host name of a Host header or an origin, lower case, without the port. */
function hostName(authority) {
  try { return new URL(`http://${authority}`).hostname.toLowerCase(); } catch { return undefined; }
}

/** IP addresses and localhost, which no DNS rebinding can stand for, and the allowed names. */
function hostAllowed(settings, name) {
  return name !== undefined && (settings.allowedHosts === true || IP_HOST.test(name) || LOOPBACK_NAME.test(name) || settings.allowedHosts.includes(name));
}

/**
 * Whether a page may use the proxy (a previewed mini program is untrusted, and so is
 * any site the developer visits): the Host must be an IP address, localhost or an
 * allowed name (a DNS-rebound name is none of these), and a page that sends an Origin
 * must be on this host or on an allowed one (a cross-site page cannot drive the proxy,
 * nor open its WebSockets). Returns the refusal, or undefined.
 */
export function pageRefusal(settings, headers) {
  const host = hostName(headers.host ?? '');
  if (!hostAllowed(settings, host)) {
    return { errMsg: `wxnet proxy: Host ${JSON.stringify(headers.host ?? '')} is not an IP address, localhost or one of allowedHosts` };
  }
  const origin = headers.origin;
  if (origin === undefined || origin === 'null') return undefined;
  let originHost;
  try { originHost = new URL(origin).hostname.toLowerCase(); } catch { originHost = undefined; }
  if (originHost === host || hostAllowed(settings, originHost)) return undefined;
  return { errMsg: `wxnet proxy: a page on ${origin} may not use this proxy (only pages on this host, localhost or allowedHosts)` };
}

/**
 * The call a wire request carries, or undefined when the request is not for this
 * proxy (another path): `{ ok: true, api, url, target, mapped, path, … }`, or
 * `{ ok: false, status, reason, refusal: { errMsg, errno? } }`.
 */
export function readCall(settings, req, kind) {
  const raw = req.url ?? '';
  const queryAt = raw.indexOf('?');
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  if (path !== settings.path && path !== `${settings.path}/`) return undefined;
  const query = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  const api = query.get(PROXY_QUERY.api) ?? '';
  const apis = kind === 'socket' ? ['connectSocket'] : HTTP_APIS;
  if (!apis.includes(api)) {
    return refused(400, 'api', { errMsg: `wxnet proxy: ${PROXY_QUERY.api}=${JSON.stringify(api)} must be one of ${apis.join(', ')}` }, api, query.get(PROXY_QUERY.url));
  }
  const url = query.get(PROXY_QUERY.url) ?? '';
  if (kind === 'http') {
    const method = requestMethod(req.method);
    if (method === undefined || (FIXED_METHOD[api] !== undefined && method !== FIXED_METHOD[api])) {
      return refused(405, 'method', errMsgFor(api, 'method is invalid'), api, url);
    }
  }
  const verdict = checkUrl(api, url, { domains: settings.policy, lan: settings.lan });
  if (!verdict.ok) return refused(403, verdict.reason, verdict.errno === undefined ? { errMsg: verdict.errMsg } : { errMsg: verdict.errMsg, errno: verdict.errno }, api, url);
  const parsed = new URL(url);
  const upstream = settings.upstreams.get(parsed.host);
  let target = new URL(upstream ?? parsed.origin);
  if (kind === 'socket') target = new URL(target.href.replace(/^http/, 'ws'));
  let header;
  if (kind === 'socket') {
    try { header = JSON.parse(query.get(PROXY_QUERY.header) ?? '{}'); } catch { header = undefined; }
    if (header === null || typeof header !== 'object' || Array.isArray(header)) {
      return refused(400, 'header', errMsgFor(api, 'parameter error', { parameter: 'header', expected: 'Object', value: header }), api, url);
    }
  }
  return { ok: true, api, url, listed: parsed, target, mapped: upstream !== undefined, path: parsed.pathname + parsed.search, header, settings };
}

function refused(status, reason, refusal, api, url) {
  return { ok: false, status, reason, refusal, api, url };
}

/**
 * The headers the upstream gets: the code's own, without what only a browser adds
 * (Origin, its Referer and cookies, fetch metadata) or the wire's; the platform's
 * Referer; the code's `cookie` (carried as x-wxnet-cookie).
 */
export function upstreamHeaders(settings, call, incoming) {
  const headers = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (BROWSER_ONLY_HEADERS.includes(name) || name.startsWith(WIRE_HEADER_PREFIX)) continue;
    headers[name] = value;
  }
  const cookie = incoming[PROXY_HEADERS.cookie];
  if (cookie !== undefined) headers.cookie = cookie;
  headers.referer = settings.referer;
  return headers;
}

/** The handshake headers of a WebSocket: as upstreamHeaders, plus the code's `header` (from the query), without the shim's subprotocols. */
export function socketHeaders(settings, call, incoming) {
  const headers = upstreamHeaders(settings, call, incoming);
  const protocols = String(incoming['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
    .filter((p) => p !== '' && p !== PROXY_SOCKET_PROTOCOL && p !== REFUSED_SOCKET_PROTOCOL);
  if (protocols.length > 0) headers['sec-websocket-protocol'] = protocols.join(', ');
  else delete headers['sec-websocket-protocol'];
  for (const [name, value] of Object.entries(call.header ?? {})) {
    const lower = name.toLowerCase();
    if (HANDSHAKE_HEADERS.has(lower) || lower === 'referer' || (BROWSER_ONLY_HEADERS.includes(lower) && lower !== 'cookie')) continue;
    if (value === undefined || value === null || lower.startsWith(WIRE_HEADER_PREFIX)) continue;
    const text = String(value);
    // The query is the page's to write: a header Node would refuse to send is left out, never thrown.
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(text)) continue;
    headers[lower] = text;
  }
  headers.referer = settings.referer;
  return headers;
}

/**
 * The response headers the shim gets: the upstream's, without hop headers and any
 * wire header it sent; its real status in x-wxnet-status; Set-Cookie moved to
 * x-wxnet-set-cookie (a page cannot read Set-Cookie, and the phone keeps no jar);
 * a Location into a mapped upstream told as the listed origin.
 */
export function responseHeaders(settings, call, upstream) {
  const headers = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (HOP_HEADERS.has(name) || name.startsWith(WIRE_HEADER_PREFIX) || name === 'set-cookie') continue;
    headers[name] = value;
  }
  const cookies = upstream.headers['set-cookie'];
  if (cookies !== undefined && cookies.length > 0) headers[PROXY_HEADERS.setCookie] = encodeCookies(cookies);
  if (typeof headers.location === 'string') headers.location = listedLocation(call, headers.location);
  headers[PROXY_HEADERS.status] = String(upstream.statusCode);
  headers['cache-control'] ??= 'no-store';
  return headers;
}

/** `redirect url not in domain list:<host>` when the next hop of a redirect is one the phone refuses. */
export function redirectRefusal(settings, call, location) {
  if (typeof location !== 'string') return undefined;
  let next;
  try { next = new URL(listedLocation(call, location), call.url); } catch { return undefined; }
  const verdict = checkUrl(call.api, next.href, { domains: settings.policy, lan: settings.lan });
  return verdict.ok ? undefined : errMsgFor(call.api, 'redirect-not-in-domain-list', next.host);
}

/** A Location pointing into the mapped upstream, as the listed origin the code knows. */
function listedLocation(call, location) {
  if (!call.mapped) return location;
  let parsed;
  try { parsed = new URL(location, call.target); } catch { return location; }
  const upstreamOrigin = call.target.origin.replace(/^ws/, 'http');
  if (parsed.origin !== upstreamOrigin) return location;
  return call.listed.origin + parsed.pathname + parsed.search + parsed.hash;
}

function optionError(message, cause) {
  const error = new WxnetError('proxy/options', `createProxy: ${message}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}
