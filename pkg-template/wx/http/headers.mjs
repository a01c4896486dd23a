// Request headers as the client sends them (with its own Referer) and response
// headers as the callbacks receive them.
import { DROPPED_HEADERS, WX_DEFAULTS } from '../core-port.mjs';

/**
 * Headers for a transport of `api`: the caller's headers without those the client drops
 * (any Referer: RULES.md §5; uploadFile's own Content-Type), `defaults` where the
 * caller gave none, and the platform's Referer.
 */
export function outgoingHeaders(context, api, header, defaults = {}) {
  const headers = {};
  const present = new Set();
  const dropped = DROPPED_HEADERS[api];
  for (const [name, value] of Object.entries(header ?? {})) {
    const lower = name.toLowerCase();
    if (dropped.includes(lower) || value === undefined || value === null) continue;
    headers[name] = String(value);
    present.add(lower);
  }
  for (const [name, value] of Object.entries(defaults)) if (!present.has(name)) headers[name] = value;
  headers[WX_DEFAULTS.forcedHeader] = context.referer; // forbidden in browsers: fetch drops it there (docs/wx.md)
  if (context.refererHeader) headers[context.refererHeader] = context.referer;
  return headers;
}

/**
 * The response headers arrived: the call logs them, the task's onHeadersReceived
 * listeners get them, and the result is `{ statusCode, header, cookies }` as the
 * success callback shows them.
 */
export function receiveHeaders(call, task, response) {
  const statusCode = response.status;
  const { header, cookies } = responseHeaders(response.headers);
  call.headersArrived(statusCode);
  task.headersReceived({ header, statusCode, cookies });
  return { statusCode, header, cookies };
}

/** Response headers as a plain object and the Set-Cookie values as an array. */
function responseHeaders(headers) {
  const header = {};
  headers.forEach((value, name) => { header[name] = value; });
  const cookies = typeof headers.getSetCookie === 'function' ? headers.getSetCookie()
    : headers.get('set-cookie') ? [headers.get('set-cookie')] : [];
  if (cookies.length > 0) header['set-cookie'] = cookies.join(', ');
  return { header, cookies };
}
