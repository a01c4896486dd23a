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
 * `fetch(url, { method, headers, body, signal })` for the shim, where `headers` is a
 * plain object and `body` a string, bytes or a ReadableStream. Resolves to
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
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'accept-encoding')) {
      headers['accept-encoding'] = 'gzip, deflate, br';
    }
    let req;
    try {
      req = send(target, { method, headers, signal: init.signal }, (res) => resolve(toResponse(res, url, method)));
    } catch (error) {
      return fail(error); // e.g. a header value Node refuses
    }
    req.on('error', fail);
    const body = init.body;
    if (body === undefined || body === null) req.end();
    else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
    else if (body instanceof ArrayBuffer) req.end(new Uint8Array(body));
    else if (typeof body.getReader === 'function') {
      Readable.fromWeb(body).on('error', (error) => req.destroy(error)).pipe(req);
    } else return fail(new Error(`unsupported body type ${Object.prototype.toString.call(body)}`));
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

function toResponse(res, url, method) {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    } catch {
      // a header fetch would refuse (invalid name or value): dropped, as fetch drops the response's
    }
  }
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
