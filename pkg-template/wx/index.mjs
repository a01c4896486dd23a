// createWx(): the wx network API for previewers and Node (RULES.md §3–§9).
//
// This file checks the options and wires the parts together: the runtime (limits,
// queue, background, network log) is runtime.mjs, one call's life call.mjs, the APIs
// request.mjs, upload-file.mjs, download-file.mjs and socket/; every rule they apply
// comes from the core through core-port.mjs.
//
// Every option is checked here, at creation: a wrong one throws WxnetError
// `wx/options` naming it, so that wx.request itself never throws (the platform's
// does not).
import {
  DomainPolicy, WX_DEFAULTS, WxnetError, buildReferer, checkUrl, closestName, describeValue, lintDomains, networkLimits, resolveTimeout, rulesFor,
} from './core-port.mjs';
import { createDownloadFile } from './download-file.mjs';
import { createMemoryFileStore } from './file-store.mjs';
import { createRequest } from './request.mjs';
import { Runtime } from './runtime.mjs';
import { createSocketApi } from './socket/web-socket.mjs';
import { createMdnsApi } from './socket/mdns.mjs';
import { createTcpApi } from './socket/tcp.mjs';
import { createUdpApi } from './socket/udp.mjs';
import { createUploadFile } from './upload-file.mjs';

export { createMemoryFileStore } from './file-store.mjs';
export { parseStorePath } from './core-port.mjs';

const OPTION_NAMES = [
  'domains', 'urlCheck', 'lan', 'wssPortCheck', 'app', 'appid', 'version', 'refererHeader', 'limits',
  'overLimit', 'fetch', 'upstreams', 'proxy', 'WebSocket', 'fileStore', 'manualRedirects', 'streamUploads', 'sockets',
];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Creates an isolated `wx` network API and the `runtime` that controls it.
 * `platformDefaults` is how an entry passes its own defaults (the Node entry: a
 * temp-dir file store, the `ws` package, streamed uploads); options win over them.
 */
export function createWx(options = {}, platformDefaults = {}) {
  const inNode = platformDefaults.environment === 'node';
  const settings = readOptions(options ?? {}, inNode);
  const checks = { domains: settings.domains, urlCheck: settings.urlCheck, lan: settings.lan, wssPortCheck: settings.wssPortCheck };
  const rules = rulesFor(checks, settings.app);
  const context = {
    // With a proxy and no domains of its own, the shim leaves the URL verdicts to the proxy's lists.
    rules: settings.proxy !== undefined && settings.domains === undefined ? deferUrlChecks(rules) : rules,
    urlCheck: settings.urlCheck,
    referer: settings.referer,
    refererHeader: settings.refererHeader,
    upstreams: settings.upstreams,
    proxy: settings.proxy,
    fetch: settings.fetch ?? platformDefaults.fetch ?? ((...args) => globalThis.fetch(...args)),
    WebSocket: settings.WebSocket ?? platformDefaults.WebSocket ?? globalThis.WebSocket,
    fileStore: settings.fileStore ?? platformDefaults.fileStore ?? createMemoryFileStore(),
    streamUploads: settings.streamUploads ?? platformDefaults.streamUploads ?? false,
    // The proxy shows redirects (it never follows them), so every hop is checked, in browsers too.
    manualRedirects: settings.proxy !== undefined || (settings.manualRedirects ?? platformDefaults.manualRedirects ?? false),
    ...socketTransports(settings.sockets, platformDefaults),
  };
  const runtime = new Runtime(context, settings.limits, settings.overLimit);
  context.runtime = runtime;
  for (const warning of domainWarnings(settings.domains)) runtime.warn(warning);
  const sockets = createSocketApi(context);
  const wx = {
    request: createRequest(context),
    uploadFile: createUploadFile(context),
    downloadFile: createDownloadFile(context),
    ...sockets,
    ...createUdpApi(context),
    ...createTcpApi(context),
    ...createMdnsApi(context),
  };
  return { wx, runtime: runtime.publicApi() };
}

/** Checks every option; returns them with defaults applied, or throws `wx/options`. */
function readOptions(options, inNode) {
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw optionError(`options must be an object, got ${describeValue(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.includes(name)) {
      const near = closestName(name, OPTION_NAMES);
      throw optionError(`unknown option ${JSON.stringify(name)}${near ? `; did you mean ${near}?` : ''} (options: ${OPTION_NAMES.join(', ')})`);
    }
  }
  const urlCheck = options.urlCheck ?? true;
  const checks = { domains: options.domains, urlCheck, lan: options.lan, wssPortCheck: options.wssPortCheck };
  if (checks.domains !== undefined && checks.domains !== null && !(checks.domains instanceof DomainPolicy) && !isPlainObject(checks.domains)) {
    throw optionError(`options.domains must be an object like { requestdomain: ["https://a.com"] } or a DomainPolicy, got ${describeValue(checks.domains)}`);
  }
  try {
    checkUrl('request', 'https://wxnet.invalid/', checks); // compiles the lists and reads lan, urlCheck, wssPortCheck
  } catch (error) {
    throw optionError(error.message, error);
  }
  const app = options.app ?? undefined;
  if (app !== undefined) {
    if (!isPlainObject(app)) throw optionError(`options.app must be the parsed app.json or game.json (an object), got ${describeValue(app)}`);
    try {
      for (const api of Object.keys(networkLimits().concurrent)) resolveTimeout(api, undefined, app);
    } catch (error) {
      throw optionError(`options.app: ${error.message}`, error);
    }
  }
  const appid = checkString(options.appid, 'appid') ?? WX_DEFAULTS.appid;
  let referer;
  try {
    referer = buildReferer(appid, options.version ?? WX_DEFAULTS.version);
  } catch (error) {
    throw optionError(`options.${error.code === 'referer/version' ? 'version' : 'appid'}: ${error.message}`, error);
  }
  const refererHeader = options.refererHeader;
  if (refererHeader !== undefined && (typeof refererHeader !== 'string' || !HEADER_NAME.test(refererHeader) || /^referer$/i.test(refererHeader))) {
    throw optionError(`options.refererHeader must be a header name other than Referer, such as "X-Wxnet-Referer", got ${describeValue(refererHeader)}`);
  }
  const overLimit = options.overLimit ?? 'fail';
  if (overLimit !== 'fail' && overLimit !== 'queue') throw optionError(`options.overLimit must be 'fail' or 'queue', got ${describeValue(overLimit)}`);
  for (const name of ['fetch', 'WebSocket']) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw optionError(`options.${name} must be a function, got ${describeValue(options[name])}`);
    }
  }
  for (const name of ['manualRedirects', 'streamUploads']) {
    if (options[name] !== undefined && typeof options[name] !== 'boolean') {
      throw optionError(`options.${name} must be a boolean, got ${describeValue(options[name])}`);
    }
  }
  if (options.manualRedirects === true && !inNode) {
    throw optionError('options.manualRedirects cannot be true in a browser: fetch hides redirects there (an opaque response), so wxnet checks the final URL instead');
  }
  const fileStore = options.fileStore;
  if (fileStore !== undefined && (fileStore === null || typeof fileStore.read !== 'function' || typeof fileStore.save !== 'function')) {
    throw optionError(`options.fileStore must have read(path) and save(bytes, options) methods, got ${describeValue(fileStore)}`);
  }
  return {
    ...checks, app, referer, refererHeader, overLimit, fileStore,
    limits: readLimits(options.limits),
    upstreams: readUpstreams(options.upstreams),
    proxy: readProxy(options.proxy, options.upstreams, inNode),
    fetch: options.fetch, WebSocket: options.WebSocket,
    manualRedirects: options.manualRedirects, streamUploads: options.streamUploads,
    sockets: readSockets(options.sockets),
  };
}

const SOCKET_OPTION_NAMES = ['udp', 'tcp', 'mdns', 'resolve'];

/** `options.sockets`: `{ udp, tcp }` transports and `resolve(address, protocol)` (a listed name -> where to really go). */
function readSockets(given) {
  if (given === undefined) return {};
  if (!isPlainObject(given)) throw optionError(`options.sockets must be an object { udp?, tcp?, mdns?, resolve? }, got ${describeValue(given)}`);
  for (const [name, value] of Object.entries(given)) {
    if (!SOCKET_OPTION_NAMES.includes(name)) throw optionError(`options.sockets.${name} is not a socket option; use ${SOCKET_OPTION_NAMES.join(', ')}`);
    const fits = name === 'resolve' ? typeof value === 'function' : value !== null && typeof value === 'object';
    if (value !== undefined && !fits) throw optionError(`options.sockets.${name} must be ${name === 'resolve' ? 'a function' : 'a transport object'}, got ${describeValue(value)}`);
  }
  return given;
}

/** The UDP/TCP/mDNS transports: the caller's, else the platform's (Node: node:dgram, node:net, multicast; browsers: none). */
function socketTransports(sockets, platformDefaults) {
  return {
    udp: sockets.udp ?? platformDefaults.udp, tcp: sockets.tcp ?? platformDefaults.tcp, mdns: sockets.mdns ?? platformDefaults.mdns,
    socketResolve: sockets.resolve,
  };
}

function readLimits(given) {
  const limits = { ...networkLimits().concurrent };
  if (given === undefined) return limits;
  const apis = Object.keys(limits);
  if (!isPlainObject(given)) throw optionError(`options.limits must be an object such as { request: 10 }, got ${describeValue(given)}`);
  for (const [api, value] of Object.entries(given)) {
    if (!apis.includes(api)) throw optionError(`options.limits.${api} is not a network API; use ${apis.join(', ')}`);
    if (!Number.isSafeInteger(value) || value < 1) throw optionError(`options.limits.${api} must be a positive integer, got ${describeValue(value)}`);
    limits[api] = value;
  }
  return limits;
}

/** `{ 'https://api.example.com': 'http://127.0.0.1:4000' }` as [listed origin, real origin] pairs. */
function readUpstreams(given) {
  if (given === undefined) return [];
  if (!isPlainObject(given)) throw optionError(`options.upstreams must be an object { "https://listed.host": "http://127.0.0.1:4000" }, got ${describeValue(given)}`);
  return Object.entries(given).map(([listed, real]) => [originOf(listed, `options.upstreams key ${JSON.stringify(listed)}`),
    originOf(real, `options.upstreams[${JSON.stringify(listed)}]`)]);
}

function originOf(text, what) {
  let url;
  try {
    url = typeof text === 'string' ? new URL(text) : undefined;
  } catch { /* reported below */ }
  if (!url || !/^(https?|wss?):$/.test(url.protocol) || url.origin === 'null' || `${url.origin}/` !== url.href.replace(/\/?$/, '/')) {
    throw optionError(`${what} must be an origin such as "http://127.0.0.1:4000" (scheme, host, port; no path), got ${describeValue(text)}`);
  }
  return url.origin;
}

/**
 * `options.proxy`: where the dev proxy is mounted, a path on the page's origin
 * (browsers: `'/__wxnet'`) or an absolute http(s) URL (Node: `'http://127.0.0.1:5174/__wxnet'`).
 */
function readProxy(proxy, upstreams, inNode) {
  if (proxy === undefined) return undefined;
  const example = inNode ? '"http://127.0.0.1:5174/__wxnet"' : '"/__wxnet" or "http://127.0.0.1:5174/__wxnet"';
  let absolute;
  try { absolute = typeof proxy === 'string' ? new URL(proxy) : undefined; } catch { /* a path, or nothing usable */ }
  const path = typeof proxy === 'string' && proxy.startsWith('/') && !proxy.startsWith('//');
  const usable = absolute ? /^https?:$/.test(absolute.protocol) && absolute.search === '' && absolute.hash === '' : path && !inNode;
  if (!usable) throw optionError(`options.proxy must be ${inNode ? 'an absolute URL' : 'a path on this origin or an absolute URL'} of the wxnet dev proxy, such as ${example}, got ${describeValue(proxy)}`);
  if (upstreams !== undefined) throw optionError('options.upstreams cannot be combined with options.proxy: map hosts in the proxy\'s own upstreams option');
  return proxy;
}

/** URL verdicts left to the proxy: every URL passes here, and the proxy's refusal comes back as the call's errMsg. */
function deferUrlChecks(rules) {
  const deferred = Object.freeze({ ok: true, reason: 'proxy' });
  return { ...rules, checkUrl: () => deferred };
}

/** What lintDomains finds in a plain domains object, as runtime warnings (a typo refuses everything). */
function domainWarnings(domains) {
  if (!isPlainObject(domains)) return [];
  return lintDomains(domains)
    .filter((diagnostic) => diagnostic.severity !== 'info')
    .map(({ code, severity, message, help }) => ({ code, severity, message: `options.domains: ${message}${help ? `; ${help}` : ''}` }));
}

function checkString(value, name) {
  if (value !== undefined && typeof value !== 'string') throw optionError(`options.${name} must be a string, got ${describeValue(value)}`);
  return value;
}

function optionError(message, cause) {
  const error = new WxnetError('wx/options', `createWx: ${message}`);
  if (cause !== undefined) error.cause = cause;
  return error;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
