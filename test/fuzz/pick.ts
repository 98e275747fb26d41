/**
 * Small helpers over fast-check's `gen` (values drawn inside the property, so each choice can depend
 * on the previous ones: a filter path on the resource just picked). Choices shrink towards the first
 * item and towards "yes", so a failing case shrinks to the simplest request that still fails.
 */
import fc, { type GeneratorValue } from 'fast-check';

export type Gen = GeneratorValue;

export function pick<T>(g: Gen, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[g(fc.nat, { max: items.length - 1 })] as T;
}

/** True with probability `percent`/100. */
export function chance(g: Gen, percent: number): boolean {
  return g(fc.nat, { max: 99 }) < percent;
}

/** A whole number in [min, max]. */
export function between(g: Gen, min: number, max: number): number {
  return g(fc.integer, { min, max });
}

/** One of the weighted branches, each a function of `g`. */
export function oneOf<T>(g: Gen, branches: readonly (readonly [number, () => T])[]): T {
  const total = branches.reduce((n, [w]) => n + w, 0);
  let at = g(fc.nat, { max: total - 1 });
  for (const [weight, branch] of branches) {
    if (at < weight) return branch();
    at -= weight;
  }
  throw new Error('unreachable');
}

/** `count` items made by `make`. */
export function times<T>(g: Gen, max: number, make: (i: number) => T, min = 0): T[] {
  const n = between(g, min, max);
  return Array.from({ length: n }, (_, i) => make(i));
}
