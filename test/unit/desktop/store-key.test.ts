/**
 * The desktop store key: sealed by the OS keychain when it is there (a stand-in with real AES for
 * safeStorage), the 0600 key file otherwise, including Linux's "basic_text" backend (no secret service).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopStoreKey } from '../../../src-main/store-key.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function keychain(available: boolean, backend = 'gnome_libsecret') {
  const secret = crypto.randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(text: string): Buffer {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer): string {
      const decipher = crypto.createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function dir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-key-'));
  dirs.push(d);
  return d;
}

describe('desktop store key', () => {
  it('keeps the key sealed by the keychain and gives the same key at the next launch', () => {
    const d = dir();
    const chain = keychain(true);
    const first = desktopStoreKey(chain, d, 'linux');
    expect(first.status).toEqual({ available: true, backend: 'gnome_libsecret' });
    expect(Buffer.from(first.key ?? '', 'base64')).toHaveLength(32);
    const sealed = fs.readFileSync(path.join(d, 'store.key.sealed'));
    expect(sealed.includes(Buffer.from(first.key ?? '', 'base64'))).toBe(false);
    expect(desktopStoreKey(chain, d, 'linux').key).toBe(first.key);
  });

  it('falls back to the key file where the keychain is missing or only obfuscates', () => {
    for (const chain of [keychain(false), keychain(true, 'basic_text')]) {
      const d = dir();
      const result = desktopStoreKey(chain, d, 'linux');
      expect(result.key).toBeNull();
      expect(result.status.available).toBe(false);
      expect(result.status.backend).toContain(path.join(d, 'store.key'));
      expect(fs.existsSync(path.join(d, 'store.key.sealed'))).toBe(false);
    }
  });
});
