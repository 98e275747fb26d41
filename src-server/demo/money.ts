/**
 * Money travels through the generator as integer cents, so sums are exact; it becomes a
 * `decimal(15,2)` value only when a row is built.
 */

/** The decimal value of `cents` (12345 → 123.45). */
export function amount(cents: number): number {
  return Math.round(cents) / 100;
}

/** `numerator / denominator` rounded half up, for non-negative integers (as MySQL rounds decimals). */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator / 2) / denominator);
}
