// Types of wx.createUDPSocket, wx.createTCPSocket and local service discovery
// (RULES.md §10), following miniprogram-api-typings (`WechatMiniprogram.UDPSocket`,
// `TCPSocket`, `StartLocalServiceDiscoveryOption`, …).

import type { WxPromisifyResult } from '../index.js';

// Method syntax: listeners typed with the platform's (larger) result types are accepted too.
type Listener<T> = { listener(result: T): void }['listener'];

export interface WxSocketErrorResult { errMsg: string }
export interface WxSocketGeneralResult { errMsg: string }
export interface WxSocketAddressInfo { address: string; family: string; port: number }

export interface WxUDPMessageResult {
  message: ArrayBuffer;
  remoteInfo: WxSocketAddressInfo & { size: number };
  localInfo: WxSocketAddressInfo;
}

export interface WxUDPSendOption {
  address: string;
  port: number;
  message: string | ArrayBuffer;
  /** For an ArrayBuffer message: where the bytes to send start. */
  offset?: number;
  /** For an ArrayBuffer message: how many bytes to send. */
  length?: number;
  setBroadcast?: boolean;
}

export interface WxUDPSocket {
  /** Binds `port` (a free-looking ephemeral port when omitted) and returns it at once; 0 where there are no UDP sockets. */
  bind(port?: number): number;
  send(option: WxUDPSendOption): void;
  connect(option: { address: string; port: number }): void;
  write(option: WxUDPSendOption): void;
  setTTL(ttl: number): void;
  close(): void;
  onClose(listener: Listener<WxSocketGeneralResult>): void;
  offClose(listener?: Listener<WxSocketGeneralResult>): void;
  onError(listener: Listener<WxSocketErrorResult>): void;
  offError(listener?: Listener<WxSocketErrorResult>): void;
  onListening(listener: Listener<WxSocketGeneralResult>): void;
  offListening(listener?: Listener<WxSocketGeneralResult>): void;
  onMessage(listener: Listener<WxUDPMessageResult>): void;
  offMessage(listener?: Listener<WxUDPMessageResult>): void;
}

export interface WxTCPConnectResult {
  exception: { reasons: Array<{ errMsg: string; errno: string }> };
  localInfo: WxSocketAddressInfo;
  remoteInfo: WxSocketAddressInfo;
  useHttpDNS: boolean;
}

export interface WxTCPMessageResult {
  message: ArrayBuffer;
  remoteInfo: WxSocketAddressInfo;
  localInfo: WxSocketAddressInfo;
}

export interface WxTCPSocket {
  /** `timeout` in ms, default 2000. */
  connect(option: { address: string; port: number; timeout?: number }): void;
  write(data: string | ArrayBuffer): void;
  close(): void;
  onConnect(listener: Listener<WxTCPConnectResult>): void;
  offConnect(listener?: Listener<WxTCPConnectResult>): void;
  onMessage(listener: Listener<WxTCPMessageResult>): void;
  offMessage(listener?: Listener<WxTCPMessageResult>): void;
  onClose(listener: Listener<WxSocketGeneralResult>): void;
  offClose(listener?: Listener<WxSocketGeneralResult>): void;
  onError(listener: Listener<WxSocketErrorResult>): void;
  offError(listener?: Listener<WxSocketErrorResult>): void;
  /** Android only on the phone: here onError says it is not supported. */
  bindWifi(option: { BSSID: string }): void;
  onBindWifi(listener: Listener<WxSocketGeneralResult>): void;
  offBindWifi(listener?: Listener<WxSocketGeneralResult>): void;
}

export interface WxLocalServiceFoundResult { ip: string; port: number; serviceName: string; serviceType: string }
export interface WxLocalServiceLostResult { serviceName: string; serviceType: string }

export interface WxStartLocalServiceDiscoveryOption {
  /** A Bonjour type such as `_http._tcp.`; empty or malformed: `invalid param`. */
  serviceType: string;
  success?(result: WxSocketGeneralResult): void;
  fail?(result: WxSocketErrorResult): void;
  complete?(result: WxSocketGeneralResult): void;
}

export interface WxStopLocalServiceDiscoveryOption {
  success?(result: WxSocketGeneralResult): void;
  fail?(result: WxSocketErrorResult): void;
  complete?(result: WxSocketGeneralResult): void;
}

/** The UDP, TCP and mDNS members of the wx network API. */
export interface WxSocketApis {
  /** `type`: `'udp4'` (default) or `'udp6'`. */
  createUDPSocket(type?: string): WxUDPSocket;
  createTCPSocket(): WxTCPSocket;
  /** One search at a time; it stops by itself after 30 s. */
  startLocalServiceDiscovery<T extends WxStartLocalServiceDiscoveryOption = WxStartLocalServiceDiscoveryOption>(option: T): WxPromisifyResult<T, WxStartLocalServiceDiscoveryOption>;
  stopLocalServiceDiscovery<T extends WxStopLocalServiceDiscoveryOption = WxStopLocalServiceDiscoveryOption>(option?: T): WxPromisifyResult<T, WxStopLocalServiceDiscoveryOption>;
  onLocalServiceFound(listener: Listener<WxLocalServiceFoundResult>): void;
  offLocalServiceFound(listener?: Listener<WxLocalServiceFoundResult>): void;
  onLocalServiceLost(listener: Listener<WxLocalServiceLostResult>): void;
  offLocalServiceLost(listener?: Listener<WxLocalServiceLostResult>): void;
  onLocalServiceResolveFail(listener: Listener<WxLocalServiceLostResult>): void;
  offLocalServiceResolveFail(listener?: Listener<WxLocalServiceLostResult>): void;
  onLocalServiceDiscoveryStop(listener: Listener<WxSocketGeneralResult>): void;
  offLocalServiceDiscoveryStop(listener?: Listener<WxSocketGeneralResult>): void;
}

/** A dgram-like transport (Node: node:dgram): `createSocket(type)` returns a `dgram.Socket`-like object. */
export interface WxUdpTransport { createSocket(type: 'udp4' | 'udp6'): unknown }
/** A net-like transport (Node: node:net): `connect({ host, port, noDelay })` returns a `net.Socket`-like object. */
export interface WxTcpTransport { connect(options: { host: string; port: number; noDelay?: boolean }): unknown }
/** What one received mDNS message means for a browse (the core's DNS-SD reading). */
export type WxMdnsEvent =
  | { type: 'found'; serviceName: string; ip: string; port: number }
  | { type: 'lost' | 'resolveFail'; serviceName: string };
/**
 * A discovery transport: `open(serviceType, onEvents)` starts browsing one service type;
 * `query()` sends the browse query (the shim repeats it at 0, 1 and 3 s), `close()` ends it.
 */
export interface WxMdnsTransport {
  open(serviceType: string, onEvents: (events: WxMdnsEvent[]) => void): { query(): void; close(): void };
}

/** `createWx({ sockets })`: transports (defaults: Node's; browsers have none) and where listed names really are. */
export interface WxSocketsOption {
  udp?: WxUdpTransport;
  tcp?: WxTcpTransport;
  mdns?: WxMdnsTransport;
  /** The address to really use for a checked one, e.g. `() => '127.0.0.1'` for a listed test host. */
  resolve?(address: string, protocol: 'udp' | 'tcp'): string | undefined;
}

/** The network log entries of UDP, TCP and discovery (`runtime.onEvent`). */
export type WxSocketNetworkEvent =
  | { type: 'start'; id: number; api: 'createUDPSocket' | 'createTCPSocket' | 'startLocalServiceDiscovery'; url: string; verdict: { ok: boolean; reason: string }; time: number }
  | { type: 'open'; id: number; api: 'createUDPSocket' | 'createTCPSocket'; url: string; time: number }
  | { type: 'end'; id: number; api: 'createUDPSocket' | 'createTCPSocket' | 'startLocalServiceDiscovery'; url: string; ok: boolean; errMsg: string; timings: { created: number; end: number } };
