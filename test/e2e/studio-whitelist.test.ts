/**
 * The Studio's whitelist editor in real Chromium against the real `serve` on the demo database:
 * a table the user had switched off is exposed in the editor and appears in the explorer and at
 * /api/v1 at once; a hidden column vanishes from the API's answers; a removed relation is refused
 * in `include`; sensitive columns are shown locked with their reason; keyboard navigation works;
 * the layout holds at 1280×800 and 1920×1080.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

describe.skipIf(!hasChromium)('Studio: whitelist editor', () => {
  let session: StudioSession;
  let dataDir: string;
  const api = async (pathAndQuery: string): Promise<{ status: number; body: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
    const res = await fetch(`${session.serving.url}${pathAndQuery}`, { headers: { authorization: `Bearer ${session.serving.demoToken}` } });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    // A user who had switched `tblnotes` off earlier: the demo exposes every other core table.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-e2e-whitelist-'));
    const seed = openStore({ file: storeFile(dataDir), keyProvider: fileKeyProvider(dataDir) });
    seed.whitelist.set({ tables: { tblnotes: { expose: false } } });
    seed.close();
    session = await startStudio({ serve: { dataDir } });
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const status = () => session.page.getByTestId('wl-status');
  const saved = async (): Promise<void> => {
    await expect.poll(() => status().textContent()).toContain('Saved · applied to the API');
  };
  const pick = async (table: string): Promise<void> => {
    const { page } = session;
    await page.getByTestId('whitelist-search').fill(table);
    await page.getByTestId(`wl-table-${table}`).click();
    await expect.poll(() => page.getByTestId('wl-editor-title').textContent()).toContain(table);
  };

  it('exposes a table that was off: it answers at /api/v1 and appears in the explorer at once', async () => {
    const { page } = session;
    await session.open('whitelist');
    await page.getByTestId('wl-table-tblnotes').waitFor();
    expect(await page.getByTestId('wl-expose-tblnotes').isChecked()).toBe(false);
    expect(await page.getByTestId('whitelist-count').textContent()).toMatch(/^\d+ of \d+ exposed$/);
    expect((await api('/api/v1/notes')).body.code).toBe('PAS101');

    await pick('tblnotes');
    expect(await page.getByTestId('wl-reason').textContent()).toContain('disabled in the whitelist');
    await page.getByTestId('whitelist-search').fill('');
    await session.screenshot('whitelist-list');
    await page.getByTestId('wl-detail-expose').check();
    await saved();
    expect(await page.getByTestId('wl-expose-tblnotes').isChecked()).toBe(true);
    const notes = await api('/api/v1/notes?per_page=3');
    expect(notes.status).toBe(200);
    expect(notes.body.data.length).toBe(3);
    expect(Object.keys(notes.body.data[0])).toContain('description');

    await page.getByTestId('nav-explorer').click();
    await page.getByTestId('endpoint-group-notes').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('hides a column: it vanishes from the API answer', async () => {
    const { page } = session;
    await page.getByTestId('nav-whitelist').click();
    await pick('tblnotes');
    await page.getByTestId('wl-col-state-description').selectOption('hidden');
    await saved();
    const notes = await api('/api/v1/notes?per_page=1');
    expect(notes.status).toBe(200);
    expect(Object.keys(notes.body.data[0])).not.toContain('description');
    expect(Object.keys(notes.body.data[0])).toContain('rel_type');
    expect((await api('/api/v1/notes?filter[description.like]=a')).body.code).toBe('PAS102');
    // PII: ticked in the grid, seen by the catalog the randomiser reads.
    await page.getByTestId('wl-col-pii-rel_type').check();
    await saved();
    const pii = session.serving.engine.catalog.byName.get('notes')?.fields.find((f) => f.name === 'rel_type')?.pii;
    expect(pii).toBe(true);
    expect(session.serving.store.whitelist.getTable('tblnotes')).toEqual({
      expose: true,
      hiddenColumns: ['description'],
      piiColumns: ['rel_type'],
    });
    // A refused change is shown as the problem and rolled back on screen: hiding the key of a writable table.
    await page.getByTestId('wl-op-create').check();
    await saved();
    await page.getByTestId('wl-col-state-id').selectOption('hidden');
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').textContent()).toContain('PAS624');
    await expect.poll(() => page.getByTestId('wl-col-state-id').inputValue()).toBe('visible');
    expect(await status().textContent()).toContain('Not saved');
    expect(session.serving.store.whitelist.getTable('tblnotes')?.hiddenColumns).toEqual(['description']);
    expect((await api('/api/v1/notes/1')).body.data.id).toBe(1);
    // Chromium logs every refused fetch to the console; that one 422 is the refusal above, nothing else.
    expect(session.errors).toEqual([expect.stringMatching(/^console: Failed to load resource: .* 422 \(Unprocessable Entity\)$/)]);
    session.errors.length = 0;
  });

  it('removes a relation: include is refused at once', async () => {
    const { page } = session;
    await pick('tblinvoices');
    const row = page.getByTestId('wl-rel-client');
    await row.waitFor();
    expect(await row.textContent()).toContain('clientid');
    expect((await api('/api/v1/invoices?include=client&per_page=1')).status).toBe(200);
    await page.getByTestId('wl-rel-remove-client').click();
    await saved();
    await row.waitFor({ state: 'detached' });
    expect((await api('/api/v1/invoices?include=client&per_page=1')).status).toBe(400);
    // …and added back with the form (column → target table, its primary key by default).
    await page.getByTestId('wl-relation-column').selectOption('clientid');
    await page.getByTestId('wl-relation-target').selectOption('tblclients');
    await expect.poll(() => page.getByTestId('wl-relation-target-column').textContent()).toContain('userid (primary key)');
    await page.getByTestId('wl-relation-add').click();
    await saved();
    await page.getByTestId('wl-rel-client').waitFor();
    expect(await page.getByTestId('wl-rel-client').textContent()).toContain('config');
    expect((await api('/api/v1/invoices?include=client&per_page=1')).status).toBe(200);
  });

  it('shows sensitive columns locked with the reason; keyboard moves through the list', async () => {
    const { page } = session;
    await page.getByTestId('whitelist-search').fill('');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('whitelist-search');
    await page.keyboard.type('tblstaff');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('wl-editor-title').textContent()).toContain('tblstaff');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('wl-editor-title').textContent()).toContain('tblstaff_departments');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByTestId('wl-editor-title').textContent()).not.toContain('departments');
    const locked = page.getByTestId('wl-col-locked-password');
    await locked.waitFor();
    expect(await locked.textContent()).toContain('password hash');
    expect(await page.getByTestId('wl-col-state-password').count()).toBe(0);
    expect(await page.getByTestId('wl-col-pii-password').isDisabled()).toBe(true);
    // A name another resource uses is caught as you type, and nothing is sent.
    await page.getByTestId('wl-resource-name').fill('invoices');
    expect(await page.getByTestId('wl-name-problem').textContent()).toContain('tblinvoices');
    await page.getByTestId('wl-resource-name').press('Escape');
    await session.screenshot('whitelist-table');
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await session.screenshot('whitelist-table');
    }
    expect(session.errors).toEqual([]);
  });
});
