// The type check of an API's option fields, before anything else happens to the call.
import { failure } from './core-port.mjs';

/**
 * Checks option fields' types; `spec` is `[name, type, required]` with the platform's
 * type names. The first wrong field gives the failure, worded by the core's catalogue:
 * `parameter error: parameter.url should be String instead of Undefined;`.
 */
export function checkParameters(api, option, spec) {
  for (const [parameter, expected, required] of spec) {
    const value = option[parameter];
    if (value === undefined && !required) continue;
    if (!HAS_TYPE[expected](value)) return failure(api, 'parameter error', { parameter, expected, value });
  }
  return undefined;
}

const HAS_TYPE = {
  String: (value) => typeof value === 'string',
  Number: (value) => typeof value === 'number',
  Boolean: (value) => typeof value === 'boolean',
  Array: (value) => Array.isArray(value),
  Object: (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
};

/** Normalises the option argument: a missing one is `{}` so the parameter check words it. */
export function optionObject(option) {
  return option !== null && typeof option === 'object' ? option : {};
}
