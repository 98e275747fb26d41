/**
 * The desktop app end to end with Playwright's `_electron`: launch, the Studio loads in the window
 * (through the preload, with the session cookie set by the main process), and one request is sent from
 * the explorer. Runs wherever the Electron binary exists; on machines that cannot download it (this CI)
 * it is skipped with the reason printed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const root = path.resolve(import.meta.dirname, '../..');
const binary = findElectronBinary();
if (binary.path === null) console.warn(`skipping the Electron end-to-end test: ${binary.reason}`);

describe.skipIf(binary.path === null)('desktop app (Electron)', () => {
  let app: ElectronApplication;
  let userData: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-electron-'));
    app = await electron.launch({ executablePath: binary.path ?? '', args: ['.', '--no-sandbox'], cwd: root, env: { ...process.env, PAS_USER_DATA_DIR: userData } });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (userData !== undefined) fs.rmSync(userData, { recursive: true, force: true });
  });

  it('opens the Studio with the preload bridge and sends a request from the explorer', async () => {
    const page = await app.firstWindow();
    await page.getByTestId('topbar').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => typeof window.studioDesktop?.adminSessionToken)).toBe('function');
    // The session never appears in the URL.
    expect(page.url()).not.toContain('token=');
    await page.getByTestId('nav-explorer').click();
    await page.getByTestId('endpoint-group-invoices').getByRole('button', { name: /invoices/ }).first().click();
    expect(await page.getByTestId('explorer-path').inputValue()).toBe('/api/v1/invoices');
    await page.getByTestId('explorer-send').click();
    await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 30_000 }).toContain('200');
  }, 120_000);
});
