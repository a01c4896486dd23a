// createWx(): the wx network API for previewers and Node (RULES.md §3–§9).
//
// This file checks the options and wires the parts together: the shared machinery
// (limits, queue, background, network log, one call's life) is in wx-call.mjs, the
// APIs in wx-request.mjs, wx-transfer.mjs (uploadFile, downloadFile) and
// wx-socket.mjs; every rule they apply comes from the core through wx-rules.mjs.
import { WxnetError } from './errors.mjs';
import { buildReferer } from './referer.mjs';
import { Runtime } from './wx-call.mjs';
import { createMemoryFileStore } from './wx-file-store.mjs';
import { networkLimits, rulesFor } from './wx-rules.mjs';
import { createRequest } from './wx-request.mjs';
import { createDownloadFile, createUploadFile } from './wx-transfer.mjs';
import { createSocketApi } from './wx-socket.mjs';

export { createMemoryFileStore } from './wx-file-store.mjs';

/**
 * Creates an isolated `wx` network API and the `runtime` that controls it.
 * `platformDefaults` is how an entry passes its own defaults (the Node entry: a
 * temp-dir file store, the `ws` package, streamed uploads); options win over them.
 */
export function createWx(options = {}, platformDefaults = {}) {
  if (options === null || typeof options !== 'object') {
    throw new WxnetError('wx/options', `createWx(options): options must be an object, got ${typeOf(options)}`);
  }
  const overLimit = options.overLimit ?? 'fail';
  if (overLimit !== 'fail' && overLimit !== 'queue') {
    throw new WxnetError('wx/options', `createWx: overLimit must be 'fail' or 'queue', got ${JSON.stringify(overLimit)}`);
  }
  const limits = { ...networkLimits().concurrent };
  const apis = Object.keys(limits);
  for (const [api, value] of Object.entries(options.limits ?? {})) {
    if (!apis.includes(api) || !Number.isInteger(value) || value < 1) {
      throw new WxnetError('wx/options',
        `createWx: limits.${api} must be a positive integer for one of ${apis.join(', ')}, got ${JSON.stringify(value)}`);
    }
    limits[api] = value;
  }
  for (const name of ['fetch', 'WebSocket']) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new WxnetError('wx/options', `createWx: options.${name} must be a function, got ${typeOf(options[name])}`);
    }
  }
  if (options.refererHeader !== undefined && (typeof options.refererHeader !== 'string' || options.refererHeader === '')) {
    throw new WxnetError('wx/options', 'createWx: options.refererHeader must be a non-empty header name');
  }
  const checks = { domains: options.domains, urlCheck: options.urlCheck ?? true, lan: options.lan, wssPortCheck: options.wssPortCheck };
  const context = {
    rules: rulesFor(checks, options.app),
    referer: buildReferer(options.appid ?? 'touristappid', options.version ?? 'devtools'),
    refererHeader: options.refererHeader,
    fetch: options.fetch ?? platformDefaults.fetch ?? ((...args) => globalThis.fetch(...args)),
    WebSocket: options.WebSocket ?? platformDefaults.WebSocket ?? globalThis.WebSocket,
    fileStore: options.fileStore ?? platformDefaults.fileStore ?? createMemoryFileStore(),
    streamUploads: options.streamUploads ?? platformDefaults.streamUploads ?? false,
    manualRedirects: options.manualRedirects ?? platformDefaults.manualRedirects ?? false,
  };
  const runtime = new Runtime(context, limits, overLimit);
  context.runtime = runtime;
  const sockets = createSocketApi(context);
  const wx = {
    request: createRequest(context),
    uploadFile: createUploadFile(context),
    downloadFile: createDownloadFile(context),
    ...sockets,
  };
  return { wx, runtime: runtime.publicApi() };
}


function typeOf(value) {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
