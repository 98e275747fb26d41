/** Token format: `pas_` + 43 base62 digits of 32 random bytes; SHA-256 storage form; hint. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isTokenShaped, sameHash, tokenHint } from '../../src-server/store/api-token.ts';
import { BASE62_ALPHABET, base62Length, toBase62 } from '../../src-server/store/base62.ts';

/** Reference decoder: the digits read back as a number. */
function fromBase62(text: string): bigint {
  let n = 0n;
  for (const ch of text) n = n * 62n + BigInt(BASE62_ALPHABET.indexOf(ch));
  return n;
}

describe('base62', () => {
  it('writes 32 bytes as exactly 43 digits, left-padded, for the smallest and largest values', () => {
    expect(base62Length(32)).toBe(43);
    expect(toBase62(new Uint8Array(32))).toBe('0'.repeat(43));
    const max = toBase62(new Uint8Array(32).fill(0xff));
    expect(max).toHaveLength(43);
    expect(fromBase62(max)).toBe(2n ** 256n - 1n);
    expect(toBase62(Uint8Array.from([0, 0, 61]))).toBe('0000z');
    expect(toBase62(Uint8Array.from([0, 0, 62]))).toBe('00010');
  });

  it('round-trips random values', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = crypto.randomBytes(32);
      expect(fromBase62(toBase62(bytes))).toBe(BigInt(`0x${bytes.toString('hex')}`));
    }
  });
});

describe('api tokens', () => {
  it('are pas_ + 43 base62 digits, all different', () => {
    const tokens = new Set(Array.from({ length: 500 }, generateToken));
    expect(tokens.size).toBe(500);
    for (const t of tokens) {
      expect(t).toMatch(/^pas_[0-9A-Za-z]{43}$/);
      expect(isTokenShaped(t)).toBe(true);
    }
  });

  it('refuses anything not shaped like a token before hashing', () => {
    const good = generateToken();
    for (const bad of [
      '',
      'pas_',
      good.slice(0, -1),
      `${good}x`,
      good.replace('pas_', 'pat_'),
      `${good.slice(0, -1)}-`,
      ` ${good}`,
    ]) {
      expect(isTokenShaped(bad), bad).toBe(false);
    }
  });

  it('stores SHA-256 hex of the whole token and compares digests', () => {
    const token = generateToken();
    const hash = hashToken(token);
    expect(hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(sameHash(hash, hashToken(token))).toBe(true);
    expect(sameHash(hash, hashToken(generateToken()))).toBe(false);
    expect(sameHash(hash, 'abcd')).toBe(false);
  });

  it('hints with the prefix and 4 digits only', () => {
    expect(tokenHint('pas_AbCdEfGh')).toBe('pas_AbCd…');
  });
});
