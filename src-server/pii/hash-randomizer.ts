/**
 * A faker `Randomizer` (https://fakerjs.dev/guide/randomizer.html) over sfc32, seeded with the
 * 128 bits of a keyed hash. Faker's default Mersenne Twister takes ~20 µs to seed (624 words),
 * which a list of 100 rows × 10 personal columns would pay 1,000 times; sfc32 seeds in a few
 * operations and passes PractRand to 2^40 bytes, far beyond the dozen draws a fake value needs.
 */
import type { Randomizer } from '@faker-js/faker';

export function createHashRandomizer(): Randomizer {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 1;
  function next(): number {
    // sfc32 (Chris Doty-Humphrey), 32-bit arithmetic via `| 0` and `>>> 0`.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  return {
    next,
    seed(seed: number | number[]): void {
      const words = Array.isArray(seed) ? seed : [seed];
      a = (words[0] ?? 0) | 0;
      b = (words[1] ?? 0) | 0;
      c = (words[2] ?? 0) | 0;
      d = (words[3] ?? 1) | 0;
      // The recommended warm-up: the first outputs of sfc32 still show the seed's structure.
      for (let i = 0; i < 12; i++) next();
    },
  };
}
