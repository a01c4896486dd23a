// The wire protocol between createWx({ proxy }) and the dev proxy (docs/proxy.md).
// Shared by both ends so that a name is written once.
//
// Request: `<mount>?api=<api>&url=<the original URL>` with the code's own headers;
// its `cookie` header travels as `x-wxnet-cookie` (a browser drops Cookie on fetch).
// WebSockets cannot carry headers from a browser, so there all of the code's headers
// travel as JSON in `&header=`.
// Response: the upstream's answer with its real status in `x-wxnet-status` (a
// redirect arrives as 200, so that the browser does not follow it out of sight and
// the shim can check each hop), its `Set-Cookie` values in `x-wxnet-set-cookie`
// (each percent-encoded, comma-separated; a page cannot read Set-Cookie), and
// `x-wxnet-refused: 1` with a JSON body `{ errMsg, errno? }` when the proxy refused
// the call or could not reach the upstream. A refused WebSocket is accepted with the
// subprotocol `wxnet-refused`, gets the errMsg as one text message, and is closed
// with code 4403.

/** Where the dev proxy is mounted unless told otherwise, and where installWx looks for it. */
export const DEFAULT_PROXY_PATH = '/__wxnet';

export const PROXY_QUERY = Object.freeze({ api: 'api', url: 'url', header: 'header' });
export const PROXY_HEADERS = Object.freeze({
  status: 'x-wxnet-status',
  cookie: 'x-wxnet-cookie',
  setCookie: 'x-wxnet-set-cookie',
  refused: 'x-wxnet-refused',
});
/**
 * The subprotocols the shim adds to every proxied WebSocket; the proxy strips them
 * before forwarding. It answers with PROXY_SOCKET_PROTOCOL when the upstream chose
 * none (a client that offered subprotocols must get one back), and with
 * REFUSED_SOCKET_PROTOCOL only to refuse: then the errMsg follows as one text
 * message, and a close with REFUSED_CLOSE_CODE.
 */
export const PROXY_SOCKET_PROTOCOL = 'wxnet-proxy';
export const REFUSED_SOCKET_PROTOCOL = 'wxnet-refused';
/** Close code of a WebSocket the proxy refused (4000–4999: for applications). */
export const REFUSED_CLOSE_CODE = 4403;
/** Every wire header starts so; the proxy strips such headers coming from an upstream. */
export const WIRE_HEADER_PREFIX = 'x-wxnet-';

/** The proxy URL that carries one call: `<proxy>?api=request&url=…` (+ `&header=` for sockets). */
export function proxiedUrl(proxy, api, url, header) {
  const separator = proxy.includes('?') ? '&' : '?';
  let target = `${proxy}${separator}${PROXY_QUERY.api}=${encodeURIComponent(api)}&${PROXY_QUERY.url}=${encodeURIComponent(url)}`;
  if (header !== undefined) target += `&${PROXY_QUERY.header}=${encodeURIComponent(JSON.stringify(header))}`;
  return target;
}

/** `Set-Cookie` values as one `x-wxnet-set-cookie` value. */
export function encodeCookies(values) {
  return values.map((value) => encodeURIComponent(value)).join(',');
}

/** The `Set-Cookie` values back from an `x-wxnet-set-cookie` value. */
export function decodeCookies(text) {
  if (!text) return [];
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => {
    try { return decodeURIComponent(part); } catch { return part; }
  });
}
