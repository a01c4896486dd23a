// WxnetError, the one error type wxnet throws, and fromCore: how every call into the
// wasm core is wrapped so that its errors arrive as WxnetError.
import { runtimeModule } from './ready.mjs';

/** Every error wxnet throws: `code` is stable (`area/what`), `message` names what was wrong. */
export class WxnetError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'WxnetError';
    this.code = code;
  }
}

/**
 * Wraps a raw wasm export of `module` (the runtime module unless said): checks that
 * its init() ran, and turns the core's `{ code, message }` rejections into WxnetError
 * instances.
 */
export function fromCore(rawFunction, module = runtimeModule) {
  return function wxnetCall(...args) {
    if (!module.isReady()) throw notReady(module);
    try {
      return rawFunction(...args);
    } catch (error) {
      throw toWxnetError(error);
    }
  };
}

export function notReady(module = runtimeModule) {
  const from = module === runtimeModule ? '' : ` from '${module.entry}'`;
  return new WxnetError('init/required',
    `${module.entry} is not initialised: call \`await init()\`${from} once before using it in a browser`);
}

export function toWxnetError(error) {
  if (error && typeof error === 'object' && !(error instanceof Error) && typeof error.code === 'string') {
    return new WxnetError(error.code, error.message);
  }
  // The core never panics on input, so a trap is the 4 GiB wasm memory running out
  // (an input too large to copy in, or thousands of large compiled domain lists kept
  // alive). The allocation failed before anything changed, so the instance goes on.
  if (error instanceof WebAssembly.RuntimeError) {
    const wrapped = new WxnetError('wasm/out-of-memory',
      `the wxnet core ran out of WebAssembly memory (${error.message}): the input is too large, or too many compiled domain lists are alive (free() DomainPolicy objects you no longer need)`);
    wrapped.cause = error;
    return wrapped;
  }
  return error;
}
