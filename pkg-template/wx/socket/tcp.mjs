// wx.createTCPSocket (RULES.md §10; targets §2): connect, write, close and the
// Connect, Message, Close, Error events, over an injected net-like transport
// (Node: node/net.mjs).
import { WX_DEFAULTS } from '../core-port.mjs';
import { checkParameters, optionObject } from '../parameters.mjs';
import { NO_SOCKETS, RawSocket, addListenerMethods, toArrayBuffer } from './raw-socket.mjs';

const API = 'createTCPSocket';
const EVENTS = ['connect', 'message', 'close', 'error', 'bindWifi'];
/** connect's default timeout, in ms (the typings: "默认为 2s"). */

export function createTcpApi(context) {
  return {
    createTCPSocket() {
      return new TCPSocket(context);
    },
  };
}

export class TCPSocket extends RawSocket {
  constructor(context) {
    super(context, 'tcp', API, EVENTS);
    this.socket = undefined;
    this.connected = false;
    this.timer = undefined;
  }

  connect(option) {
    const o = optionObject(option);
    if (this.closed || this.socket) return this.error('socket is not connected');
    const invalid = checkParameters('TCPSocket.connect', o);
    if (invalid) return this.emitLater('error', { errMsg: invalid.errMsg });
    if (!this.admit(o.address, o.port)) return undefined;
    const transport = this.context.tcp;
    if (!transport) return this.error('not supported', NO_SOCKETS);
    const host = this.context.socketResolve?.(o.address, 'tcp') ?? o.address;
    const socket = transport.connect({ host, port: o.port, noDelay: true });
    this.socket = socket;
    this.opened(`tcp://${o.address}:${o.port}`);
    const timeout = o.timeout ?? WX_DEFAULTS.tcpConnectTimeoutMs;
    this.timer = setTimeout(() => {
      if (this.connected) return;
      this.error('timeout');
      this.close();
    }, timeout);
    socket.on('connect', () => this.onConnected());
    socket.on('data', (bytes) => this.received(bytes));
    socket.on('error', (error) => this.error('network', error?.message ?? String(error)));
    socket.on('close', () => this.ended());
    return undefined;
  }

  onConnected() {
    clearTimeout(this.timer);
    if (this.closed) return;
    this.connected = true;
    const { socket } = this;
    this.localInfo = { address: socket.localAddress, family: socket.localFamily ?? 'IPv4', port: socket.localPort };
    this.remoteInfo = { address: socket.remoteAddress, family: socket.remoteFamily ?? 'IPv4', port: socket.remotePort };
    this.emit('connect', { exception: { reasons: [] }, localInfo: this.localInfo, remoteInfo: this.remoteInfo, useHttpDNS: false });
  }

  received(bytes) {
    if (this.closed) return;
    this.emit('message', { message: toArrayBuffer(bytes), remoteInfo: this.remoteInfo, localInfo: this.localInfo });
  }

  write(data) {
    if (!this.connected || this.closed) return this.error('socket is not connected');
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer)) {
      return this.error('parameter error', { parameter: 'data', expected: 'String or ArrayBuffer', value: data });
    }
    try {
      this.socket.write(typeof data === 'string' ? data : new Uint8Array(data));
    } catch (error) {
      this.error('network', error?.message ?? String(error));
    }
    return undefined;
  }

  /** Android only on the phone; a computer has no Wi-Fi to pin a socket to. */
  bindWifi() {
    this.error('not supported', 'wxnet: bindWifi binds to the phone\'s Wi-Fi, Android only');
  }

  close() {
    clearTimeout(this.timer);
    if (this.closed) return;
    if (!this.socket) return this.finish({ errMsg: 'close:ok' });
    this.socket.destroy();
    this.finish({ errMsg: 'close:ok' });
    return undefined;
  }

  ended() {
    clearTimeout(this.timer);
    this.finish({ errMsg: 'close:ok' });
  }
}

addListenerMethods(TCPSocket.prototype, EVENTS);
