/**
 * The raw material of the hostile-input fuzz: strings, numbers and JSON values that break naive
 * parsers (SQL and template injection, NUL bytes, bad percent-escapes, lone surrogates, numbers
 * past 2^53 or past a double, impossible dates, prototype keys, overlong text), mixed with
 * random ones so fast-check can wander beyond the list.
 */
import fc from 'fast-check';

/** Strings that have broken real parsers, SQL builders or serialisers. */
export const NASTY_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  '1; DROP TABLE tblleads; --',
  '" OR ""="',
  "') UNION SELECT password, hash FROM tblstaff --",
  '`id`',
  '[id]',
  '%',
  '%%',
  '_',
  '*',
  '\\',
  "\\'",
  '\u0000',
  'a\u0000b',
  '%00',
  '%zz',
  '%E0%A4%A',
  '%',
  '\ud800',
  '\udfff\ud800',
  '\uFEFF',
  '\u202Eevil',
  '😀',
  '𝕏𝕐',
  'Ω≈ç√∫',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  '',
  ' ',
  '\t\r\n',
  'null',
  'undefined',
  'true',
  'false',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '-1',
  '1e309',
  '1e-400',
  '9007199254740993',
  '-9223372036854775809',
  '18446744073709551616',
  '99999999999999999999999999999999999999',
  '0x1F',
  '1_000',
  '01',
  '1.5',
  '1,2',
  '1,,2',
  ',',
  ',,,',
  '.',
  '..',
  '...',
  '-',
  '--',
  ':',
  '[]',
  '{}',
  '{"a":',
  '[object Object]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '2026-02-30',
  '0000-00-00',
  '0000-00-00 00:00:00',
  '2026-13-01T25:61:61',
  '9999-12-31T23:59:59.999Z',
  '-000001-01-01',
  '+275760-09-13',
  '2026-06-30T12:00:00+14:00',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(256),
  'é'.repeat(200),
  'x'.repeat(9000),
];

/** Numbers at and past the edges: integer ranges, 2^53, doubles, signed zero. */
export const NASTY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.000001,
  127,
  128,
  255,
  256,
  32767,
  65535,
  2147483647,
  2147483648,
  -2147483649,
  4294967296,
  9007199254740991,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.EPSILON,
  123456789.12345679,
];

/** A string from the list or a random one (any code point, lone surrogates included). */
export function hostileString(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.string({ maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
  );
}

export function hostileNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(...NASTY_NUMBERS),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: 2000 }),
  );
}

/** Text that is often a real value of a column (so it reaches the database) and sometimes not. */
export function plausibleText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: -5, max: 2000 }).map(String),
    fc.constantFrom(
      '2026-06-30',
      '2024-01-01T00:00:00',
      '0',
      '1',
      '2',
      '4',
      'true',
      'false',
      'invoice',
      'customer',
      'USD',
    ),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n.toFixed(2)),
    fc.string({ maxLength: 12 }),
  );
}

/** Any JSON value, nested up to `depth` levels, with hostile leaves and keys. */
export function hostileJson(depth = 3): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(hostileString(30), hostileNumber(), fc.boolean(), fc.constant(null), plausibleText());
  if (depth <= 0) return leaf;
  const key = fc.oneof(hostileString(12), fc.constantFrom('__proto__', 'constructor', 'eq', 'in', 'and', 'or', 'not'));
  return fc.oneof(
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(hostileJson(depth - 1), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(key, hostileJson(depth - 1), { maxKeys: 4 }) },
  );
}

/** A JSON value nested exactly `levels` deep (the shield refuses more than 10). */
export function nested(levels: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/**
 * Percent-encodes the UTF-8 bytes of `text` except unreserved characters (RFC 3986 §2.3). Unlike
 * encodeURIComponent it never throws: a lone surrogate goes out as U+FFFD's bytes.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Text as it may go on the request line unencoded: printable ASCII stays (so `%zz`, `'`, `[`,
 * `{`, `\` reach the server raw), everything else is percent-encoded as node's http client requires.
 */
export function rawEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code > 0x20 && code < 0x7f && ch !== '#' ? ch : percentEncode(ch);
  }
  return out;
}
