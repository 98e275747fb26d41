/**
 * The API explorer in a real Chromium against the real headless server on the demo database
 * (test/support/studio.ts): a filtered REST request built through the parameter completion, with its
 * SQL; the PII switch giving stable fake names (checked against the demo file read directly), ids and
 * numbers untouched, related rows consistent; a GraphQL query written with a completion accepted from
 * Monaco's suggestion list; the cURL sample of the request. Screenshots: explorer-rest, explorer-sql,
 * explorer-graphql (test/e2e/screenshots, not committed).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

interface Row {
  readonly [column: string]: unknown;
}

async function responseJson(page: Page): Promise<{ data: Row | Row[] }> {
  const text = await page.getByTestId('response-body-text').textContent();
  return JSON.parse(text ?? '') as { data: Row | Row[] };
}

/** The request id of the answer on screen (each send has its own), or null before the first. */
async function answerId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-testid="response-status"]')?.getAttribute('data-request-id') ?? null);
}

/** Waits for an answer newer than `previous`; its status and parsed body. */
async function nextAnswer(page: Page, previous: string | null): Promise<{ status: string; body: { data: Row | Row[] } }> {
  await page.waitForFunction(
    (before) => {
      const current = document.querySelector('[data-testid="response-status"]')?.getAttribute('data-request-id') ?? null;
      return document.querySelector('[data-testid="explorer-send"]') !== null && current !== null && current !== before;
    },
    previous,
    { timeout: 15_000 },
  );
  return { status: (await page.getByTestId('response-status').textContent()) ?? '', body: await responseJson(page) };
}

/** Sends what the builder holds with the Send button and waits for this send's answer. */
async function send(page: Page): Promise<{ status: string; body: { data: Row | Row[] } }> {
  const before = await answerId(page);
  await page.getByTestId('explorer-send').click();
  return nextAnswer(page, before);
}

/** Moves through the open suggestion list to `value` with ↓ and accepts it with Enter. */
async function acceptSuggestion(page: Page, value: string): Promise<void> {
  const list = page.getByTestId('suggestions');
  await list.locator(`[data-value="${value}"]`).waitFor();
  const values = await list.getByTestId('suggestion').evaluateAll((items) => items.map((i) => i.getAttribute('data-value')));
  const index = values.indexOf(value);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  expect(await list.locator('[aria-selected="true"]').getAttribute('data-value')).toBe(value);
  await page.keyboard.press('Enter');
}

describe.skipIf(!hasChromium)('Studio: API explorer', () => {
  let session: StudioSession;
  let page: Page;

  beforeAll(async () => {
    session = await startStudio();
    page = session.page;
    await session.open('explorer');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sends a filtered request built through the parameter completion, and shows its SQL', async () => {
    const group = page.getByTestId('endpoint-group-invoices');
    await group.getByRole('button', { name: /invoices/ }).first().click();
    expect(await page.getByTestId('explorer-path').inputValue()).toBe('/api/v1/invoices');

    await page.getByTestId('request-tab-params').click();
    await page.getByTestId('param-key-0').click();
    await page.keyboard.type('filter[sta');
    await acceptSuggestion(page, 'filter[status]');
    // Accepting a whole key moves to its value.
    await page.keyboard.type('2');
    expect(await page.getByTestId('param-key-0').inputValue()).toBe('filter[status]');
    expect(await page.getByTestId('explorer-path').inputValue()).toBe('/api/v1/invoices?filter[status]=2');

    const { status, body } = await send(page);
    expect(status).toBe('200');
    const rows = body.data as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === 2)).toBe(true);
    await page.getByTestId('response-body').locator('.monaco-editor').waitFor();
    await session.screenshot('explorer-rest');

    await page.getByTestId('response-tab-sql').click();
    const sql = (await page.getByTestId('response-sql').textContent()) ?? '';
    expect(sql).toMatch(/SELECT/i);
    expect(sql).toContain('?');
    expect(await page.getByTestId('sql-statement').count()).toBeGreaterThan(0);
    await session.screenshot('explorer-sql');

    // The send is in the history, and a click there loads it back.
    await page.getByTestId('sidebar-tab-history').click();
    const item = page.getByTestId('history-item').first();
    expect(await item.textContent()).toContain('/invoices?filter[status]=2');
    expect(session.errors).toEqual([]);
  });

  it('shows the cURL sample of the request, copied with its button', async () => {
    await page.getByTestId('explorer-path').fill('/api/v1/invoices?filter[status]=2&per_page=5');
    await page.getByTestId('response-tab-code').click();
    const sample = page.getByTestId('code-sample-curl');
    await page.waitForFunction(() => document.querySelector('[data-testid="code-sample-curl"]')?.textContent?.includes('per_page=5') === true);
    const curl = (await sample.textContent()) ?? '';
    expect(curl).toMatch(/^curl/);
    expect(curl).toContain('/api/v1/invoices');
    await page.getByTestId('copy-curl').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(curl);
    await page.getByTestId('response-tab-body').click();
    expect(session.errors).toEqual([]);
  });

  it('saves the request under a name (Ctrl+S), loads it back from the Saved tab and deletes it', async () => {
    const saved = (): Promise<{ name: string | null; request: { path: string } }[]> =>
      page.evaluate(() => fetch('/admin/api/explorer/saved', { credentials: 'same-origin' }).then(async (r) => ((await r.json()) as { data: { name: string | null; request: { path: string } }[] }).data));
    await page.getByTestId('explorer-path').fill('/api/v1/invoices?sort=-total&per_page=3');
    await page.getByTestId('explorer-path').press('ControlOrMeta+s');
    await page.getByTestId('save-name').fill('Top invoices');
    await page.getByTestId('save-name').press('Enter');
    await expect.poll(saved).toEqual([expect.objectContaining({ name: 'Top invoices', request: expect.objectContaining({ path: '/api/v1/invoices?sort=-total&per_page=3' }) })]);

    await page.getByTestId('explorer-path').fill('/api/v1/clients');
    await page.getByTestId('sidebar-tab-saved').click();
    const item = page.getByTestId('saved-item');
    expect(await item.textContent()).toContain('Top invoices');
    await item.getByTestId('saved-load').click();
    expect(await page.getByTestId('explorer-path').inputValue()).toBe('/api/v1/invoices?sort=-total&per_page=3');
    const { status, body } = await send(page);
    expect(status).toBe('200');
    const totals = (body.data as Row[]).map((row) => row.total as number);
    expect(totals).toHaveLength(3);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));

    await page.getByTestId('saved-delete').click();
    await expect.poll(saved).toEqual([]);
    await page.getByText('Nothing saved yet').waitFor();
    await page.getByTestId('sidebar-tab-endpoints').click();
    expect(session.errors).toEqual([]);
  });

  it('randomises PII with stable fakes: same client twice, related contacts alike, ids and numbers unchanged', async () => {
    const db = new Database(path.join(session.dataDir, 'perfex-demo.db'), { readonly: true, fileMustExist: true });
    const client = db
      .prepare('SELECT userid, company, phonenumber FROM tblclients c WHERE EXISTS (SELECT 1 FROM tblcontacts t WHERE t.userid = c.userid) ORDER BY userid LIMIT 1')
      .get() as { userid: number; company: string; phonenumber: string };
    const contacts = db.prepare('SELECT id, firstname, lastname, email FROM tblcontacts WHERE userid = ? ORDER BY id').all(client.userid) as { id: number; firstname: string; lastname: string; email: string }[];
    db.close();

    const toggle = page.getByTestId('pii-toggle');
    expect(await toggle.isChecked()).toBe(true); // on by default
    await page.getByTestId('explorer-path').fill(`/api/v1/clients/${client.userid}?include=contacts`);
    const first = await send(page);
    expect(first.status).toBe('200');
    await page.getByTestId('pii-mark').waitFor();
    const second = await send(page);
    const a = first.body.data as Row & { contacts: Row[] };
    const b = second.body.data as Row & { contacts: Row[] };

    expect(a.userid).toBe(client.userid);
    expect(typeof a.company).toBe('string');
    expect(a.company).not.toBe(client.company);
    expect(b.company).toBe(a.company);
    expect(b.phonenumber).toBe(a.phonenumber);
    expect(a.contacts.map((c) => c.id)).toEqual(contacts.map((c) => c.id));
    for (const [i, real] of contacts.entries()) {
      const fake = a.contacts[i]!;
      expect(fake.userid).toBe(client.userid);
      expect([fake.firstname, fake.lastname, fake.email]).not.toEqual([real.firstname, real.lastname, real.email]);
      expect(fake.email).not.toBe(real.email);
      expect(b.contacts[i]!.firstname).toBe(fake.firstname);
      expect(b.contacts[i]!.email).toBe(fake.email);
    }

    // The same contact read on its own keeps the fake name it had as a related row.
    const contact = a.contacts[0]!;
    await page.getByTestId('explorer-path').fill(`/api/v1/contacts/${String(contact.id)}`);
    const alone = (await send(page)).body.data as Row;
    expect(alone.id).toBe(contact.id);
    expect([alone.firstname, alone.lastname, alone.email]).toEqual([contact.firstname, contact.lastname, contact.email]);

    // Off: the real values, no mark; the choice is remembered by the server.
    await page.locator('.pii-toggle label').click();
    expect(await toggle.isChecked()).toBe(false);
    await page.getByTestId('explorer-path').fill(`/api/v1/clients/${client.userid}`);
    const real = (await send(page)).body.data as Row;
    expect(real.company).toBe(client.company);
    expect(await page.getByTestId('pii-mark').count()).toBe(0);
    await page.waitForFunction(async () => {
      const answer = await fetch('/admin/api/explorer/pii', { credentials: 'same-origin' }).then((r) => r.json() as Promise<{ data: { enabled: boolean } }>);
      return !answer.data.enabled;
    });
    await page.reload();
    await page.getByTestId('pii-toggle').waitFor({ state: 'attached' });
    await page.waitForFunction(() => !(document.querySelector('[data-testid="pii-toggle"]') as HTMLInputElement).disabled);
    expect(await page.getByTestId('pii-toggle').isChecked()).toBe(false);
    await page.locator('.pii-toggle label').click();
    expect(await page.getByTestId('pii-toggle').isChecked()).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('writes a GraphQL query with a completion accepted from the suggestion list', async () => {
    await page.getByTestId('sidebar-tab-endpoints').click();
    await page.getByTestId('endpoint-graphql').click();
    await page.getByTestId('graphql-schema-ready').waitFor();
    const editor = page.getByTestId('graphql-query').locator('.monaco-editor');
    await editor.waitFor();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ invoic');
    await page.locator('.suggest-widget.visible').waitFor();
    const labels = await page.locator('.suggest-widget .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    expect(labels.some((l) => l.startsWith('invoicesAggregate'))).toBe(true);
    await session.screenshot('explorer-graphql-suggest');
    const index = labels.findIndex((l) => /^invoices\b(?!Aggregate)/.test(l));
    expect(index).toBeGreaterThanOrEqual(0);
    await page.locator('.suggest-widget .monaco-list-row').nth(index).click();
    await page.keyboard.type('(limit: 2) { id total status');
    await page.keyboard.press('Escape'); // close the field suggestions Monaco opened while typing
    const query = (): Promise<string> => page.evaluate(() => (document.querySelector('[data-testid="graphql-query"] .view-lines')?.textContent ?? '').replace(/\s+/g, ' '));
    await expect.poll(query).toContain('{ invoices(limit: 2) { id total status');

    const before = await answerId(page);
    await page.keyboard.press('ControlOrMeta+Enter'); // sent from inside the editor
    const answer = await nextAnswer(page, before);
    expect(answer.status, JSON.stringify(answer.body)).toBe('200');
    const body = answer.body as unknown as { data: { invoices: Row[] } };
    expect(body.data?.invoices, JSON.stringify(body)).toHaveLength(2);
    expect(Object.keys(body.data.invoices[0]!).sort()).toEqual(['id', 'status', 'total']);
    await session.screenshot('explorer-graphql');
    expect(session.errors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('Studio: API explorer at 1920×1080, dark, from a deep link', () => {
  let session: StudioSession;

  beforeAll(async () => {
    session = await startStudio({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens the request the URL hash names and sends it', async () => {
    const page = session.page;
    await page.goto(`${session.serving.studioUrl}#/explorer/GET/api/v1/clients?fields=userid,company&per_page=2`);
    await page.getByTestId('topbar').waitFor();
    expect(await page.getByTestId('explorer-path').inputValue()).toBe('/api/v1/clients?fields=userid,company&per_page=2');
    if ((await page.locator('html').getAttribute('data-theme')) !== 'dark') await page.getByTestId('theme-toggle').click();
    const { status, body } = await send(page);
    expect(status).toBe('200');
    const rows = body.data as Row[];
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => Object.keys(row).sort().join() === 'company,userid')).toBe(true);
    await page.getByTestId('response-tab-timings').click();
    expect(await page.getByTestId('response-timings').locator('.timing-row').count()).toBeGreaterThan(0);
    await page.getByTestId('response-tab-body').click();
    await page.getByTestId('response-body').locator('.monaco-editor').waitFor();
    await session.screenshot('explorer-dark');
    expect(session.errors).toEqual([]);
  });

  it('runs as a pasted API token, and shows a refusal as its problem (title, detail, hint)', async () => {
    const page = session.page;
    await page.getByTestId('request-tab-auth').click();
    await page.getByTestId('explorer-auth').selectOption('token');
    await page.getByTestId('explorer-token').fill('pas_notAValidTokenAtAll0000000000000000000000000');
    const refused = await send(page);
    expect(refused.status).toBe('401');
    const problem = page.getByTestId('problem');
    const body = refused.body as unknown as { title: string; detail: string; hint: string };
    expect(await problem.locator('strong').textContent()).toBe(body.title);
    expect(await problem.getByTestId('problem-detail').textContent()).toBe(body.detail);
    expect(await problem.locator('.problem-hint').textContent()).toBe(body.hint);
    await session.screenshot('explorer-problem');

    await page.getByRole('button', { name: 'Use the demo token' }).click();
    expect(await page.getByTestId('explorer-token').inputValue()).toBe(session.serving.demoToken);
    const allowed = await send(page);
    expect(allowed.status).toBe('200');
    expect(await page.getByTestId('problem').count()).toBe(0);
    await page.getByTestId('explorer-auth').selectOption('studio');
    expect(session.errors).toEqual([]);
  });
});
