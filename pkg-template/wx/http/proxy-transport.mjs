// createWx({ proxy }): every HTTP call goes to the dev proxy, which forwards it the
// way the phone would send it (RULES.md §14; the wire protocol is proxy/wire.mjs).
// What comes back is turned into the response the shim would have had from the
// upstream itself: its real status (a redirect included, so that the shim checks
// every hop), its headers, its Set-Cookie values; a refusal fails the call with the
// proxy's errMsg.
import { decodeCookies, PROXY_HEADERS, proxiedUrl, WIRE_HEADER_PREFIX } from '../../proxy/wire.mjs';
import { CallFailure } from '../callbacks.mjs';
import { failure } from '../core-port.mjs';

/** fetch for one hop of `api` to `url`, through the proxy. */
export async function fetchViaProxy(context, api, url, init) {
  const headers = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') headers[PROXY_HEADERS.cookie] = value; // a browser would drop Cookie
    else if (lower !== 'referer') headers[name] = value; // the proxy sets the platform's
  }
  const response = await context.fetch(proxiedUrl(context.proxy, api, url), { ...init, headers, redirect: 'follow' });
  const status = response.headers.get(PROXY_HEADERS.status);
  if (response.headers.get(PROXY_HEADERS.refused) !== null) {
    throw new CallFailure(await refusal(response, api));
  }
  if (status === null) {
    response.body?.cancel().catch(() => {});
    throw new CallFailure(failure(api, 'network', `no wxnet proxy answers at ${context.proxy} (HTTP ${response.status})`));
  }
  const upstreamHeaders = new Headers();
  response.headers.forEach((value, name) => {
    if (!name.startsWith(WIRE_HEADER_PREFIX)) upstreamHeaders.append(name, value);
  });
  for (const cookie of decodeCookies(response.headers.get(PROXY_HEADERS.setCookie))) upstreamHeaders.append('set-cookie', cookie);
  return { status: Number(status), statusText: response.statusText ?? '', headers: upstreamHeaders, body: response.body, url, redirected: false };
}

async function refusal(response, api) {
  try {
    const { errMsg, errno } = JSON.parse(await readText(response));
    if (typeof errMsg === 'string') return errno === undefined ? { errMsg } : { errMsg, errno };
  } catch { /* not the proxy's JSON: reported below */ }
  return failure(api, 'network', `the wxnet proxy refused the call (HTTP ${response.status})`);
}

/** The whole body as text, through the reader every transport gives (nodeFetch has no text()). */
async function readText(response) {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}
