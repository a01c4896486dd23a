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
