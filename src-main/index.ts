/**
 * Electron main process (placeholder until the desktop issue): starts the engine's server on the
 * demo database and opens a window on it. Kept tiny; the real shell (utilityProcess, preload
 * contract, menus, keychain) replaces it.
 */
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, safeStorage } from 'electron';
import pino from 'pino';
import { serve } from '../src-server/server/serve.ts';
import { safeStorageKeyProvider } from '../src-server/store/safe-storage-key-provider.ts';

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData') || path.join(os.homedir(), '.config', 'perfex-api-studio');
  const server = await serve({
    db: undefined,
    dataDir,
    // Stored secrets are sealed with a key that the OS keychain protects (DPAPI, Keychain, libsecret).
    keyProvider: safeStorageKeyProvider(safeStorage, path.join(dataDir, 'store.key.sealed')),
    port: 0,
    logger: pino({ level: 'warn' }),
  });
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: path.join(import.meta.dirname, '../preload/index.mjs') },
  });
  await window.loadURL(server.studioUrl);
  app.on('window-all-closed', () => {
    void server.close().finally(() => app.quit());
  });
}

void main();
