// Caches for answers that never change once computed: values read from the core, and
// per-key results of pure functions.

/** `read()` once, deep-frozen; if it throws (e.g. before init()), the next call tries again. */
export function frozenOnce(read) {
  let value;
  return () => (value ??= deepFreeze(read()));
}

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze(value[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * `cache.get(key)`, or `compute()` stored under `key`. A Map with `limit` entries is
 * emptied before the next one goes in: a bound, not an eviction order.
 */
export function remember(cache, key, compute, limit = Infinity) {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}
