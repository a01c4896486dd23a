// The machinery every wx network API shares: the runtime (concurrency limits and the
// optional queue, the background state, the network log) and the life of one call
// (check, admission, timeout, abort, exactly-once callbacks that never run
// synchronously). Internal: the public entry is createWx() in wx.mjs.
import { WxnetError } from '../core/errors.mjs';
import { failure, networkLimits, okMessage } from './core-port.mjs';

/** Warnings already written to the console (once per process, however many createWx). */
const warnedOnConsole = new Set();

export class Runtime {
  /** `limits`: concurrent calls per API name (the core's, or the caller's override). */
  constructor(context, limits, overLimit) {
    this.context = context;
    this.limits = limits;
    this.apis = Object.keys(limits);
    this.overLimit = overLimit;
    this.hidden = false;
    this.backgroundTimer = undefined;
    this.active = Object.fromEntries(this.apis.map((api) => [api, new Set()]));
    this.waiting = Object.fromEntries(this.apis.map((api) => [api, []]));
    this.listeners = new Set();
    this.warnings = [];
    this.nextId = 1;
  }

  /**
   * A problem with the set-up (e.g. a domain list with a typo, which refuses every
   * call): kept as a `warning` event that every onEvent listener receives first,
   * and written once to the console.
   */
  warn({ code, severity, message }) {
    const event = { type: 'warning', code, severity, message, time: now() };
    this.warnings.push(event);
    if (!warnedOnConsole.has(message)) {
      warnedOnConsole.add(message);
      console.warn(`wxnet: ${message} [${code}]`);
    }
  }

  publicApi() {
    const self = this;
    return {
      hide: () => this.hide(),
      show: () => this.show(),
      get hidden() { return self.hidden; },
      inFlight: () => Object.fromEntries(this.apis.map((api) => [api, this.active[api].size])),
      queued: () => Object.fromEntries(this.apis.map((api) => [api, this.waiting[api].length])),
      limits: () => ({ ...this.limits }),
      onEvent: (listener) => {
        if (typeof listener !== 'function') throw new WxnetError('wx/listener', 'runtime.onEvent(listener): listener must be a function');
        this.listeners.add(listener);
        for (const warning of this.warnings) {
          try { listener(warning); } catch (error) { reportCallbackError(error); }
        }
        return () => this.listeners.delete(listener);
      },
      fileStore: this.context.fileStore,
    };
  }

  /** Emits the event `make()` builds, building it only when someone listens. */
  log(make) {
    if (this.listeners.size > 0) this.emit(make());
  }

  emit(event) {
    for (const listener of this.listeners) {
      try { listener(event); } catch (error) { reportCallbackError(error); }
    }
  }

  /** Admits a checked call: runs it, queues it, or fails it (background, limit). */
  admit(call) {
    if (this.hidden) return call.fail(failure(call.api, 'interrupted'));
    if (this.active[call.api].size < this.limits[call.api]) return this.run(call);
    if (this.overLimit === 'queue' && call.queueable) {
      this.waiting[call.api].push(call);
      call.queued();
      return undefined;
    }
    return call.fail(failure(call.api, 'exceed max task count'));
  }

  run(call) {
    this.active[call.api].add(call);
    call.begin();
  }

  /** Called once by every call that held or waited for a slot. */
  release(call) {
    if (this.active[call.api].delete(call)) this.pump(call.api);
    else {
      const queue = this.waiting[call.api];
      const index = queue.indexOf(call);
      if (index >= 0) queue.splice(index, 1);
      this.holdProcessWhileQueued();
    }
  }

  pump(api) {
    const queue = this.waiting[api];
    while (!this.hidden && queue.length > 0 && this.active[api].size < this.limits[api]) this.run(queue.shift());
  }

  hide() {
    if (this.hidden) return;
    this.hidden = true;
    this.emit({ type: 'background', hidden: true, time: now() });
    this.backgroundTimer = setTimeout(() => this.interruptAll(), networkLimits().backgroundGraceMs);
    this.holdProcessWhileQueued();
  }

  /**
   * In Node the background timer must not keep an idle process alive: running calls
   * hold their own sockets, so the timer only holds the process while calls wait in
   * the queue (they have nothing else that would).
   */
  holdProcessWhileQueued() {
    const timer = this.backgroundTimer;
    if (timer === undefined || typeof timer !== 'object') return; // browsers: a number, nothing to hold
    const queued = this.apis.some((api) => this.waiting[api].length > 0);
    if (queued) timer.ref?.();
    else timer.unref?.();
  }

  show() {
    if (!this.hidden) return;
    this.hidden = false;
    clearTimeout(this.backgroundTimer);
    this.backgroundTimer = undefined;
    this.emit({ type: 'background', hidden: false, time: now() });
    for (const api of this.apis) this.pump(api);
  }

  interruptAll() {
    this.backgroundTimer = undefined;
    for (const api of this.apis) {
      for (const call of [...this.waiting[api], ...this.active[api]]) call.interrupt();
    }
  }
}

/**
 * One call of request/uploadFile/downloadFile from admission to its callbacks.
 * `execute(call)` does the I/O and resolves to the success result (without errMsg),
 * or rejects. On timeout, abort() and interrupt the call fails at once, and the
 * transport is cut at once through `call.signal` and `call.cancelBody`.
 */
export class Call {
  constructor(context, api, option, { url, method, execute }) {
    this.context = context;
    this.runtime = context.runtime;
    this.api = api;
    this.option = option;
    this.url = url;
    this.method = method;
    this.execute = execute;
    this.queueable = true;
    this.id = this.runtime.nextId++;
    this.settled = false;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.cancelBody = undefined;
    this.timings = { created: now() };
    this.statusCode = undefined;
    this.timer = undefined;
  }

  /** Checks the URL, then admits the call. Always returns synchronously; callbacks come later. */
  start() {
    const verdict = this.context.rules.checkUrl(this.api, this.url);
    this.runtime.log(() => ({ type: 'start', id: this.id, api: this.api, url: this.url, method: this.method, verdict: { ok: verdict.ok, reason: verdict.reason }, time: this.timings.created }));
    if (!verdict.ok) return this.fail(verdict.errno === undefined ? { errMsg: verdict.errMsg } : { errMsg: verdict.errMsg, errno: verdict.errno });
    this.runtime.admit(this);
    return undefined;
  }

  queued() {
    this.timings.queued = now();
    this.runtime.log(() => ({ type: 'queued', id: this.id, api: this.api, url: this.url, time: this.timings.queued }));
  }

  begin() {
    this.timings.start = now();
    let pending;
    try {
      // Anything that throws once the call holds a slot fails the call, which frees the slot.
      this.timer = setTimeout(() => this.stop('timeout'), this.context.rules.timeout(this.api, this.option.timeout));
      pending = Promise.resolve(this.execute(this));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then((result) => this.succeed(result), (error) => this.fail(this.transportFailure(error)));
  }

  /** Marks the moment the response headers arrived (for the log and `profile`). */
  headersArrived(statusCode) {
    this.statusCode = statusCode;
    this.timings.headers = now();
    this.runtime.log(() => ({ type: 'headers', id: this.id, api: this.api, url: this.url, statusCode, time: this.timings.headers }));
  }

  /** abort(), timeout and background end a call the same way: fail now, cancel the transport. */
  stop(reason) {
    if (this.settled) return;
    const result = failure(this.api, reason);
    this.fail(result);
    this.controller.abort(new WxnetError('wx/stopped', result.errMsg));
    this.cancelBody?.();
  }

  abort() { this.stop('abort'); }

  interrupt() { this.stop('interrupted'); }

  transportFailure(error) {
    if (error instanceof CallFailure) return error.result;
    if (this.settled) return undefined; // the transport noticed a stop that already failed the call
    const detail = describeTransportError(error);
    return failure(this.api, 'transport', detail); // the core tells a refused certificate from other failures
  }

  succeed(result) {
    if (this.settled) return;
    result.errMsg = okMessage(this.api); // execute() built the object for this call alone
    this.settle(true, result);
  }

  fail(result) {
    this.settle(false, result);
  }

  settle(ok, result) {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.timings.end = now();
    this.runtime.release(this);
    this.runtime.log(() => ({
      type: 'end', id: this.id, api: this.api, url: this.url, method: this.method, ok,
      statusCode: ok ? result.statusCode : this.statusCode, errMsg: result.errMsg, errno: result.errno,
      timings: { ...this.timings }, duration: this.timings.end - this.timings.created,
    }));
    deliver(this.option, ok, result);
  }
}

/** Listener lists with the platform's on/off semantics (off without a listener removes all). */
export class Listeners {
  constructor() { this.list = []; }
  on(listener) { if (typeof listener === 'function') this.list.push(listener); }
  off(listener) {
    if (listener === undefined) this.list = [];
    else this.list = this.list.filter((candidate) => candidate !== listener);
  }
  emit(value) {
    if (this.list.length === 0) return;
    for (const listener of [...this.list]) invoke(listener, value);
  }
}

// The platform's profile with the timings a fetch can observe (the call, the queue, the
// headers, the end); phases fetch hides (DNS, connect, TLS) carry the start time or 0.
export function requestProfile(call, received, body) {
  const t = call.timings;
  const sent = body === undefined ? 0 : typeof body === 'string' ? new TextEncoder().encode(body).byteLength : body.byteLength ?? 0;
  return {
    redirectStart: 0, redirectEnd: 0, fetchStart: t.start, domainLookUpStart: t.start, domainLookUpEnd: t.start,
    connectStart: t.start, connectEnd: t.start, SSLconnectionStart: 0, SSLconnectionEnd: 0,
    requestStart: t.start, requestEnd: t.start, responseStart: t.headers ?? 0, responseEnd: now(),
    rtt: 0, estimate_nettype: 0, httpRttEstimate: 0, transportRttEstimate: 0, downstreamThroughputKbpsEstimate: 0,
    throughputKbps: 0, peerIP: '', port: 0, socketReused: false, sendBytesCount: sent, receivedBytedCount: received, protocol: '',
    invokeStart: t.created, queueStart: t.queued ?? t.start, queueEnd: t.start,
    httpDNSDomainLookUpStart: 0, httpDNSDomainLookUpEnd: 0, usingHighPerformanceMode: false,
  };
}

/** Redirects a client follows before it gives up (the fetch standard's limit). */
const MAX_REDIRECTS = 20;

/**
 * fetch with the client's redirect rule (RULES.md §1): every hop must pass the URL
 * check, else `redirect url not in domain list:<host>`. Where fetch shows redirects
 * (`redirect: 'manual'` in Node) each Location is checked before it is requested;
 * browsers hide them (an opaque response), so there the final URL is checked after
 * fetch followed the chain. Checks always judge the URL the phone would see: with
 * `upstreams`, the transport goes to the mapped origin and what comes back from it
 * is mapped back first. With `urlCheck: false` certificates are not checked (§3).
 */
export async function fetchChecked(context, call, url, init) {
  if (!context.urlCheck) init.rejectUnauthorized = false; // `init` is the caller's own fresh object
  if (!context.manualRedirects) {
    init.redirect = 'follow';
    const response = whileRunning(call, await context.fetch(toUpstream(context, url), init));
    if (response.redirected && response.url) refuseRedirect(context, call, fromUpstream(context, response.url));
    return response;
  }
  let target = url;
  let request = init;
  request.redirect = 'manual';
  for (let hop = 0; ; hop++) {
    const response = whileRunning(call, await context.fetch(toUpstream(context, target), request));
    if (response.status < 300 || response.status > 399 || hop === MAX_REDIRECTS) return response;
    const location = response.headers.get('location');
    if (location === null) return response;
    const next = fromUpstream(context, new URL(location, target).href);
    refuseRedirect(context, call, next);
    response.body?.cancel().catch(() => {});
    // 303, and 301/302 after a POST, continue as GET without a body (fetch standard, step "HTTP-redirect fetch").
    if (response.status === 303 ? request.method !== 'HEAD' : (response.status === 301 || response.status === 302) && request.method === 'POST') {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^content-(type|length)$/i.test(name)));
      request = { ...request, method: 'GET', body: undefined, headers, duplex: undefined };
    }
    target = next;
  }
}

/** The URL the transport is sent to: a listed origin replaced by its upstream (createWx `upstreams`). */
export function toUpstream(context, url) {
  return replaceOrigin(url, context.upstreams, 0, 1);
}

/** The URL the phone would see for one that came back from an upstream. */
function fromUpstream(context, url) {
  return replaceOrigin(url, context.upstreams, 1, 0);
}

function replaceOrigin(url, pairs, from, to) {
  if (pairs.length === 0) return url;
  let parsed;
  try { parsed = new URL(url); } catch { return url; }
  const pair = pairs.find((candidate) => candidate[from] === parsed.origin);
  return pair ? pair[to] + parsed.pathname + parsed.search + parsed.hash : url;
}

/** A response that arrives after its call stopped is cut at once. */
function whileRunning(call, response) {
  if (!call.settled) return response;
  response.body?.cancel().catch(() => {});
  throw new CallStopped();
}

/** Reads a response body to the end through a reader, so that a stop can cancel it midway. */
export async function readBody(call, response, onChunk) {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  call.cancelBody = () => { reader.cancel().catch(() => {}); };
  const parts = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (call.settled) throw new CallStopped();
      parts.push(value);
      length += value.byteLength;
      onChunk?.(value, length);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    call.cancelBody = undefined;
  }
  if (call.settled) throw new CallStopped(); // cancelled midway: the bytes are partial
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) { bytes.set(part, offset); offset += part.byteLength; }
  return bytes;
}

function refuseRedirect(context, call, url) {
  const verdict = context.rules.checkUrl(call.api, url);
  if (verdict.ok) return;
  let host = url;
  try { host = new URL(url).host; } catch { /* keep the URL as written */ }
  throw new CallFailure(failure(call.api, 'redirect-not-in-domain-list', host));
}

/** The transport gave up because its call had already failed (abort, timeout, background). */
class CallStopped extends Error {}

/** A failure an API's execute() raises on purpose, with a catalogue result. */
export class CallFailure extends Error {
  constructor(result) {
    super(result.errMsg);
    this.result = result;
  }
}

/** Runs success/fail then complete, never synchronously, each at most once, isolated from our state. */
export function deliver(option, ok, result) {
  queueMicrotask(() => {
    const callback = ok ? option.success : option.fail;
    if (typeof callback === 'function') invoke(callback, result);
    if (typeof option.complete === 'function') invoke(option.complete, result);
  });
}

export function invoke(callback, value) {
  try {
    callback(value);
  } catch (error) {
    reportCallbackError(error);
  }
}

// A throwing user callback must not break the shim's bookkeeping; the platform logs it.
function reportCallbackError(error) {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}

/**
 * Checks option fields' types; `spec` is `[name, type, required]` with the platform's
 * type names. The first wrong field gives the failure, worded by the core's catalogue:
 * `parameter error: parameter.url should be String instead of Undefined;`.
 */
export function checkParameters(api, option, spec) {
  for (const [parameter, expected, required] of spec) {
    const value = option[parameter];
    if (value === undefined && !required) continue;
    if (!HAS_TYPE[expected](value)) return failure(api, 'parameter error', { parameter, expected, value });
  }
  return undefined;
}

const HAS_TYPE = {
  String: (value) => typeof value === 'string',
  Number: (value) => typeof value === 'number',
  Boolean: (value) => typeof value === 'boolean',
  Array: (value) => Array.isArray(value),
  Object: (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
};

/** Normalises the option argument: a missing one is `{}` so the parameter check words it. */
export function optionObject(option) {
  return option !== null && typeof option === 'object' ? option : {};
}

/**
 * How request, uploadFile and downloadFile start: check the option's fields (and
 * `precheck(option, method)`, which may return a failure), then run `execute(call,
 * option)` as a Call tied to `task`. Returns the task at once; results come by callback.
 */
export function startTask(context, api, rawOption, task, { parameters, method, precheck, execute }) {
  const option = optionObject(rawOption);
  let refused = checkParameters(api, option, parameters);
  const httpMethod = refused ? undefined : typeof method === 'function' ? method(option) : method;
  refused ??= precheck?.(option, httpMethod);
  if (refused) {
    refuse(context, api, option, option.url, refused);
    return task;
  }
  task.call = new Call(context, api, option, { url: option.url, method: httpMethod, execute: (call) => execute(call, option) });
  task.call.start();
  return task;
}

/** Ends a call that never reached admission (parameter error, bad method). */
export function refuse(context, api, option, url, result) {
  const id = context.runtime.nextId++;
  const time = now();
  context.runtime.log(() => ({ type: 'start', id, api, url, verdict: null, time }));
  context.runtime.log(() => ({ type: 'end', id, api, url, ok: false, errMsg: result.errMsg, errno: result.errno, timings: { created: time, end: time }, duration: 0 }));
  deliver(option, false, result);
}

/** Headers for a transport: caller headers without any Referer, plus the platform's Referer. */
export function outgoingHeaders(context, header, { defaults = {}, drop = [] } = {}) {
  const headers = {};
  const present = new Set();
  for (const [name, value] of Object.entries(header ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'referer' || drop.includes(lower) || value === undefined || value === null) continue;
    headers[name] = String(value);
    present.add(lower);
  }
  for (const [name, value] of Object.entries(defaults)) if (!present.has(name)) headers[name] = value;
  headers.Referer = context.referer; // forbidden in browsers: fetch drops it there (docs/wx.md)
  if (context.refererHeader) headers[context.refererHeader] = context.referer;
  return headers;
}

/** Response headers as a plain object and the Set-Cookie values as an array. */
export function responseHeaders(headers) {
  const header = {};
  headers.forEach((value, name) => { header[name] = value; });
  const cookies = typeof headers.getSetCookie === 'function' ? headers.getSetCookie()
    : headers.get('set-cookie') ? [headers.get('set-cookie')] : [];
  if (cookies.length > 0) header['set-cookie'] = cookies.join(', ');
  return { header, cookies };
}


// The transport's own words for a failure without a response (`ECONNRESET`, `Failed to fetch`).
function describeTransportError(error) {
  const cause = error?.cause;
  const text = cause && typeof cause === 'object' ? cause.code ?? cause.message : error?.message;
  return typeof text === 'string' && text !== '' ? text : String(error);
}

export function now() {
  return performance.now();
}
