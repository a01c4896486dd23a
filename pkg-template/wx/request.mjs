// wx.request (RULES.md §9): methods, default content-type, data serialisation,
// the RequestTask, and the response through the core's decodeBody (§8).
import { startTask } from './call.mjs';
import { Listeners } from './callbacks.mjs';
import { fetchChecked } from './http/fetch-checked.mjs';
import { outgoingHeaders, receiveHeaders } from './http/headers.mjs';
import { requestProfile } from './http/profile.mjs';
import { readBody } from './http/read-body.mjs';
import { WX_DEFAULTS, decodeBody, failure, requestMethod } from './core-port.mjs';

export function createRequest(context) {
  return function request(rawOption) {
    const task = new RequestTask();
    return startTask(context, 'request', rawOption, task, {
      method: (option) => requestMethod(option.method),
      precheck: (option, method) => (method === undefined ? failure('request', 'method is invalid') : undefined),
      execute: (call, option) => send(context, call, option, call.method, task),
    });
  };
}

async function send(context, call, option, method, task) {
  const headers = outgoingHeaders(context, 'request', option.header, { 'content-type': WX_DEFAULTS.contentType });
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const { url, body } = serialise(option.url, method, option.data, contentType);
  const response = await fetchChecked(context, call, url, { method, headers, body, signal: call.signal });
  const { statusCode, header, cookies } = receiveHeaders(call, task, response);
  const bytes = await readBody(call, response, option.enableChunked === true ? (chunk) => task.chunkReceived(chunk) : undefined);
  const decoded = decodeBody(bytes, {
    contentType: response.headers.get('content-type') ?? undefined,
    dataType: option.dataType, // undefined: decodeBody applies the platform's defaults
    responseType: option.responseType,
  });
  call.timings.received = bytes.byteLength;
  return { data: decoded.data, statusCode, header, cookies, profile: requestProfile(call, bytes.byteLength, body) };
}

/**
 * `data` per method and content type (RULES.md §9): GET (and HEAD, which fetch cannot
 * give a body) append it to the URL; other methods send JSON for application/json,
 * a query string for x-www-form-urlencoded, strings and binary data as they are.
 */
export function serialise(url, method, data, contentType) {
  if (data === undefined || data === null) return { url, body: undefined };
  if (method === 'GET' || method === 'HEAD') {
    const query = typeof data === 'string' ? data : isBinary(data) ? '' : queryString(data);
    return { url: appendQuery(url, query), body: undefined };
  }
  if (typeof data === 'string' || isBinary(data)) return { url, body: data };
  if (/application\/x-www-form-urlencoded/i.test(contentType)) return { url, body: queryString(data) };
  return { url, body: JSON.stringify(data) };
}

function isBinary(data) {
  return data instanceof ArrayBuffer || ArrayBuffer.isView(data);
}

function queryString(data) {
  return Object.entries(data)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value))}`)
    .join('&');
}

function appendQuery(url, query) {
  if (query === '') return url;
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? url.slice(hash) : '';
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}

export class RequestTask {
  constructor() {
    this.call = undefined;
    this.headersListeners = undefined; // made on first use: most calls never listen
    this.chunkListeners = undefined;
  }
  abort() { this.call?.abort(); }
  onHeadersReceived(listener) { (this.headersListeners ??= new Listeners()).on(listener); }
  offHeadersReceived(listener) { this.headersListeners?.off(listener); }
  onChunkReceived(listener) { (this.chunkListeners ??= new Listeners()).on(listener); }
  offChunkReceived(listener) { this.chunkListeners?.off(listener); }
  headersReceived(event) { this.headersListeners?.emit(event); }
  chunkReceived(bytes) {
    if (!this.chunkListeners) return;
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    this.chunkListeners.emit({ data });
  }
}
