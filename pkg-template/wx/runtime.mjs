// The runtime of one createWx(): concurrency limits and the optional queue, the
// background state, the network log, and admission, the one way in for every API.
import { deliver, reportCallbackError } from './callbacks.mjs';
import { WxnetError, callbackResult, failure, networkLimits } from './core-port.mjs';

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
    /** Open UDP/TCP sockets and the mDNS search: no slot, but the background ends them too. */
    this.openSockets = new Set();
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

  /** A new id for a call or socket, as the network log names it. */
  nextCallId() {
    return this.nextId++;
  }

  /**
   * The one way in for every call and socket: checks the URL, logs the start, then
   * admits it or fails it with the verdict (`call.id` and `call.url` are set by then).
   */
  start(call, time) {
    const verdict = call.context.rules.checkUrl(call.api, call.url);
    this.log(() => startEvent(call, verdict, time));
    if (!verdict.ok) return call.fail(callbackResult(verdict));
    return this.admit(call);
  }

  /** Ends a call that never reached admission (parameter error, bad method): logged, then failed. */
  refuse(api, option, result) {
    const id = this.nextCallId();
    const url = option.url;
    const time = now();
    this.log(() => ({ type: 'start', id, api, url, verdict: null, time }));
    this.log(() => ({ type: 'end', id, api, url, ok: false, errMsg: result.errMsg, errno: result.errno, timings: { created: time, end: time }, duration: 0 }));
    deliver(option, false, result);
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
    for (const socket of [...this.openSockets]) socket.interrupt();
  }
}

function startEvent(call, verdict, time) {
  const event = { type: 'start', id: call.id, api: call.api, url: call.url };
  if (call.method !== undefined) event.method = call.method; // sockets have none
  event.verdict = { ok: verdict.ok, reason: verdict.reason };
  event.time = time;
  return event;
}

export function now() {
  return performance.now();
}
