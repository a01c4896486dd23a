// How results reach the mini program's code: success/fail/complete exactly once and
// never synchronously, listener lists with the platform's on/off semantics, the
// Promise form, and isolation from callbacks that throw.

/** A failure an API's execute() raises on purpose, with a catalogue result. */
export class CallFailure extends Error {
  constructor(result) {
    super(result.errMsg);
    this.result = result;
  }
}

/** Runs success/fail then complete, never synchronously, each at most once, isolated from our state. */
export function deliver(option, ok, result) {
  queueMicrotask(() => {
    const callback = ok ? option.success : option.fail;
    if (typeof callback === 'function') invoke(callback, result);
    if (typeof option.complete === 'function') invoke(option.complete, result);
  });
}

export function invoke(callback, value) {
  try {
    callback(value);
  } catch (error) {
    reportCallbackError(error);
  }
}

// A throwing user callback must not break the shim's bookkeeping; the platform logs it.
export function reportCallbackError(error) {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
}

/** Listener lists with the platform's on/off semantics (off without a listener removes all). */
export class Listeners {
  constructor() { this.list = []; }
  on(listener) { if (typeof listener === 'function') this.list.push(listener); }
  off(listener) {
    if (listener === undefined) this.list = [];
    else this.list = this.list.filter((candidate) => candidate !== listener);
  }
  emit(value) {
    if (this.list.length === 0) return;
    for (const listener of [...this.list]) invoke(listener, value);
  }
}

// From base library 2.10.2 an API called without success/fail/complete returns a Promise (RULES.md §9).
export function promisify(option, run) {
  if (['success', 'fail', 'complete'].some((key) => typeof option[key] === 'function')) {
    run(option);
    return undefined;
  }
  return new Promise((resolve, reject) => run({ ...option, success: resolve, fail: reject }));
}
