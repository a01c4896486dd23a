// createWx `upstreams`: the transport goes to a real origin while every check, and
// every URL the mini program sees, stays on the listed one.

/** The URL the transport is sent to: a listed origin replaced by its upstream. */
export function toUpstream(context, url) {
  return replaceOrigin(url, context.upstreams, 0, 1);
}

/** The URL the phone would see for one that came back from an upstream. */
export function fromUpstream(context, url) {
  return replaceOrigin(url, context.upstreams, 1, 0);
}

function replaceOrigin(url, pairs, from, to) {
  if (pairs.length === 0) return url;
  let parsed;
  try { parsed = new URL(url); } catch { return url; }
  const pair = pairs.find((candidate) => candidate[from] === parsed.origin);
  return pair ? pair[to] + parsed.pathname + parsed.search + parsed.hash : url;
}
