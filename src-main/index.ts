/**
 * Electron main process (placeholder until the desktop issue): starts the engine's server on the
 * demo database and opens a window on it. Kept tiny; the real shell (utilityProcess, preload
 * contract, menus, keychain) replaces it.
 */
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import pino from 'pino';
import { serve } from '../src-server/server/serve.ts';

async function main(): Promise<void> {
  await app.whenReady();
  const server = await serve({
    db: undefined,
    dataDir: app.getPath('userData') || path.join(os.homedir(), '.config', 'perfex-api-studio'),
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
