// What UDPSocket and TCPSocket share (RULES.md §2, §6, §10): the target check through
// the core, the network log, the background (`interrupted`), and the transport, which
// is injected (Node: node/dgram.mjs and node/net.mjs; a browser has none).
import { Listeners } from '../callbacks.mjs';
import { failure } from '../core-port.mjs';
import { now } from '../runtime.mjs';

/** Where the environment has no such sockets: the errMsg names it (never a TypeError). */
export const NO_SOCKETS = 'a browser: browsers have no UDP, TCP or multicast sockets (use wxnet in Node)';

export class RawSocket {
  constructor(context, protocol, api, events) {
    this.context = context;
    this.runtime = context.runtime;
    this.protocol = protocol;
    this.api = api;
    this.id = this.runtime.nextCallId();
    this.created = now();
    this.closed = false;
    this.listeners = Object.fromEntries(events.map((name) => [name, new Listeners()]));
  }

  emit(name, value) {
    this.listeners[name].emit(value);
  }

  /** Errors found while a method runs reach listeners after it returns, as the platform's do. */
  emitLater(name, value) {
    queueMicrotask(() => this.emit(name, value));
  }

  /** The errMsg result for an onError listener. */
  error(reason, detail) {
    this.emitLater('error', { errMsg: failure(this.api, reason, detail).errMsg });
  }

  /**
   * Checks one target and logs it: true when it may be reached; otherwise onError
   * has the core's errMsg. A socket of a hidden app fails with `interrupted`.
   */
  admit(address, port) {
    if (this.runtime.hidden) {
      this.error('interrupted');
      return false;
    }
    // The same target as the last send: the same verdict (UDP sends in a loop).
    if (address === this.lastAddress && port === this.lastPort) return true;
    const verdict = this.context.rules.socketTarget(this.protocol, address, port);
    this.runtime.log(() => ({ type: 'start', id: this.id, api: this.api, url: `${this.protocol}://${address}:${port}`, verdict: { ok: verdict.ok, reason: verdict.reason }, time: now() }));
    if (!verdict.ok) {
      this.emitLater('error', { errMsg: verdict.errMsg });
      return false;
    }
    this.lastAddress = address;
    this.lastPort = port;
    return true;
  }

  /** Open: the background may end it from now on. */
  opened(url) {
    this.url = url;
    this.runtime.openSockets.add(this);
    this.runtime.log(() => ({ type: 'open', id: this.id, api: this.api, url, time: now() }));
  }

  /** Closed, by either side: logged once, onClose once. */
  finish(result) {
    if (this.closed) return;
    this.closed = true;
    this.runtime.openSockets.delete(this);
    this.runtime.log(() => ({ type: 'end', id: this.id, api: this.api, url: this.url, ok: true, errMsg: result.errMsg, timings: { created: this.created, end: now() } }));
    this.emitLater('close', result);
  }

  /** The app stayed in the background too long: onError `interrupted`, then closed. */
  interrupt() {
    this.error('interrupted');
    this.close();
  }
}

/** `on*`/`off*` methods for each event, as the platform names them (onMessage, offMessage, …). */
export function addListenerMethods(prototype, events) {
  for (const name of events) {
    const title = name[0].toUpperCase() + name.slice(1);
    prototype[`on${title}`] = function on(listener) { this.listeners[name].on(listener); };
    prototype[`off${title}`] = function off(listener) { this.listeners[name].off(listener); };
  }
}

/** Bytes of a string (UTF-8) or an ArrayBuffer (a view of it, `offset`/`length` applied). */
export function messageBytes(message, offset, length) {
  if (typeof message === 'string') return new TextEncoder().encode(message);
  const start = Number.isInteger(offset) && offset > 0 ? Math.min(offset, message.byteLength) : 0;
  const end = Number.isInteger(length) && length >= 0 ? Math.min(start + length, message.byteLength) : message.byteLength;
  return new Uint8Array(message, start, end - start);
}

/** An ArrayBuffer holding exactly the bytes of a Node Buffer or typed array (no copy when it owns its memory). */
export function toArrayBuffer(bytes) {
  if (bytes instanceof ArrayBuffer) return bytes;
  const { buffer, byteOffset, byteLength } = bytes;
  if (byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return buffer.slice(byteOffset, byteOffset + byteLength);
}
