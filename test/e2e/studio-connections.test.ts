/**
 * The Studio's connections screen in real Chromium against the real `serve` (demo database) and a
 * real MariaDB database filled with the demo generator: "connect to MariaDB and introspect". A wrong
 * password shows the problem with its hint; the right one tests OK (version, tables, prefix `tbl`);
 * saved with Enter, used, the switch shows its steps, then the top bar shows the MariaDB connection
 * and its resources, and the real data API answers from MariaDB. Back to the demo, then delete with
 * confirmation; Esc cancels the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-shared/admin-api.ts';
import { createFilledDatabase, MYSQL_SERVER_URL, mysqlAvailable } from '../support/mysql.ts';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

const available = hasChromium && (await mysqlAvailable());
const server = new URL(MYSQL_SERVER_URL);
let DATABASE = '';

/** Chromium reports every non-2xx fetch as a console error; these are the refusals this test provokes on purpose. */
const EXPECTED_REFUSAL = /Failed to load resource: the server responded with a status of 422/;

describe.skipIf(!available)('Studio: connections', () => {
  let session: StudioSession;
  let mariaInvoices: number;

  let database: Awaited<ReturnType<typeof createFilledDatabase>>;

  beforeAll(async () => {
    database = await createFilledDatabase('e2e_conn_ui', { scale: 0.1, seed: 11 });
    DATABASE = database.name;
    mariaInvoices = database.invoices;
    session = await startStudio();
  });

  afterAll(async () => {
    await session?.close();
    await database?.drop();
  });

  it('connects to MariaDB and introspects: test, save, use with progress, the top bar follows', async () => {
    const { page, serving } = session;
    await session.open('connections');
    const demoRow = page.getByTestId('conn-row-demo');
    await demoRow.getByTestId('conn-active').waitFor();
    await page.getByTestId('conn-empty').waitFor();
    await session.screenshot('connections-list');

    // Esc cancels the form.
    await page.getByTestId('conn-add').click();
    await page.getByTestId('conn-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('conn-form').waitFor({ state: 'detached' });

    await page.getByTestId('conn-add').click();
    await page.getByTestId('conn-field-name').fill('MariaDB CRM');
    await page.getByTestId('conn-field-host').fill(server.hostname);
    await page.getByTestId('conn-field-port').fill(server.port || '3306');
    await page.getByTestId('conn-field-user').fill(decodeURIComponent(server.username));
    await page.getByTestId('conn-field-password').fill('definitely-wrong');
    await page.getByTestId('conn-field-database').fill(DATABASE);
    expect(await page.getByTestId('conn-field-prefix').getAttribute('placeholder')).toBe('auto-detect');

    // Wrong password: the problem with its hint, never the password.
    await page.getByTestId('conn-test').click();
    const problem = page.getByTestId('conn-form').getByTestId('problem');
    await problem.waitFor();
    const problemText = (await problem.textContent()) ?? '';
    expect(problemText).toContain('Access denied');
    expect(problemText).toContain('PAS615');
    expect(problemText).toMatch(/Check the user and password/);
    expect(problemText).not.toContain('definitely-wrong');

    await page.getByTestId('conn-field-password').fill(decodeURIComponent(server.password));
    await page.getByTestId('conn-test').click();
    const result = page.getByTestId('conn-test-result');
    await result.waitFor();
    expect(await page.getByTestId('conn-test-version').textContent()).toMatch(/^\d+\.\d+/);
    expect(Number(await page.getByTestId('conn-test-tables').textContent())).toBeGreaterThan(20);
    expect(await page.getByTestId('conn-test-prefix').textContent()).toBe('tbl');
    expect(await result.textContent()).toContain('Perfex CRM');
    await session.screenshot('connections-form');

    // Enter saves.
    await page.getByTestId('conn-field-database').press('Enter');
    await page.getByTestId('conn-saved').waitFor();
    const stored = serving.store.connections.list();
    expect(stored.map((c) => [c.name, c.database, c.hasPassword])).toEqual([['MariaDB CRM', DATABASE, true]]);
    const id = stored[0]!.id;
    await page.getByTestId(`conn-row-${id}`).waitFor();

    // Use it: the activation answers a running job, the screen shows its steps until done.
    const activation = page.waitForResponse((r) => r.url().endsWith(`/connections/${id}/activate`));
    await page.getByTestId('conn-saved-use').click();
    // Taken at once: against a local MariaDB the whole switch takes a few hundred milliseconds.
    await session.screenshot('connections-switching');
    const accepted = await activation;
    expect(accepted.status()).toBe(202);
    const started = ((await accepted.json()) as { data: Job }).data;
    expect(started).toMatchObject({ state: 'running', steps: [{ name: 'connect', state: 'running' }, { state: 'pending' }, { state: 'pending' }, { state: 'pending' }] });
    expect(started.progress).toBeLessThan(1);
    await page.getByTestId('switch-progress').waitFor();
    await page.getByTestId('switch-done').waitFor();
    for (const step of ['connect', 'introspect', 'build-catalog', 'ready']) {
      expect(await page.getByTestId(`switch-step-${step}`).getAttribute('data-state')).toBe('done');
    }
    expect(await page.getByTestId('switch-step-introspect').textContent()).toMatch(/\d+ tables/);
    expect(await page.getByTestId('switch-bar').getAttribute('aria-valuenow')).toBe('100');

    // The top bar (reloaded on catalogChanged) names the MariaDB connection and its resource count.
    const resources = serving.engine.catalog.resources.length;
    expect(serving.engine.catalog.dialect).toBe('mysql');
    await expect.poll(() => page.getByTestId('active-connection').textContent()).toContain('MariaDB CRM');
    expect(await page.getByTestId('active-connection').textContent()).toContain(`(mysql, ${resources} resources)`);
    await page.getByTestId(`conn-row-${id}`).getByTestId('conn-active').waitFor();
    await session.screenshot('connections-switched');

    // The real data API now reads MariaDB.
    const token = serving.store.tokens.create({ name: 'e2e reader', grants: { scopes: ['rest'], read: '*', create: [], update: [], delete: [] } }).token;
    const answer = await fetch(`${serving.url}/api/v1/invoices?per_page=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await answer.json()) as { meta: { total: number } }).meta.total).toBe(mariaInvoices);

    // The active connection cannot be deleted; back to the demo, then delete with confirmation.
    expect(await page.getByTestId(`conn-delete-${id}`).isDisabled()).toBe(true);
    await page.getByTestId('conn-use-demo').click();
    await page.getByTestId('switch-done').waitFor();
    await expect.poll(() => page.getByTestId('active-connection').textContent()).toContain('Demo database');
    // The layout at 1920×1080 too.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await session.screenshot('connections-list');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId(`conn-delete-${id}`).click();
    await page.getByTestId('conn-delete-dialog').waitFor();
    await page.getByTestId('conn-delete-confirm').click();
    await page.getByTestId(`conn-row-${id}`).waitFor({ state: 'detached' });
    expect(serving.store.connections.list()).toEqual([]);

    expect(session.errors.filter((e) => !EXPECTED_REFUSAL.test(e))).toEqual([]);
    // Exactly the one refusal provoked above (the wrong password's 422).
    expect(session.errors.filter((e) => EXPECTED_REFUSAL.test(e))).toHaveLength(1);
  });
});
