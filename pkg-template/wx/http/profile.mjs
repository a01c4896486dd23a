// The `profile` field of a request's result.
import { now } from '../runtime.mjs';

// The platform's profile with the timings a fetch can observe (the call, the queue, the
// headers, the end); phases fetch hides (DNS, connect, TLS) carry the start time or 0.
export function requestProfile(call, received, body) {
  const t = call.timings;
  const sent = body === undefined ? 0 : typeof body === 'string' ? new TextEncoder().encode(body).byteLength : body.byteLength ?? 0;
  return {
    redirectStart: 0, redirectEnd: 0, fetchStart: t.start, domainLookUpStart: t.start, domainLookUpEnd: t.start,
    connectStart: t.start, connectEnd: t.start, SSLconnectionStart: 0, SSLconnectionEnd: 0,
    requestStart: t.start, requestEnd: t.start, responseStart: t.headers ?? 0, responseEnd: now(),
    rtt: 0, estimate_nettype: 0, httpRttEstimate: 0, transportRttEstimate: 0, downstreamThroughputKbpsEstimate: 0,
    throughputKbps: 0, peerIP: '', port: 0, socketReused: false, sendBytesCount: sent, receivedBytedCount: received, protocol: '',
    invokeStart: t.created, queueStart: t.queued ?? t.start, queueEnd: t.start,
    httpDNSDomainLookUpStart: 0, httpDNSDomainLookUpEnd: 0, usingHighPerformanceMode: false,
  };
}
