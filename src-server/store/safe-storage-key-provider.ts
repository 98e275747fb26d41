/**
 * The desktop app's key provider: the store key lives in a file encrypted by Electron's `safeStorage`
 * (macOS Keychain, Windows DPAPI, libsecret/kwallet on Linux), so copying the data directory to another
 * machine or user does not copy the ability to open its secrets. Typed against the three methods it
 * uses, so src-server never imports electron and tests can pass a stand-in.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { KEY_BYTES, type KeyProvider } from './key-provider.ts';
import { StoreKeyError } from './store-errors.ts';

/** The part of Electron's `safeStorage` this provider uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * A key kept in `file`, encrypted by the OS keychain. Throws `StoreKeyError` when the keychain is not
 * available (e.g. Linux without a secret service), so the app can tell the user and fall back to
 * `fileKeyProvider` explicitly rather than silently storing the key in the clear.
 */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, file: string): KeyProvider {
  let key: Buffer | undefined;
  return {
    description: `OS keychain (key sealed in ${file})`,
    getKey() {
      if (key !== undefined) return key;
      if (!safeStorage.isEncryptionAvailable()) {
        throw new StoreKeyError(
          'the OS keychain is not available (Electron safeStorage reports no encryption; on Linux, start a secret ' +
            'service such as gnome-keyring or kwallet), so the store key cannot be protected by it',
        );
      }
      if (!fs.existsSync(file)) {
        const fresh = crypto.randomBytes(KEY_BYTES);
        const sealed = safeStorage.encryptString(fresh.toString('base64'));
        try {
          fs.writeFileSync(file, sealed, { mode: 0o600, flag: 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      let text: string;
      try {
        text = safeStorage.decryptString(fs.readFileSync(file));
      } catch (error) {
        throw new StoreKeyError(
          `the OS keychain cannot decrypt the store key in ${file} (was the data directory copied from another user or machine?)`,
          { cause: error },
        );
      }
      const decoded = Buffer.from(text, 'base64');
      if (decoded.length !== KEY_BYTES) {
        throw new StoreKeyError(`the store key in ${file} decrypts to ${decoded.length} bytes, not ${KEY_BYTES}`);
      }
      key = decoded;
      return key;
    },
  };
}
