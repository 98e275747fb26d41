/**
 * Where the 32-byte key that seals stored secrets comes from. The desktop app keeps it in the OS
 * keychain (`safeStorageKeyProvider`); the headless CLI and server keep it in a 0600 file beside the
 * store (`fileKeyProvider`), like ssh keys. The store asks for the key only when it seals or opens a
 * secret, so listing or revoking tokens works without it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StoreKeyError } from './store-errors.ts';

export const KEY_BYTES = 32;

export interface KeyProvider {
  /** The key (32 bytes); created on first use where the provider can create one. */
  getKey(): Buffer;
  /** Where the key lives, for error messages (never the key itself). */
  readonly description: string;
}

/** The key file of a data directory. */
export function keyFile(dataDir: string): string {
  return path.join(dataDir, 'store.key');
}

function readKeyFile(file: string): Buffer {
  const stat = fs.statSync(file);
  // POSIX permissions mean nothing on Windows; there the user profile's ACL protects the data dir.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
    throw new StoreKeyError(
      `the store key file ${file} is readable by group or others (mode ${mode}); run "chmod 600 ${file}" if it was ` +
        'not read by anyone else, otherwise delete it (stored database passwords and HMAC secrets are then lost)',
    );
  }
  const key = fs.readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new StoreKeyError(
      `the store key file ${file} holds ${key.length} bytes, not ${KEY_BYTES}: it is not a store key`,
    );
  }
  return key;
}

/** A key in `<dataDir>/store.key` (mode 0600), created with 32 random bytes on first use. */
export function fileKeyProvider(dataDir: string): KeyProvider {
  const file = keyFile(dataDir);
  let key: Buffer | undefined;
  return {
    description: `key file ${file}`,
    getKey() {
      if (key !== undefined) return key;
      try {
        // 'wx' fails if the file exists, so two processes starting together cannot both create a key.
        const fd = fs.openSync(file, 'wx', 0o600);
        try {
          fs.writeSync(fd, crypto.randomBytes(KEY_BYTES));
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new StoreKeyError(`cannot create the store key file ${file}: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
      key = readKeyFile(file);
      return key;
    },
  };
}
