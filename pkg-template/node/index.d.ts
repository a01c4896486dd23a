// Types of what only the Node entry exports.
import type { WxNodeFileStore, WxTransportInit, WxTransportResponse } from '../wx/index.js';

/** A file store in a directory (Node entry only; the Node default is one in a new temp dir). */
export function createNodeFileStore(options?: { directory?: string }): WxNodeFileStore;

/**
 * Node only: the default transport of createWx in Node — the part of `fetch` the shim
 * uses, over node:http(s) (decompresses gzip/deflate/br, never follows redirects,
 * aborts by destroying the socket). Wrap it to route hosts, e.g. to a local server.
 */
export function nodeFetch(url: string, init?: Partial<WxTransportInit>): Promise<WxTransportResponse & { statusText: string; url: string; redirected: false }>;

/** A service announced over mDNS (Node entry only): see startMdnsResponder. */
export interface MdnsResponder {
  /** Announces again (it also answers every query for its type). */
  announce(): void;
  /** Sends the goodbye (TTL 0: browsers report it lost) and closes. */
  stop(): Promise<void>;
}

/**
 * Node only: announces one service on the LAN by mDNS/DNS-SD, e.g. for
 * wx.startLocalServiceDiscovery in tests or without the device at hand.
 * `ip` defaults to the first non-internal IPv4 address, `host` to `<hostname>.local`.
 * @throws WxnetError `arg/type` for a bad name (dots), serviceType or ip.
 */
export function startMdnsResponder(service: { name: string; serviceType: string; port: number; ip?: string; host?: string; ttl?: number }): MdnsResponder;
