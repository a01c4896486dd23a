import { isReady } from './ready.mjs';

/** Every error wxnet throws: `code` is stable (`area/what`), `message` names what was wrong. */
export class WxnetError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'WxnetError';
    this.code = code;
  }
}

/**
 * Wraps a raw wasm export: checks that init() ran, and turns the core's
 * `{ code, message }` rejections into WxnetError instances.
 */
export function fromCore(rawFunction) {
  return function wxnetCall(...args) {
    if (!isReady()) throw notReady();
    try {
      return rawFunction(...args);
    } catch (error) {
      throw toWxnetError(error);
    }
  };
}

export function notReady() {
  return new WxnetError('init/required',
    'wxnet is not initialised: call `await init()` once before using it in a browser');
}

export function toWxnetError(error) {
  if (error && typeof error === 'object' && !(error instanceof Error) && typeof error.code === 'string') {
    return new WxnetError(error.code, error.message);
  }
  return error;
}
