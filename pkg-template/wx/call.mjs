// The life of one call of request, uploadFile or downloadFile: parameter check,
// admission, timeout, abort, and exactly-once callbacks that never run synchronously.
// Internal: the public entry is createWx() in index.mjs.
import { CallFailure, deliver } from './callbacks.mjs';
import { WxnetError, failure, okMessage } from './core-port.mjs';
import { checkParameters, optionObject } from './parameters.mjs';
import { now } from './runtime.mjs';

/**
 * One call of request/uploadFile/downloadFile from admission to its callbacks.
 * `execute(call)` does the I/O and resolves to the success result (without errMsg),
 * or rejects. On timeout, abort() and interrupt the call fails at once, and the
 * transport is cut at once through `call.signal` and `call.cancelBody`.
 */
export class Call {
  constructor(context, api, option, { url, method, execute }) {
    this.context = context;
    this.runtime = context.runtime;
    this.api = api;
    this.option = option;
    this.url = url;
    this.method = method;
    this.execute = execute;
    this.queueable = true;
    this.id = this.runtime.nextCallId();
    this.settled = false;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.cancelBody = undefined;
    this.timings = { created: now() };
    this.statusCode = undefined;
    this.timer = undefined;
  }

  /** Checks the URL, then admits the call. Always returns synchronously; callbacks come later. */
  start() {
    this.runtime.start(this, this.timings.created);
  }

  queued() {
    this.timings.queued = now();
    this.runtime.log(() => ({ type: 'queued', id: this.id, api: this.api, url: this.url, time: this.timings.queued }));
  }

  begin() {
    this.timings.start = now();
    let pending;
    try {
      // Anything that throws once the call holds a slot fails the call, which frees the slot.
      this.timer = setTimeout(() => this.stop('timeout'), this.context.rules.timeout(this.api, this.option.timeout));
      pending = Promise.resolve(this.execute(this));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then((result) => this.succeed(result), (error) => this.fail(this.transportFailure(error)));
  }

  /** Marks the moment the response headers arrived (for the log and `profile`). */
  headersArrived(statusCode) {
    this.statusCode = statusCode;
    this.timings.headers = now();
    this.runtime.log(() => ({ type: 'headers', id: this.id, api: this.api, url: this.url, statusCode, time: this.timings.headers }));
  }

  /** abort(), timeout and background end a call the same way: fail now, cancel the transport. */
  stop(reason) {
    if (this.settled) return;
    const result = failure(this.api, reason);
    this.fail(result);
    this.controller.abort(new WxnetError('wx/stopped', result.errMsg));
    this.cancelBody?.();
  }

  abort() { this.stop('abort'); }

  interrupt() { this.stop('interrupted'); }

  transportFailure(error) {
    if (error instanceof CallFailure) return error.result;
    if (this.settled) return undefined; // the transport noticed a stop that already failed the call
    const detail = describeTransportError(error);
    return failure(this.api, 'transport', detail); // the core tells a refused certificate from other failures
  }

  succeed(result) {
    if (this.settled) return;
    result.errMsg = okMessage(this.api); // execute() built the object for this call alone
    this.settle(true, result);
  }

  fail(result) {
    this.settle(false, result);
  }

  settle(ok, result) {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.timings.end = now();
    this.runtime.release(this);
    this.runtime.log(() => ({
      type: 'end', id: this.id, api: this.api, url: this.url, method: this.method, ok,
      statusCode: ok ? result.statusCode : this.statusCode, errMsg: result.errMsg, errno: result.errno,
      timings: { ...this.timings }, duration: this.timings.end - this.timings.created,
    }));
    deliver(this.option, ok, result);
  }
}

/**
 * How request, uploadFile and downloadFile start: check the option's fields (and
 * `precheck(option, method)`, which may return a failure), then run `execute(call,
 * option)` as a Call tied to `task`. Returns the task at once; results come by callback.
 */
export function startTask(context, api, rawOption, task, { method, precheck, execute }) {
  const option = optionObject(rawOption);
  let refused = checkParameters(api, option);
  const httpMethod = refused ? undefined : typeof method === 'function' ? method(option) : method;
  refused ??= precheck?.(option, httpMethod);
  if (refused) {
    context.runtime.refuse(api, option, refused);
    return task;
  }
  task.call = new Call(context, api, option, { url: option.url, method: httpMethod, execute: (call) => execute(call, option) });
  task.call.start();
  return task;
}

// The transport's own words for a failure without a response (`ECONNRESET`, `Failed to fetch`).
function describeTransportError(error) {
  const cause = error?.cause;
  const text = cause && typeof cause === 'object' ? cause.code ?? cause.message : error?.message;
  return typeof text === 'string' && text !== '' ? text : String(error);
}
