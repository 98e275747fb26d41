/** Where the store key comes from: a 0600 key file, or a file sealed by Electron's safeStorage. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKeyProvider, keyFile } from '../../src-server/store/key-provider.ts';
import { safeStorageKeyProvider, type SafeStorageLike } from '../../src-server/store/safe-storage-key-provider.ts';
import { StoreKeyError } from '../../src-server/store/store-errors.ts';
import { tempDataDir } from '../support/temp-store.ts';

const dirs: string[] = [];
function newDir(): string {
  const dir = tempDataDir('pas-key-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in for Electron's safeStorage with the same contract: an opaque, machine-bound encryption.
 * Here AES-GCM under a key only this object knows, so the file on disk never holds the store key.
 */
function fakeSafeStorage(available = true): SafeStorageLike & { calls: number } {
  const machineKey = crypto.randomBytes(32);
  return {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      this.calls++;
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', machineKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(data) {
      this.calls++;
      const d = crypto.createDecipheriv('aes-256-gcm', machineKey, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe.skipIf(process.platform === 'win32')('fileKeyProvider', () => {
  it('creates a 32-byte key file with mode 0600 once and reads the same key back', () => {
    const dir = newDir();
    const key = fileKeyProvider(dir).getKey();
    expect(key).toHaveLength(32);
    expect(fs.statSync(keyFile(dir)).mode & 0o777).toBe(0o600);
    expect(fileKeyProvider(dir).getKey().equals(key)).toBe(true);
  });

  it('refuses a key file readable by group or others, and says what to do', () => {
    const dir = newDir();
    fileKeyProvider(dir).getKey();
    fs.chmodSync(keyFile(dir), 0o644);
    expect(() => fileKeyProvider(dir).getKey()).toThrow(StoreKeyError);
    expect(() => fileKeyProvider(dir).getKey()).toThrow(/readable by group or others \(mode 644\); run "chmod 600/);
  });

  it('refuses a key file of the wrong size', () => {
    const dir = newDir();
    fs.writeFileSync(keyFile(dir), 'not a key', { mode: 0o600 });
    expect(() => fileKeyProvider(dir).getKey()).toThrow(/holds 9 bytes, not 32/);
  });
});

describe('safeStorageKeyProvider', () => {
  it('keeps the key only encrypted by the keychain and returns the same key later', () => {
    const dir = newDir();
    const file = path.join(dir, 'store.key.sealed');
    const safe = fakeSafeStorage();
    const key = safeStorageKeyProvider(safe, file).getKey();
    expect(key).toHaveLength(32);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.includes(key)).toBe(false);
    expect(onDisk.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(safeStorageKeyProvider(safe, file).getKey().equals(key)).toBe(true);
  });

  it('fails clearly when the OS keychain is not available', () => {
    const file = path.join(newDir(), 'store.key.sealed');
    expect(() => safeStorageKeyProvider(fakeSafeStorage(false), file).getKey()).toThrow(/OS keychain is not available/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('fails clearly when another keychain cannot decrypt the key file', () => {
    const file = path.join(newDir(), 'store.key.sealed');
    safeStorageKeyProvider(fakeSafeStorage(), file).getKey();
    expect(() => safeStorageKeyProvider(fakeSafeStorage(), file).getKey()).toThrow(/cannot decrypt the store key/);
  });
});
