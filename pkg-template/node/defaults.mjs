// Node defaults for createWx (imported only by node.mjs, so browser bundles never see
// node: modules): a file store in a real temporary directory, the `ws` package as
// the WebSocket class when the user installed it, streamed uploads for progress, the
// node:http(s) transport (fetch.mjs), and redirects checked hop by hop.
import { createRequire } from 'node:module';
import { nodeFetch } from './fetch.mjs';
import { nodeUdp } from './dgram.mjs';
import { createNodeFileStore } from './file-store.mjs';
import { nodeMdns } from './mdns.mjs';
import { nodeTcp } from './net.mjs';

/** The `ws` package's WebSocket if the user installed it, else Node's global one (Node ≥ 22). */
export function nodeWebSocket() {
  try {
    return createRequire(import.meta.url)('ws');
  } catch {
    return globalThis.WebSocket;
  }
}

/** What the Node entry passes to the shared createWx. */
export function nodeDefaults() {
  return { environment: 'node', fileStore: createNodeFileStore(), WebSocket: nodeWebSocket(), fetch: nodeFetch, streamUploads: true, manualRedirects: true,
    udp: nodeUdp, tcp: nodeTcp, mdns: nodeMdns() };
}
