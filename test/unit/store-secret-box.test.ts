/** AES-256-GCM sealing of stored secrets: round trip, fresh IVs, and refusal of any change. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../src-server/store/secret-box.ts';
import { StoreKeyError } from '../../src-server/store/store-errors.ts';

const key = crypto.randomBytes(32);

describe('secret-box', () => {
  it('opens what it sealed, unicode included, and never shows the plain text', () => {
    const plain = 'mysql://perfex:pässwörd-😀@db.local/perfex';
    const sealed = seal(key, plain, 'connections:c1');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain('perfex');
    expect(open(key, sealed, 'connections:c1')).toBe(plain);
  });

  it('uses a fresh random IV each time', () => {
    const a = seal(key, 'same');
    const b = seal(key, 'same');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('refuses a changed IV, ciphertext, tag, context, key or version', () => {
    const sealed = seal(key, 'the secret', 'ctx');
    const parts = sealed.split('.');
    const flip = (i: number): string => {
      const bytes = Buffer.from(parts[i] as string, 'base64url');
      bytes[0] = (bytes[0] as number) ^ 1;
      return parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join('.');
    };
    for (const i of [1, 2, 3]) expect(() => open(key, flip(i), 'ctx')).toThrow(StoreKeyError);
    expect(() => open(key, sealed, 'other ctx')).toThrow(/does not open/);
    expect(() => open(crypto.randomBytes(32), sealed, 'ctx')).toThrow(/wrong store key/);
    expect(() => open(key, sealed.replace(/^v1/, 'v9'), 'ctx')).toThrow(/unknown sealed-secret format/);
    expect(() => open(key, parts.slice(0, 3).join('.'), 'ctx')).toThrow(StoreKeyError);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => seal(Buffer.alloc(16), 'x')).toThrow(/32 bytes/);
  });
});
