// The HTTP transport of request, uploadFile and downloadFile: fetch, following
// redirects the way the client does.
import { CallFailure } from '../callbacks.mjs';
import { failure } from '../core-port.mjs';
import { fromUpstream, toUpstream } from '../upstreams.mjs';
import { fetchViaProxy } from './proxy-transport.mjs';
import { CallStopped } from './read-body.mjs';

/** Redirects a client follows before it gives up (the fetch standard's limit). */
const MAX_REDIRECTS = 20;

/**
 * fetch with the client's redirect rule (RULES.md §1): every hop must pass the URL
 * check, else `redirect url not in domain list:<host>`. Where fetch shows redirects
 * (`redirect: 'manual'` in Node) each Location is checked before it is requested;
 * browsers hide them (an opaque response), so there the final URL is checked after
 * fetch followed the chain. Checks always judge the URL the phone would see: with
 * `upstreams`, the transport goes to the mapped origin and what comes back from it
 * is mapped back first. With `proxy`, every hop goes through the dev proxy, which shows
 * redirects, so they are checked per hop in browsers too. With `urlCheck: false` certificates are not checked (§3).
 */
export async function fetchChecked(context, call, url, init) {
  if (!context.urlCheck) init.rejectUnauthorized = false; // `init` is the caller's own fresh object
  if (!context.manualRedirects) {
    init.redirect = 'follow';
    const response = whileRunning(call, await send(context, call, url, init));
    if (response.redirected && response.url) refuseRedirect(context, call, fromUpstream(context, response.url));
    return response;
  }
  let target = url;
  let request = init;
  request.redirect = 'manual';
  for (let hop = 0; ; hop++) {
    const response = whileRunning(call, await send(context, call, target, request));
    if (response.status < 300 || response.status > 399 || hop === MAX_REDIRECTS) return response;
    const location = response.headers.get('location');
    if (location === null) return response;
    const next = fromUpstream(context, new URL(location, target).href);
    refuseRedirect(context, call, next);
    response.body?.cancel().catch(() => {});
    // 303, and 301/302 after a POST, continue as GET without a body (fetch standard, step "HTTP-redirect fetch").
    if (response.status === 303 ? request.method !== 'HEAD' : (response.status === 301 || response.status === 302) && request.method === 'POST') {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^content-(type|length)$/i.test(name)));
      request = { ...request, method: 'GET', body: undefined, headers, duplex: undefined };
    }
    target = next;
  }
}

/** One hop: through the dev proxy (createWx `proxy`), or to the URL (or its upstream). */
function send(context, call, url, init) {
  return context.proxy ? fetchViaProxy(context, call.api, url, init) : context.fetch(toUpstream(context, url), init);
}

/** A response that arrives after its call stopped is cut at once. */
function whileRunning(call, response) {
  if (!call.settled) return response;
  response.body?.cancel().catch(() => {});
  throw new CallStopped();
}

function refuseRedirect(context, call, url) {
  const verdict = context.rules.checkUrl(call.api, url);
  if (verdict.ok) return;
  let host = url;
  try { host = new URL(url).host; } catch { /* keep the URL as written */ }
  throw new CallFailure(failure(call.api, 'redirect-not-in-domain-list', host));
}
