// connectSocket through the dev proxy (createWx `proxy`, RULES.md §14): a browser's
// WebSocket cannot send headers, so the target URL and the code's headers travel in
// the proxy URL's query (proxy/wire.mjs), and two extra subprotocols let the proxy
// answer a refusal in a way the page can read.
import { PROXY_SOCKET_PROTOCOL, REFUSED_SOCKET_PROTOCOL, proxiedUrl } from '../../proxy/wire.mjs';

export { REFUSED_SOCKET_PROTOCOL };

/** `{ url, protocols }` of the WebSocket to open for `url` with `headers` (the Referer is the proxy's). */
export function proxiedSocket(proxy, url, headers, protocols) {
  const header = {};
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() !== 'referer') header[name] = value;
  const base = new URL(proxy, globalThis.location?.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return { url: proxiedUrl(base.href, 'connectSocket', url, header), protocols: [...(protocols ?? []), PROXY_SOCKET_PROTOCOL, REFUSED_SOCKET_PROTOCOL] };
}
