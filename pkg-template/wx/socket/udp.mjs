// wx.createUDPSocket (RULES.md §10; targets §2): bind, send, connect, write, setTTL,
// close and the Close, Error, Listening, Message events, over an injected
// dgram-like transport (Node: node/dgram.mjs).
import { failure } from '../core-port.mjs';
import { checkParameters, optionObject } from '../parameters.mjs';
import { NO_SOCKETS, RawSocket, addListenerMethods, messageBytes, toArrayBuffer } from './raw-socket.mjs';

const API = 'createUDPSocket';
const EVENTS = ['close', 'error', 'listening', 'message'];
/** bind() without a port: the platform returns the port at once, so wxnet picks one (Node binds asynchronously). */
const EPHEMERAL_LOW = 49152;
const EPHEMERAL_COUNT = 16384;

export function createUdpApi(context) {
  return {
    createUDPSocket(type = 'udp4') {
      return new UDPSocket(context, type === 'udp6' ? 'udp6' : 'udp4');
    },
  };
}

export class UDPSocket extends RawSocket {
  constructor(context, type) {
    super(context, 'udp', API, EVENTS);
    this.type = type;
    this.socket = undefined;
    this.boundPort = 0;
    this.connectedTo = undefined;
  }

  /** The transport socket, made on first use. Undefined (and onError said why) where there is none. */
  transport() {
    if (this.socket || this.closed) return this.socket;
    const factory = this.context.udp;
    if (!factory) {
      this.error('not supported', NO_SOCKETS);
      return undefined;
    }
    const socket = factory.createSocket(this.type);
    socket.on('message', (bytes, remote) => this.received(bytes, remote));
    socket.on('listening', () => {
      const { address, family, port } = socket.address();
      this.localInfo = Object.freeze({ address, family, port });
      this.emit('listening', { errMsg: 'onListening:ok' });
    });
    socket.on('error', (error) => this.error('network', error?.message ?? String(error)));
    socket.on('close', () => this.finish({ errMsg: 'close:ok' }));
    this.socket = socket;
    this.opened(`udp://0.0.0.0:${this.boundPort}`);
    return socket;
  }

  received(bytes, remote) {
    if (this.closed) return;
    this.emit('message', {
      message: toArrayBuffer(bytes),
      remoteInfo: { address: remote.address, family: remote.family, port: remote.port, size: remote.size },
      localInfo: this.localInfo ?? { address: '0.0.0.0', family: 'IPv4', port: this.boundPort },
    });
  }

  /** Binds `port` (a random free-looking one when omitted) and returns it at once, as the platform does. */
  bind(port) {
    if (this.bindCalled) {
      this.error('network', 'the socket is already bound');
      return this.boundPort;
    }
    const explicit = Number.isInteger(port) && port > 0 && port <= 65535;
    const chosen = explicit ? port : EPHEMERAL_LOW + Math.floor(Math.random() * EPHEMERAL_COUNT);
    if (!this.socket) this.boundPort = chosen; // names the socket in the network log
    const socket = this.transport();
    if (!socket) return 0;
    this.bindCalled = true;
    this.boundPort = chosen;
    this.url = `udp://0.0.0.0:${chosen}`;
    try {
      socket.bind(chosen);
    } catch (error) { // already bound by an earlier send: the transport's own words, as an onError
      this.error('network', error?.message ?? String(error));
    }
    return chosen;
  }

  send(option) { this.sendAs('send', optionObject(option)); }

  /** Like send; after connect it goes to the connected peer (the address is still required). */
  write(option) { this.sendAs('write', optionObject(option)); }

  sendAs(method, option) {
    if (this.closed) return this.error('socket is not connected');
    const invalid = checkParameters('UDPSocket.send', option, method);
    if (invalid) return this.emitLater('error', { errMsg: invalid.errMsg });
    const { address, port, message } = option;
    if (typeof message !== 'string' && !(message instanceof ArrayBuffer)) {
      return this.error('parameter error', { parameter: 'message', expected: 'String or ArrayBuffer', value: message });
    }
    if (!this.admit(address, port)) return undefined;
    const socket = this.transport();
    if (!socket) return undefined;
    const bytes = messageBytes(message, option.offset, option.length);
    try {
      if (option.setBroadcast === true) socket.setBroadcast(true);
      if (method === 'write' && this.connectedTo) this.sendToPeer(bytes);
      else socket.send(bytes, port, this.realAddress(address));
    } catch (error) {
      this.error('network', error?.message ?? String(error));
    }
    return undefined;
  }

  connect(option) {
    const o = optionObject(option);
    if (this.closed) return this.error('socket is not connected');
    const invalid = checkParameters('UDPSocket.connect', o);
    if (invalid) return this.emitLater('error', { errMsg: invalid.errMsg });
    if (!this.admit(o.address, o.port)) return undefined;
    const socket = this.transport();
    if (!socket) return undefined;
    this.connectedTo = `${o.address}:${o.port}`;
    this.pendingWrites = [];
    const flush = () => {
      const pending = this.pendingWrites;
      this.pendingWrites = undefined;
      for (const bytes of pending) this.sendToPeer(bytes);
    };
    try { socket.connect(o.port, this.realAddress(o.address), flush); } catch (error) { this.error('network', error?.message ?? String(error)); }
    return undefined;
  }

  /** After connect: to the peer, once the transport says it is connected (writes wait until then). */
  sendToPeer(bytes) {
    if (this.pendingWrites) this.pendingWrites.push(bytes);
    else this.socket.send(bytes);
  }

  setTTL(ttl) {
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > 255) {
      return this.emitLater('error', { errMsg: failure('setTTL', 'parameter error', `parameter.ttl should be an integer in 0-255 instead of ${ttl};`).errMsg });
    }
    const socket = this.transport();
    try { socket?.setTTL(ttl); } catch (error) { this.error('network', error?.message ?? String(error)); }
    return undefined;
  }

  close() {
    if (this.closed) return;
    if (!this.socket) {
      this.finish({ errMsg: 'close:ok' });
      return;
    }
    try { this.socket.close(); } catch { this.finish({ errMsg: 'close:ok' }); }
  }

  /** A listed name mapped by createWx({ sockets: { resolve } }) (tests, local stand-ins). */
  realAddress(address) {
    return this.context.socketResolve?.(address, 'udp') ?? address;
  }
}

addListenerMethods(UDPSocket.prototype, EVENTS);
