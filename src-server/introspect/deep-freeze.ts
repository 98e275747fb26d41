/**
 * Stages hand each other frozen data (STYLE.md "Stages exchange plain readonly data"), so a later
 * stage cannot change what an earlier one decided. Maps are frozen by making their mutators throw:
 * `Object.freeze` alone leaves `set` working.
 */

function freezeMap<K, V>(map: Map<K, V>): void {
  const refuse = (): never => {
    throw new TypeError('this map is frozen');
  };
  for (const method of ['set', 'delete', 'clear'] as const) {
    Object.defineProperty(map, method, { value: refuse, enumerable: false });
  }
}

/** Freezes `value` and everything reachable from it (plain objects, arrays, maps); returns it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k);
      deepFreeze(v);
    }
    freezeMap(value);
    return Object.freeze(value);
  }
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
