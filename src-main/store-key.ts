/**
 * The store key for the desktop app: sealed by the OS keychain through safeStorage (macOS Keychain,
 * Windows DPAPI, libsecret/kwallet), unsealed here in the main process and handed to the engine's
 * process in its start message. Where the keychain is unavailable (Linux without a secret service),
 * the engine falls back to the 0600 key file of the headless server, and the Studio says so.
 */
import path from 'node:path';
import type { KeychainStatus } from '../src-shared/desktop-bridge.ts';
import { safeStorageKeyProvider, type SafeStorageLike } from '../src-server/store/safe-storage-key-provider.ts';

export interface DesktopStoreKey {
  /** base64 key for the engine, or null = use the key file. */
  readonly key: string | null;
  readonly status: KeychainStatus;
}

export function desktopStoreKey(safeStorage: SafeStorageLike & { getSelectedStorageBackend?: () => string }, dataDir: string, platform: NodeJS.Platform): DesktopStoreKey {
  const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : platform === 'darwin' ? 'Keychain' : 'DPAPI';
  // On Linux, "basic_text" means no secret service: encryption "works" with a hard-coded password.
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    return { key: null, status: { available: false, backend: `${backend} (key file ${path.join(dataDir, 'store.key')} used instead)` } };
  }
  const key = safeStorageKeyProvider(safeStorage, path.join(dataDir, 'store.key.sealed')).getKey();
  return { key: key.toString('base64'), status: { available: true, backend } };
}
