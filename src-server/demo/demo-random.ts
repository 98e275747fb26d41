/**
 * The demo's single source of randomness: one seeded Faker (`en` locale) plus the few shapes of
 * value Perfex stores (md5-like hashes, bcrypt hashes, base32 secrets, PHP-serialized arrays).
 * Generation runs in one fixed order, so one seed always yields the same rows.
 */
import { Faker, en } from '@faker-js/faker';

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Seeded random values for the demo generator. */
export class DemoRandom {
  readonly faker: Faker;

  constructor(seed: number) {
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  /** One value of `[value, weight]` pairs, by weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.faker.number.float({ min: 0, max: total });
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new Error('weighted() needs choices');
    return last[0];
  }

  /** `count` distinct elements of `items` (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(items, Math.min(count, items.length));
  }

  /** A working-hours time of day in seconds (08:00–18:59). */
  officeSecond(): number {
    return this.int(8 * 3600, 19 * 3600 - 1);
  }

  private chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** 32 lowercase hex digits, like Perfex's `app_generate_hash()` (md5). */
  md5(): string {
    return this.faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
  }

  /** A bcrypt hash as PHP's password_hash() writes it: `$2y$10$` + 53 characters. */
  bcrypt(): string {
    return `$2y$10$${this.chars(BCRYPT_ALPHABET, 53)}`;
  }

  /** A TOTP secret (Google Authenticator), base32. */
  base32(length = 16): string {
    return this.chars(BASE32_ALPHABET, length);
  }

  /** Letters and digits, for gateway ids (`cus_…`, `ch_…`, `sub_…`). */
  alnum(length: number): string {
    return this.chars(ALNUM, length);
  }

  /** Lorem paragraphs wrapped in `<p>`, as Perfex's rich-text editor stores them. */
  html(paragraphs: number): string {
    const parts: string[] = [];
    for (let i = 0; i < paragraphs; i++) parts.push(`<p>${this.faker.lorem.paragraph()}</p>`);
    return parts.join('\n');
  }
}
