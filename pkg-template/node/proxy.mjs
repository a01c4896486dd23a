// The dev proxy (RULES.md §14): a browser preview's wx calls, sent by
// createWx({ proxy }) over the wire protocol of proxy/wire.mjs, forwarded the way
// the phone would send them. Every rule is the core's (proxy/calls.mjs reads a call
// and asks it); this file does the I/O on http-proxy-3 (the engine inside Vite):
// - the address a listed host resolves to is checked at connect time, in the
//   agents' `lookup`, so that DNS rebinding cannot point a listed name at this
//   machine or the office network (IP literals are checked before connecting);
// - hosts the developer mapped with `upstreams` skip that check (their own config);
// - redirects are never followed: they go back to the shim, which sends every hop
//   through here again.
import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import httpProxy from 'http-proxy-3';
import { REDIRECT_STATUSES, pageRefusal, readCall, readProxyOptions, redirectRefusal, responseHeaders, socketHeaders, upstreamHeaders } from '../proxy/calls.mjs';
import { PROXY_HEADERS, PROXY_SOCKET_PROTOCOL, REFUSED_CLOSE_CODE, REFUSED_SOCKET_PROTOCOL } from '../proxy/wire.mjs';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * `createProxy(options)` → a Node middleware `(req, res, next)` with
 * `.upgrade(req, socket, head)` (true when it took the socket) and `.close()`.
 */
export function createProxy(options = {}) {
  const settings = readProxyOptions(options);
  const engine = httpProxy.createProxyServer({ selfHandleResponse: true, changeOrigin: true, secure: true, xfwd: false });
  engine.on('error', () => {}); // every call passes its own error callback; this keeps a stray one from throwing
  const lookup = guardedLookup(settings);
  const agents = {
    checked: { 'http:': new HttpAgent({ keepAlive: true, lookup }), 'https:': new HttpsAgent({ keepAlive: true, lookup }) },
    mapped: { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) },
    // Upgraded sockets leave their agent; these only make the handshake connection.
    checkedSockets: { 'http:': new HttpAgent({ lookup }), 'https:': new HttpsAgent({ lookup }) },
    mappedSockets: { 'http:': new HttpAgent(), 'https:': new HttpsAgent() },
  };
  const openSockets = new Set();
  let closed = false;

  function middleware(req, res, next) {
    const call = readCall(settings, req, 'http');
    if (call === undefined) return next?.();
    if (closed) return refuse(res, 503, { errMsg: 'the wxnet proxy is closed' });
    const page = pageRefusal(settings, req.headers);
    if (page) {
      settings.log({ kind: 'refused', api: call.api, method: req.method, url: call.url, reason: 'page', errMsg: page.errMsg });
      return refuse(res, 403, page);
    }
    if (!call.ok) {
      settings.log({ kind: 'refused', api: call.api, method: req.method, url: call.url, reason: call.reason, errMsg: call.refusal.errMsg });
      return refuse(res, call.status, call.refusal);
    }
    const literal = literalAddressRefusal(settings, call);
    if (literal) {
      settings.log({ kind: 'refused', api: call.api, method: req.method, url: call.url, reason: 'address', errMsg: literal.errMsg });
      return refuse(res, 403, literal);
    }
    const started = performance.now();
    req.headers = upstreamHeaders(settings, call, req.headers);
    req.url = call.path;
    const agent = (call.mapped ? agents.mapped : agents.checked)[call.target.protocol];
    req.wxnetCall = { call, started };
    const failed = (error) => {
      const refusal = upstreamFailure(call, error);
      settings.log({ kind: refusal.reason === 'address' ? 'refused' : 'failed', api: call.api, method: req.method, url: call.url, reason: refusal.reason, errMsg: refusal.errMsg });
      if (!res.headersSent) refuse(res, refusal.reason === 'address' ? 403 : 502, refusal);
      else res.destroy();
    };
    try {
      engine.web(req, res, { target: call.target, agent }, failed);
    } catch (error) {
      failed(error); // e.g. a request Node refuses to send: the call fails, the dev server goes on
    }
    return undefined;
  }

  engine.on('proxyRes', (upstream, req, res) => {
    const { call, started } = req.wxnetCall ?? {};
    if (!call) return;
    const status = upstream.statusCode;
    if (REDIRECT_STATUSES.has(status)) {
      const refusal = redirectRefusal(settings, call, upstream.headers.location);
      if (refusal) {
        upstream.resume();
        settings.log({ kind: 'refused', api: call.api, method: req.method, url: call.url, reason: 'redirect', errMsg: refusal.errMsg });
        return refuse(res, 403, refusal);
      }
    }
    const headers = responseHeaders(settings, call, upstream);
    // A redirect goes back as 200 so that a browser does not follow it out of the shim's sight.
    res.writeHead(REDIRECT_STATUSES.has(status) ? 200 : status, headers);
    upstream.pipe(res);
    upstream.on('error', () => res.destroy());
    settings.log({ kind: 'forwarded', api: call.api, method: req.method, url: call.url, status, to: call.target.origin, ms: performance.now() - started });
    return undefined;
  });

  engine.on('proxyReqWs', (proxyReq, req) => {
    const { call, started } = req.wxnetCall ?? {};
    if (!call) return;
    proxyReq.on('upgrade', (upstream) => {
      // Runs before the engine writes the 101: a client that offered subprotocols (the shim
      // always does) must get one back, so the shim's own stands in when the upstream chose none.
      if (upstream.headers['sec-websocket-protocol'] === undefined && offers(req.wxnetCall.handshake, PROXY_SOCKET_PROTOCOL)) {
        upstream.headers['sec-websocket-protocol'] = PROXY_SOCKET_PROTOCOL;
      }
      settings.log({ kind: 'forwarded', api: 'connectSocket', url: call.url, status: 101, to: call.target.origin, ms: performance.now() - started });
    });
  });

  middleware.upgrade = function upgrade(req, socket, head) {
    const call = readCall(settings, req, 'socket');
    if (call === undefined) return false;
    if (closed) {
      socket.destroy();
      return true;
    }
    // What the refusal handshake needs, read before the headers are rewritten for the upstream.
    const handshake = { protocols: req.headers['sec-websocket-protocol'], key: req.headers['sec-websocket-key'] };
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
    socket.on('error', () => {});
    const page = pageRefusal(settings, req.headers);
    const refusal = page ?? (!call.ok ? call.refusal : literalAddressRefusal(settings, call));
    if (refusal) {
      const reason = page ? 'page' : call.ok ? 'address' : call.reason;
      settings.log({ kind: 'refused', api: 'connectSocket', url: call.url, reason, errMsg: refusal.errMsg });
      refuseSocket(handshake, socket, refusal);
      return true;
    }
    req.headers = socketHeaders(settings, call, req.headers);
    req.url = call.path;
    const agent = (call.mapped ? agents.mappedSockets : agents.checkedSockets)[call.target.protocol === 'wss:' ? 'https:' : 'http:'];
    req.wxnetCall = { call, started: performance.now(), handshake };
    const failed = (error) => {
      const failure = upstreamFailure(call, error);
      settings.log({ kind: failure.reason === 'address' ? 'refused' : 'failed', api: 'connectSocket', url: call.url, reason: failure.reason, errMsg: failure.errMsg });
      if (!socket.destroyed && socket.bytesWritten === 0) refuseSocket(handshake, socket, failure);
    };
    try {
      engine.ws(req, socket, head, { target: call.target, agent }, failed);
    } catch (error) {
      failed(error);
    }
    return true;
  };

  middleware.close = function close() {
    closed = true;
    for (const socket of openSockets) socket.destroy();
    openSockets.clear();
    for (const group of Object.values(agents)) for (const agent of Object.values(group)) agent.destroy();
    engine.close?.();
  };

  middleware.path = settings.path;
  return middleware;
}

/** The agents' `lookup`: resolves, then keeps only the addresses the core allows (RULES.md §14). */
function guardedLookup(settings) {
  const resolve = settings.lookup ?? dnsLookup;
  return function lookup(hostname, options, callback) {
    if (typeof options === 'function') [options, callback] = [{}, options];
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }];
      const allowed = [];
      let refused;
      for (const entry of list) {
        const verdict = settings.checkAddress('request', hostname, entry.address);
        if (verdict.allowed) allowed.push(entry);
        else refused ??= entry;
      }
      if (allowed.length === 0) {
        const denial = new Error(`${hostname} resolves to ${refused?.address ?? 'nothing'}`);
        denial.code = 'EWXNETADDRESS';
        denial.address = refused?.address;
        denial.hostname = hostname;
        return callback(denial);
      }
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/** A target written as an IP address is never looked up: checked here, before connecting. */
function literalAddressRefusal(settings, call) {
  if (call.mapped) return undefined;
  const host = call.target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return undefined;
  const verdict = settings.checkAddress(call.api, host, host);
  return verdict.allowed ? undefined : errorResult(verdict);
}

/** What the shim gets when the upstream could not be reached: the refused address, or the transport's text. */
function upstreamFailure(call, error) {
  if (error?.code === 'EWXNETADDRESS') {
    const verdict = call.settings.checkAddress(call.api, error.hostname, error.address ?? '0.0.0.0');
    return { ...errorResult(verdict), reason: 'address' };
  }
  const text = error?.code ?? error?.message ?? String(error);
  return { ...call.settings.failure(call.api, 'transport', text), reason: 'upstream' };
}

function errorResult({ errMsg, errno }) {
  return errno === undefined ? { errMsg } : { errMsg, errno };
}

/** A refusal the shim turns into the call's errMsg. */
function refuse(res, status, { errMsg, errno }) {
  const body = JSON.stringify(errno === undefined ? { errMsg } : { errMsg, errno });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), [PROXY_HEADERS.refused]: '1', 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * A refused WebSocket. The shim offered the refusal subprotocol: the handshake is
 * accepted with it, the errMsg sent as one text message, and the socket closed
 * (a browser shows nothing of a failed handshake). Anyone else gets a 403.
 */
function offers(handshake, protocol) {
  return String(handshake.protocols ?? '').split(',').some((offered) => offered.trim() === protocol);
}

function refuseSocket(handshake, socket, { errMsg, errno }) {
  const { key } = handshake;
  if (!offers(handshake, REFUSED_SOCKET_PROTOCOL) || typeof key !== 'string') {
    const body = JSON.stringify(errno === undefined ? { errMsg } : { errMsg, errno });
    socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: application/json\r\n${PROXY_HEADERS.refused}: 1\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    return;
  }
  const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${REFUSED_SOCKET_PROTOCOL}\r\n\r\n`);
  socket.write(frame(0x1, Buffer.from(errMsg)));
  const close = Buffer.alloc(2);
  close.writeUInt16BE(REFUSED_CLOSE_CODE);
  socket.end(frame(0x8, close));
}

/** One unmasked server frame (RFC 6455 §5.2). */
function frame(opcode, payload) {
  const length = payload.length;
  const head = length < 126 ? Buffer.from([0x80 | opcode, length])
    : length < 65536 ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
      : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length) {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}
