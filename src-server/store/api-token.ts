/**
 * API tokens: `pas_` + base62 of 32 random bytes (256 bits, 43 digits). The prefix makes a leaked
 * token recognisable to secret scanners (GitHub's `ghp_` convention). Only the SHA-256 of the whole
 * token is stored: a token has full entropy, so a fast unsalted hash cannot be brute-forced, and it
 * allows an indexed lookup. The lookup compares hashes, never the token, and the final equality check
 * is `crypto.timingSafeEqual` (called through the module object, so a test can observe it).
 */
import crypto from 'node:crypto';
import { base62Length, toBase62 } from './base62.ts';

export const TOKEN_PREFIX = 'pas_';
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${base62Length(TOKEN_BYTES)}}$`);

/** A new random token. */
export function generateToken(): string {
  return TOKEN_PREFIX + toBase62(crypto.randomBytes(TOKEN_BYTES));
}

/** Whether `text` has the shape of a token (checked before hashing: garbage never reaches the database). */
export function isTokenShaped(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}

/** The stored form: SHA-256 of the whole token, hex. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality of two hex SHA-256 digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && crypto.timingSafeEqual(x, y);
}

/** What a list shows instead of the token: its prefix and first 4 digits. */
export function tokenHint(token: string): string {
  return `${token.slice(0, TOKEN_PREFIX.length + 4)}…`;
}

/** A new HMAC signing secret: 32 random bytes, base64url (shown once, stored sealed). */
export function generateHmacSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}
