// The Node transport of createWx: the subset of fetch the shim uses, over node:http and
// node:https. Why not Node's own fetch: on loopback it does about half the requests per
// second of http.request, and cutting it needs an AbortSignal per call, which costs it
// more still; here an abort destroys the socket at once, so a stopped call never keeps
// a connection (or the process) alive. Redirects are not followed: the shim checks each
// hop itself (manualRedirects). Bodies are decompressed as fetch does (gzip, deflate, br).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

const SEND = { 'http:': httpRequest, 'https:': httpsRequest };
const DECOMPRESS = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * `fetch(url, { method, headers, body, signal, rejectUnauthorized })` for the shim,
 * where `headers` is a plain object and `body` a string, bytes or a ReadableStream;
 * `rejectUnauthorized: false` accepts any certificate (createWx sends it when
 * `urlCheck` is false, RULES.md §3). Resolves to
 * `{ status, statusText, headers: Headers, body, url, redirected }`, where `body` (null
 * for HEAD, 204, 304) has the ReadableStream methods the shim uses: getReader() and cancel();
 * rejects like fetch: `TypeError('fetch failed')` with the socket's error as `cause`.
 */
export function nodeFetch(url, init = {}) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = SEND[target.protocol];
    const fail = (cause) => reject(new TypeError('fetch failed', { cause }));
    if (!send) return fail(new Error(`unsupported protocol ${target.protocol}`));
    const method = init.method ?? 'GET';
    const headers = { ...init.headers };
    if (!hasHeader(headers, 'accept-encoding')) {
      headers['accept-encoding'] = 'gzip, deflate, br';
    }
    let body = init.body ?? undefined;
    if (body instanceof ArrayBuffer) body = new Uint8Array(body);
    const streamed = body !== undefined && typeof body.getReader === 'function';
    if (body !== undefined && !streamed && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      return fail(new Error(`unsupported body type ${Object.prototype.toString.call(body)}`));
    }
    // Node frames bodies by itself only for some methods (not DELETE, OPTIONS, TRACE):
    // every body gets its Content-Length here, so no method leaves the server guessing.
    if (body !== undefined && !streamed && !hasHeader(headers, 'content-length')) {
      headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    }
    const options = { method, headers, signal: init.signal };
    if (init.rejectUnauthorized === false) options.rejectUnauthorized = false;
    let req;
    try {
      req = send(target, options, (res) => resolve(toResponse(res, url, method)));
    } catch (error) {
      return fail(error); // e.g. a header value Node refuses
    }
    req.on('error', fail);
    // CONNECT: Node hands the answer to 'connect' with the raw socket, never to the
    // response callback. The shim has no tunnel to offer, so the answer is the
    // response (status and headers, empty body) and the tunnel is closed at once.
    req.on('connect', (res, socket) => {
      socket.destroy();
      res.resume();
      resolve({ status: res.statusCode, statusText: res.statusMessage ?? '', headers: toHeaders(res), body: null, url, redirected: false });
    });
    if (body === undefined) req.end();
    else if (streamed) Readable.fromWeb(body).on('error', (error) => req.destroy(error)).pipe(req);
    else req.end(body);
    return undefined;
  });
}

/**
 * The part of a ReadableStream the shim reads a body through (getReader, cancel),
 * straight over the Node stream: Readable.toWeb's extra queue costs more than the
 * whole shim on small responses.
 */
function nodeBody(stream) {
  const iterator = stream[Symbol.asyncIterator]();
  const cancel = () => {
    stream.destroy();
    return Promise.resolve();
  };
  const read = async () => {
    const { done, value } = await iterator.next();
    return done ? { done: true, value: undefined } : { done: false, value: new Uint8Array(value.buffer, value.byteOffset, value.byteLength) };
  };
  return { getReader: () => ({ read, cancel, releaseLock() {} }), cancel };
}

function hasHeader(headers, lowerName) {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerName);
}

function toHeaders(res) {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    } catch {
      // a header fetch would refuse (invalid name or value): dropped, as fetch drops the response's
    }
  }
  return headers;
}

function toResponse(res, url, method) {
  const headers = toHeaders(res);
  let body = null;
  if (method === 'HEAD' || NULL_BODY_STATUS.has(res.statusCode)) {
    res.resume();
  } else {
    const decompress = DECOMPRESS[(headers.get('content-encoding') ?? '').trim().toLowerCase()];
    const stream = decompress ? res.pipe(decompress()) : res;
    if (decompress) res.on('error', (error) => stream.destroy(error));
    body = nodeBody(stream);
  }
  return { status: res.statusCode, statusText: res.statusMessage ?? '', headers, body, url, redirected: false };
}
