/**
 * A tiny keyed PRNG (splitmix32 hashing + mulberry32). Used where a value must be re-derivable
 * from an id alone: the line items of document #n can be regenerated later (an estimate copying
 * the invoice it became) without keeping every invoice in memory.
 */

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Deterministic random numbers for one key. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** A PRNG whose sequence depends only on `keys` (e.g. seed, document kind, id). */
export function createPrng(...keys: number[]): Prng {
  let state = 0x9e3779b9;
  for (const key of keys) state = mix(state ^ mix(key >>> 0) ^ Math.floor(key / 4_294_967_296));
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
  };
}
