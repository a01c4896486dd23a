// How error messages name a wrong value's type: one place for the JS glue. The wasm
// boundary names the types it checks itself, with the same words as typeName.

/** `'null'`, `'array'` or `typeof value`: the word the core uses too. */
export function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The type with an article, and an object's class: `an array`, `a Uint16Array`, `a Map`, `number`. */
export function describeType(value) {
  const name = typeName(value);
  if (name === 'array') return 'an array';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor?.name ?? 'typed array'}`;
  return name === 'object' ? `a ${value.constructor?.name ?? 'object'}` : name;
}

/** The value itself where it is short and printable (`"abc"`, `3`, `10n (a BigInt)`), else its kind. */
export function describeValue(value) {
  switch (typeName(value)) {
    case 'null': return 'null';
    case 'array': return 'an array';
    case 'string': return value.length > 60 ? `${JSON.stringify(value.slice(0, 60))}… (${value.length} characters)` : JSON.stringify(value);
    case 'bigint': return `${value}n (a BigInt)`;
    case 'number': case 'boolean': case 'undefined': return String(value);
    case 'symbol': return 'a symbol';
    case 'function': return 'a function';
    default: return 'an object';
  }
}
