// The type check of an API's option fields, before anything else happens to the call.
import { wxParameterError } from './core-port.mjs';

/**
 * The failure of the first option field of `call` with a wrong type, worded by the
 * core's catalogue (`parameter error: parameter.url should be String instead of
 * Undefined;`), or undefined. Which fields each API takes is the core's table.
 */
export function checkParameters(call, option) {
  return wxParameterError(call, option) ?? undefined;
}

/** Normalises the option argument: a missing one is `{}` so the parameter check words it. */
export function optionObject(option) {
  return option !== null && typeof option === 'object' ? option : {};
}
