// The type check of an API's option fields, before anything else happens to the call.
// Which fields each call takes, whether they are required and which JS types each
// platform type accepts are the core's table (WX_PARAMETERS, generated); the wording
// of the failure is the core's catalogue. Applying the table here keeps the check off
// the wasm boundary: a call into the core that read each field cost 9 µs a call.
// tests/wx-core-rules.test.mjs checks that this agrees with the core's own check.
import { WX_PARAMETERS, failure } from './core-port.mjs';

/**
 * The failure of the first option field of `call` (a key of WX_PARAMETERS: the four
 * APIs, `sendSocketMessage`, `UDPSocket.send`, …) with a wrong type (`parameter error:
 * parameter.url should be String instead of Undefined;`, after `${api}:fail `, the api
 * being the method of `Class.method` keys), or undefined.
 */
export function checkParameters(call, option, api = call.slice(call.lastIndexOf('.') + 1)) {
  for (const [parameter, expected, required, accepted] of WX_PARAMETERS[call]) {
    const value = option[parameter];
    if (value === undefined && !required) continue;
    if (!accepted.includes(jsType(value))) return failure(api, 'parameter error', { parameter, expected, value });
  }
  return undefined;
}

/** `typeof`, with null, arrays and ArrayBuffers told apart, as the core's table names types. */
function jsType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof ArrayBuffer) return 'arraybuffer';
  return typeof value;
}

/** Normalises the option argument: a missing one is `{}` so the parameter check words it. */
export function optionObject(option) {
  return option !== null && typeof option === 'object' ? option : {};
}
