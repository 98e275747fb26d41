/**
 * The Studio as the desktop app's window sees it, in Chromium with the preload's bridge injected
 * (`window.studioDesktop`, the contract of src-shared/desktop-bridge.ts) since the Electron binary
 * cannot run here: exports go to the native save dialog, the whitelist import comes from the native
 * open dialog, the admin session comes from the bridge, and native menu commands drive the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

interface BridgeLog {
  saved: { title: string; defaultName: string; content: string }[];
  opened: number;
  sessionAsked: number;
}

let session: StudioSession;

beforeAll(async () => {
  if (!hasChromium) return;
  session = await startStudio();
  // What src-main/preload.ts exposes, backed by the page itself: calls are recorded for the test.
  await session.context.addInitScript(
    ({ adminToken, whitelist }) => {
      const log: BridgeLog = { saved: [], opened: 0, sessionAsked: 0 };
      const menu: ((command: string) => void)[] = [];
      Object.assign(window, {
        __bridgeLog: log,
        __menu: (command: string) => menu.forEach((listener) => listener(command)),
        studioDesktop: Object.freeze({
          platform: 'linux',
          adminSessionToken: async () => {
            log.sessionAsked++;
            return adminToken;
          },
          appVersion: async () => '0.1.0',
          saveFile: async (request: { title: string; defaultName: string; content: string }) => {
            log.saved.push(request);
            return { saved: true, path: `/home/dev/Downloads/${request.defaultName}` };
          },
          openTextFile: async () => {
            log.opened++;
            return { name: 'whitelist.json', text: whitelist };
          },
          openExternal: async () => undefined,
          keychain: async () => ({ available: true, backend: 'gnome_libsecret' }),
          onMenuCommand: (listener: (command: string) => void) => {
            menu.push(listener);
            return () => menu.splice(menu.indexOf(listener), 1);
          },
        }),
      });
    },
    { adminToken: session.serving.adminToken, whitelist: JSON.stringify({ expose: 'core', tables: { tblinvoices: { name: 'bills' } } }) },
  );
});

afterAll(async () => {
  await session?.close();
});

const bridgeLog = (): Promise<BridgeLog> => session.page.evaluate(() => (window as unknown as { __bridgeLog: BridgeLog }).__bridgeLog);

describe.skipIf(!hasChromium)('the Studio with the desktop bridge', () => {
  it('takes its admin session from the bridge and obeys the native menu', async () => {
    const { page } = session;
    // No ?token= and no cookie: the page itself needs the cookie, so set it as the main process does.
    await session.context.addCookies([{ name: 'pas_admin_session', value: session.serving.adminToken, url: session.serving.url, httpOnly: true, sameSite: 'Strict' }]);
    await page.goto(`${session.serving.url}/`);
    await page.getByTestId('topbar').waitFor();
    await expect.poll(async () => (await bridgeLog()).sessionAsked).toBeGreaterThan(0);
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('toggle-theme'));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(theme);
    await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('open-screen:logs'));
    await expect.poll(() => page.getByTestId('nav-logs').getAttribute('aria-current')).toBe('page');
    expect(session.errors).toEqual([]);
  });

  it('saves exports through the native save dialog', async () => {
    const { page } = session;
    await page.getByTestId('nav-export').click();
    await page.getByTestId('export-postman').click();
    await expect.poll(async () => (await bridgeLog()).saved.length).toBe(1);
    const [saved] = (await bridgeLog()).saved;
    expect(saved?.defaultName).toBe('perfex-api.postman_collection.json');
    expect((JSON.parse(saved?.content ?? '{}') as { info?: { schema?: string } }).info?.schema).toContain('v2.1.0');
    expect(session.errors).toEqual([]);
  });

  it('imports a whitelist from the native open dialog, applied to the API at once', async () => {
    const { page } = session;
    await page.getByTestId('nav-whitelist').click();
    await page.getByTestId('wl-import').click();
    await expect.poll(async () => (await bridgeLog()).opened).toBe(1);
    await expect.poll(() => session.serving.engine.catalog.byName.has('bills')).toBe(true);
    expect(session.serving.store.whitelist.getTable('tblinvoices')).toEqual({ name: 'bills' });
    expect(session.errors).toEqual([]);
  });
});
