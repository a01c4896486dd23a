// wx.connectSocket and the legacy socket API (RULES.md §9, limits and background §6).
// The WebSocket class is injected (browsers: the global one; Node: the `ws` package
// when installed, which also carries the Referer header).
import { Listeners, deliver, promisify } from '../callbacks.mjs';
import { WX_DEFAULTS, WxnetError, checkSocketClose, failure, okMessage } from '../core-port.mjs';
import { outgoingHeaders } from '../http/headers.mjs';
import { checkParameters, optionObject } from '../parameters.mjs';
import { now } from '../runtime.mjs';
import { toUpstream } from '../upstreams.mjs';
import { REFUSED_SOCKET_PROTOCOL, proxiedSocket } from './proxied-socket.mjs';

const OPEN = 1;
const CONNECTING = 0;

export function createSocketApi(context) {
  const legacy = { open: new Listeners(), message: new Listeners(), error: new Listeners(), close: new Listeners() };
  let latest;

  function connectSocket(rawOption) {
    const option = optionObject(rawOption);
    const task = new SocketTask(context, legacy);
    const invalid = checkParameters('connectSocket', option);
    if (invalid) {
      context.runtime.refuse('connectSocket', option, invalid);
      return task;
    }
    latest = task;
    task.connect(option);
    return task;
  }

  return {
    connectSocket,
    onSocketOpen: (listener) => legacy.open.on(listener),
    onSocketMessage: (listener) => legacy.message.on(listener),
    onSocketError: (listener) => legacy.error.on(listener),
    onSocketClose: (listener) => legacy.close.on(listener),
    sendSocketMessage: (option) => promisify(optionObject(option), (o) => {
      if (!latest) return deliver(o, false, failure('sendSocketMessage', 'WebSocket is not connected'));
      return latest.sendAs('sendSocketMessage', o);
    }),
    closeSocket: (option) => promisify(optionObject(option), (o) => {
      if (!latest) return deliver(o, false, failure('closeSocket', 'WebSocket is not connected'));
      return latest.closeAs('closeSocket', o);
    }),
  };
}

export class SocketTask {
  constructor(context, legacy) {
    this.context = context;
    this.runtime = context.runtime;
    this.legacy = legacy;
    this.api = 'connectSocket';
    this.queueable = false;
    this.socket = undefined;
    this.ended = false;
    this.refusedByProxy = false;
    this.timer = undefined;
    this.listeners = { open: new Listeners(), message: new Listeners(), error: new Listeners(), close: new Listeners() };
  }

  get readyState() { return this.socket?.readyState ?? (this.ended ? 3 : CONNECTING); }

  onOpen(listener) { this.listeners.open.on(listener); }
  offOpen(listener) { this.listeners.open.off(listener); }
  onMessage(listener) { this.listeners.message.on(listener); }
  offMessage(listener) { this.listeners.message.off(listener); }
  onError(listener) { this.listeners.error.on(listener); }
  offError(listener) { this.listeners.error.off(listener); }
  onClose(listener) { this.listeners.close.on(listener); }
  offClose(listener) { this.listeners.close.off(listener); }

  // The catalogue names task methods after the API they share with the legacy calls.
  send(option) { this.sendAs('sendSocketMessage', optionObject(option)); }
  close(option) { this.closeAs('closeSocket', optionObject(option)); }

  connect(option) {
    if (typeof this.context.WebSocket !== 'function') {
      this.ended = true; // a set-up error, not a call the mini program could make fail: thrown
      throw new WxnetError('wx/websocket-missing',
        'connectSocket needs a WebSocket class: pass createWx({ WebSocket }) (in Node: install the `ws` package, or pass its default export)');
    }
    this.id = this.runtime.nextCallId();
    this.url = option.url;
    this.option = option;
    this.created = now();
    // The same way in as every other API: URL check, background, limit (sockets are never queued).
    this.runtime.start(this, this.created);
  }

  /** Admitted: the socket holds a slot until it ends (Runtime.run added it). */
  begin() {
    const { option } = this;
    const headers = outgoingHeaders(this.context, 'connectSocket', option.header);
    try {
      // Browsers ignore the third argument (they cannot send headers or skip certificate
      // checks); `ws` uses it. With urlCheck off, certificates are not checked (RULES.md §3).
      const settings = this.context.urlCheck ? { headers } : { headers, rejectUnauthorized: false };
      const { url, protocols } = this.context.proxy
        ? proxiedSocket(this.context.proxy, option.url, headers, option.protocols)
        : { url: toUpstream(this.context, option.url), protocols: option.protocols ?? [] };
      this.socket = new this.context.WebSocket(url, protocols, settings);
    } catch (error) {
      this.finish();
      return deliver(option, false, failure('connectSocket', 'network', error?.message ?? String(error)));
    }
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      // The proxy refused the target: it picked its refusal subprotocol and sends the errMsg, then closes.
      if (this.context.proxy && this.socket.protocol === REFUSED_SOCKET_PROTOCOL) this.refusedByProxy = true;
      else this.opened();
    };
    this.socket.onmessage = (event) => {
      if (this.refusedByProxy) this.endByProxy(event.data);
      else this.dispatch('message', { data: event.data });
    };
    this.socket.onerror = (event) => this.dispatch('error', { errMsg: failure('connectSocket', 'network', event?.message ?? 'WebSocket error').errMsg });
    this.socket.onclose = (event) => this.closed(event.code, event.reason);
    this.timer = setTimeout(() => this.endByShim('timeout'), this.context.rules.timeout('connectSocket', option.timeout));
    return deliver(option, true, { errMsg: okMessage('connectSocket') });
  }

  /** Refused before it opened (URL check, background, limit): no slot was taken. */
  fail(result) {
    this.ended = true;
    this.runtime.log(() => ({ type: 'end', id: this.id, api: 'connectSocket', url: this.url, ok: false, errMsg: result.errMsg, errno: result.errno, timings: { created: this.created, end: now() } }));
    deliver(this.option, false, result);
  }

  opened() {
    if (this.ended) return;
    clearTimeout(this.timer);
    this.opens = now();
    this.runtime.log(() => ({ type: 'open', id: this.id, api: 'connectSocket', url: this.url, time: this.opens }));
    // A WebSocket exposes no handshake headers or phases: the open time is all we know.
    const profile = { fetchStart: this.created, domainLookUpStart: this.created, domainLookUpEnd: this.created, connectStart: this.created,
      connectEnd: this.opens, cost: this.opens - this.created, handshakeCost: 0, rtt: 0 };
    this.dispatch('open', { header: {}, profile });
  }

  dispatch(kind, event) {
    if (this.ended) return;
    this.listeners[kind].emit(event);
    this.legacy[kind].emit(event);
  }

  closed(code, reason) {
    if (this.ended) return;
    this.dispatch('close', { code, reason });
    this.finish();
  }

  /** Timeout before open, or the app in the background: the shim ends the socket itself. */
  endByShim(reason) {
    if (this.ended) return;
    const wasOpen = this.socket?.readyState === OPEN;
    if (!wasOpen) this.dispatch('error', { errMsg: failure('connectSocket', reason).errMsg });
    // The code onClose reports when the shim itself ends the socket (timeout, background).
    this.dispatch('close', { code: WX_DEFAULTS.goingAwayCode, reason });
    this.finish();
    try { this.socket?.close(WX_DEFAULTS.closeCode, reason); } catch { /* already closing */ }
  }

  interrupt() { this.endByShim('interrupted'); }

  /** The proxy refused the target (RULES.md §14): its errMsg goes to onError, then the socket ends with onClose. */
  endByProxy(errMsg) {
    if (this.ended) return;
    clearTimeout(this.timer);
    this.dispatch('error', { errMsg: typeof errMsg === 'string' ? errMsg : failure('connectSocket', 'network', 'refused by the wxnet proxy').errMsg });
    this.dispatch('close', { code: WX_DEFAULTS.goingAwayCode, reason: 'refused by the wxnet proxy' });
    this.finish();
    try { this.socket?.close(WX_DEFAULTS.closeCode); } catch { /* already closing */ }
  }

  finish() {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.runtime.log(() => ({ type: 'end', id: this.id, api: 'connectSocket', url: this.url, ok: true, errMsg: okMessage('connectSocket'), timings: { created: this.created, open: this.opens, end: now() } }));
    this.runtime.release(this);
  }

  sendAs(api, option) {
    if (this.ended || this.socket?.readyState !== OPEN) {
      return deliver(option, false, failure(api, 'WebSocket is not connected'));
    }
    const invalid = checkParameters('sendSocketMessage', option);
    if (invalid) return deliver(option, false, invalid);
    const { data } = option;
    try {
      this.socket.send(data);
    } catch (error) {
      return deliver(option, false, failure(api, 'network', error?.message ?? String(error)));
    }
    return deliver(option, true, { errMsg: okMessage(api) });
  }

  closeAs(api, option) {
    const reason = option.reason ?? '';
    const code = checkSocketClose(api, option.code, reason);
    if (typeof code !== 'number') return deliver(option, false, code);
    if (this.ended || !this.socket) return deliver(option, false, failure(api, 'WebSocket is not connected'));
    try {
      this.socket.close(code, String(reason));
    } catch (error) {
      return deliver(option, false, failure(api, 'network', error?.message ?? String(error)));
    }
    return deliver(option, true, { errMsg: okMessage(api) });
  }
}
