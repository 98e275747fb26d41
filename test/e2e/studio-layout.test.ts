/**
 * The Studio's layout in real Chromium at 1280×800 and 1920×1080: every screen opens from the
 * sidebar, nothing overflows sideways, the frame (sidebar, top bar) stays in view, both themes
 * render (screenshots of each screen in each), Ctrl+1…6 switch screens, and no page or console
 * error happens on the way. Without the session token, `/` explains how to get one instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

/** Sidebar order, which is also the Ctrl+digit order. */
const SCREENS = ['explorer', 'whitelist', 'connections', 'tokens', 'logs', 'export'] as const;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function showScreen(session: StudioSession, id: string): Promise<void> {
  await session.page.getByTestId(`nav-${id}`).click();
  await session.page.getByTestId(`screen-${id}`).waitFor();
  // Screens load their data on arrival; screenshots and measurements wait until it has come.
  await session.page.waitForLoadState('networkidle');
  await session.page.waitForFunction(() => document.querySelector('[role="status"]') === null, undefined, { timeout: 10_000 }).catch(() => undefined);
}

interface Overflow {
  readonly document: [number, number];
  readonly content: [number, number];
}

function overflowOf(session: StudioSession): Promise<Overflow> {
  return session.page.evaluate(() => {
    const doc = document.documentElement;
    const content = document.querySelector('.content') as HTMLElement;
    return { document: [doc.scrollWidth, doc.clientWidth], content: [content.scrollWidth, content.clientWidth] } as Overflow;
  });
}

for (const viewport of VIEWPORTS) {
  describe.skipIf(!hasChromium)(`Studio layout at ${viewport.width}×${viewport.height}`, () => {
    let session: StudioSession;
    beforeAll(async () => {
      session = await startStudio({ viewport });
      // A fresh profile follows the system theme: start from dark so the toggle's effect is known.
      await session.page.emulateMedia({ colorScheme: 'dark' });
      await session.open();
    });
    afterAll(async () => {
      await session?.close();
    });

    it('opens every screen without sideways overflow, the sidebar and top bar in view, in both themes', async () => {
      const { page } = session;
      for (const theme of ['dark', 'light'] as const) {
        if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
          await page.getByTestId('theme-toggle').click();
          await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        }
        for (const id of SCREENS) {
          await showScreen(session, id);
          expect(await page.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
          const overflow = await overflowOf(session);
          expect(overflow.document[0], `${id} (${theme}): document ${overflow.document.join(' > ')}`).toBeLessThanOrEqual(overflow.document[1]);
          expect(overflow.content[0], `${id} (${theme}): content pane ${overflow.content.join(' > ')}`).toBeLessThanOrEqual(overflow.content[1]);
          for (const frame of [page.locator('nav.sidebar'), page.getByTestId('topbar')]) {
            const box = await frame.boundingBox();
            expect(box).not.toBeNull();
            expect(box!.y).toBeGreaterThanOrEqual(0);
            expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
          }
          expect(await page.getByTestId('theme-toggle').isVisible()).toBe(true);
          await session.screenshot(theme === 'dark' ? id : `${id}-light`);
        }
      }
      expect(session.errors).toEqual([]);
    }, 180_000);

    it('switches the theme with the toggle and remembers it across a reload', async () => {
      const { page } = session;
      const before = await page.evaluate(() => document.documentElement.dataset.theme);
      await page.getByTestId('theme-toggle').click();
      const after = await page.evaluate(() => document.documentElement.dataset.theme);
      expect(new Set([before, after])).toEqual(new Set(['dark', 'light']));
      const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const colour = await background();
      await page.getByTestId('theme-toggle').click();
      expect(await background()).not.toBe(colour);
      await page.reload();
      await page.getByTestId('topbar').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(before);
      expect(session.errors).toEqual([]);
    });

    it('switches screens with Ctrl+1…6', async () => {
      const { page } = session;
      for (const [i, id] of [...SCREENS.entries()].reverse()) {
        await page.getByTestId('topbar').click(); // out of any editor that could take the keys
        await page.keyboard.press(`Control+${i + 1}`);
        await page.getByTestId(`screen-${id}`).waitFor();
        expect(await page.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
      }
      expect(session.errors).toEqual([]);
    });

    it('shows the no-session page at / without the launch token', async () => {
      const context = await session.browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        for (const url of [`${session.serving.url}/`, `${session.serving.url}/?token=not-the-token`]) {
          const response = await page.goto(url);
          expect(response?.status()).toBe(401);
          expect(await page.getByTestId('no-session').textContent()).toContain('?token=');
        }
        expect(await page.getByTestId('topbar').count()).toBe(0);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
