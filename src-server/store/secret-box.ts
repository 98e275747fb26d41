/**
 * Secrets at rest (connection URLs, HMAC secrets): AES-256-GCM with a random 96-bit IV per value
 * (NIST SP 800-38D §8.2.2: random IVs are safe far beyond the number of secrets a desktop app stores).
 * Format `v1.<iv>.<ciphertext>.<tag>` (base64url), so a future format can sit beside this one.
 * `context` is bound as additional authenticated data: a sealed value copied to another row or
 * column does not open, and any tampering fails the tag check.
 */
import crypto from 'node:crypto';
import { StoreKeyError } from './store-errors.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new StoreKeyError(`the store key must be 32 bytes, got ${key.length}`);
}

/** Encrypts `plain` under `key` (32 bytes), bound to `context`. */
export function seal(key: Buffer, plain: string, context = ''): string {
  checkKey(key);
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

/** Decrypts a value from `seal`; throws `StoreKeyError` on a wrong key, wrong context or any tampering. */
export function open(key: Buffer, sealed: string, context = ''): string {
  checkKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new StoreKeyError(`unknown sealed-secret format "${sealed.slice(0, 3)}…" (expected ${VERSION})`);
  }
  const [, iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new StoreKeyError('a sealed secret is truncated');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new StoreKeyError('a sealed secret does not open: wrong store key, or the value was altered', {
      cause: error,
    });
  }
}
