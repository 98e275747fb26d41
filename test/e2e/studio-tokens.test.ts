/**
 * The Studio's tokens and logs screens in real Chromium against the real `serve` on the demo
 * database: a token created in the UI with read on invoices only works with the real `curl`
 * (200 on invoices, 403 on clients), its calls appear in the logs' live tail under its name, and
 * once revoked in the UI curl gets 401. The form's matrix, `*`, HMAC and refusals are checked
 * against the tokens stored.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

const run = promisify(execFile);

/** The real curl binary: `[status, body]`. */
async function curl(url: string, token: string, requestId?: string): Promise<[number, string]> {
  const args = ['-s', '-w', '\n%{http_code}', '-H', `Authorization: Bearer ${token}`];
  if (requestId !== undefined) args.push('-H', `X-Request-Id: ${requestId}`);
  const { stdout } = await run('curl', [...args, url]);
  const cut = stdout.lastIndexOf('\n');
  return [Number(stdout.slice(cut + 1)), stdout.slice(0, cut)];
}

describe.skipIf(!hasChromium)('Studio: tokens and logs', () => {
  let session: StudioSession;
  beforeAll(async () => {
    session = await startStudio();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a token with read on invoices only, curl gets 200 / 403, the live tail names it, revoked → 401', async () => {
    const { page, serving } = session;
    await session.open('tokens');
    await page.getByTestId('token-row-demo (this launch)').waitFor();
    await session.screenshot('tokens-list');

    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('curl e2e');
    await page.getByTestId('grant-invoices-read').check();
    await page.getByTestId('token-create-submit').click();
    const dialog = page.getByTestId('token-created');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('you will not see it again');
    const secret = (await page.getByTestId('token-secret').textContent())!.trim();
    expect(secret).toMatch(/^pas_[0-9A-Za-z]{43}$/);
    await page.getByTestId('token-secret-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await session.screenshot('tokens-created');
    // "Test this token": /api/v1/auth/test through the explorer's channel, as this token.
    await dialog.getByTestId('token-test-open').click();
    await dialog.getByTestId('token-test-run').click();
    await dialog.getByTestId('token-test-result').waitFor();
    expect(await dialog.getByTestId('token-test-name').textContent()).toBe('curl e2e');
    expect(await dialog.getByTestId('token-test-reach').textContent()).toMatch(/reads 1 \/ writes 0 of \d+ resources/);
    await page.getByTestId('token-created-done').click();
    await dialog.waitFor({ state: 'detached' });

    const stored = serving.store.tokens.list().find((t) => t.name === 'curl e2e')!;
    expect(stored.grants).toEqual({ scopes: ['rest', 'graphql', 'views'], read: ['invoices'], create: [], update: [], delete: [] });
    await expect.poll(() => page.getByTestId('token-row-curl e2e').textContent()).toContain('read: invoices');

    const [okStatus, okBody] = await curl(`${serving.url}/api/v1/invoices?per_page=2`, secret);
    expect(okStatus).toBe(200);
    expect((JSON.parse(okBody) as { data: unknown[] }).data).toHaveLength(2);
    expect((await curl(`${serving.url}/api/v1/clients`, secret))[0]).toBe(403);

    // Live tail: new calls appear without reloading, under the token's name.
    await page.getByTestId('nav-logs').click();
    // The audit log is written in batches off the request path: the curl calls above may not be in it
    // yet when the screen opens, so the tail (not the first load) is what must bring them.
    await page.getByTestId('log-tail').check();
    await curl(`${serving.url}/api/v1/invoices?per_page=1`, secret, 'tail-e2e-1');
    await curl(`${serving.url}/api/v1/clients`, secret, 'tail-e2e-2');
    const tailed = page.locator('[data-testid="log-row"]', { hasText: 'tail-e2e-2' });
    await tailed.waitFor({ timeout: 10_000 });
    expect(await tailed.getByTestId('log-token').textContent()).toBe('curl e2e');
    expect(await tailed.getAttribute('data-status')).toBe('403');
    const first = page.locator('[data-testid="log-row"]', { hasText: 'tail-e2e-1' });
    expect(await first.getAttribute('data-status')).toBe('200');
    // Newest first: the later call is above the earlier one.
    const order = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    expect(order.findIndex((t) => t.includes('tail-e2e-2'))).toBeLessThan(order.findIndex((t) => t.includes('tail-e2e-1')));
    await session.screenshot('logs-tail');

    // Filters: the token select narrows the table to this token's calls.
    await page.getByTestId('log-tail').uncheck();
    await page.getByTestId('log-filter-token').selectOption(stored.id);
    await expect.poll(async () => new Set(await page.getByTestId('log-token').allTextContents())).toEqual(new Set(['curl e2e']));
    await page.getByTestId('log-filter-class').selectOption('4xx');
    await expect.poll(async () => new Set(await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))))).toEqual(new Set(['403']));

    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('token-revoke-curl e2e').click();
    await page.getByTestId('revoke-confirm').click();
    await expect.poll(() => page.getByTestId('token-row-curl e2e').getByTestId('token-state').textContent()).toBe('revoked');
    expect(serving.store.tokens.get(stored.id)?.revokedAt).not.toBeNull();
    expect((await curl(`${serving.url}/api/v1/invoices`, secret))[0]).toBe(401);
    expect(session.errors).toEqual([]);
  }, 90_000);

  it('grants with *, whole columns and rows, IP allow-list, expiry, HMAC and sandbox; shows both secrets once', async () => {
    const { page, serving } = session;
    await session.open('tokens');
    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('matrix e2e');
    // The demo whitelist is read-only: write cells are shown as not allowed, `*` still grants future ones.
    expect(await page.getByTestId('grant-invoices-create').count()).toBe(0);
    await page.getByTestId('grant-all-read').check();
    await page.getByTestId('grant-row-invoices').uncheck();
    await page.getByTestId('grant-star-create').check();
    expect(await page.getByTestId('grant-all-create').isDisabled()).toBe(true);
    await page.getByTestId('token-ips').fill('10.0.0.0/8\n127.0.0.1');
    await page.getByTestId('token-expires').fill('2099-12-31');
    await page.getByTestId('token-rate').fill('120');
    await page.getByTestId('token-hmac').check();
    await page.getByTestId('token-sandbox').check();
    expect(await page.getByTestId('scope-write').isChecked()).toBe(true); // granting a write adds the scope
    await page.getByTestId('token-create-submit').click();
    await page.getByTestId('token-created').waitFor();
    expect(await page.getByTestId('token-hmac-secret').textContent()).toMatch(/\S{32,}/);
    await page.getByTestId('token-created-done').click();

    const stored = serving.store.tokens.list().find((t) => t.name === 'matrix e2e')!;
    const readable = serving.engine.catalog.resources.map((r) => r.name).filter((name) => name !== 'invoices');
    expect([...(stored.grants.read as string[])].sort()).toEqual([...readable].sort());
    expect(stored.grants.create).toBe('*');
    expect([stored.grants.update, stored.grants.delete]).toEqual([[], []]);
    expect(stored.grants.scopes).toEqual(['rest', 'graphql', 'views', 'write']);
    expect(stored).toMatchObject({ ipAllow: ['10.0.0.0/8', '127.0.0.1/32'], rateLimit: 120, hmac: true, sandbox: true });
    expect(stored.expiresAt?.startsWith('2099-12-31') || stored.expiresAt?.startsWith('2100-01-01')).toBe(true);
    await expect.poll(() => page.getByTestId('token-row-matrix e2e').textContent()).toContain('HMAC');
    expect(await page.getByTestId('token-row-matrix e2e').textContent()).toContain('sandbox');

    // A refusal from the server is shown as a problem naming the field, and nothing is stored.
    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('bad ip e2e');
    await page.getByTestId('token-ips').fill('10.0.0.300/8');
    await page.getByTestId('token-create-submit').click();
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').textContent()).toContain('ipAllow');
    expect(serving.store.tokens.list().some((t) => t.name === 'bad ip e2e')).toBe(false);
    // Chromium logs every refused fetch to the console; the 422 is the refusal this test asked for.
    expect(session.errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    session.errors.splice(0); // the expected refusal is accounted for; later tests start clean
  });

  it('pages the log back with "load older" and filters it by resource', async () => {
    const { page, serving } = session;
    const demo = serving.demoToken!;
    for (let i = 0; i < 60; i++) {
      await Promise.all([
        fetch(`${serving.url}/api/v1/clients?per_page=1`, { headers: { authorization: `Bearer ${demo}` } }),
        fetch(`${serving.url}/api/v1/invoices?per_page=1`, { headers: { authorization: `Bearer ${demo}` } }),
      ]);
    }
    serving.flushAudit();
    const total = serving.store.audit.query({ limit: 1000 }).entries.length;
    expect(total).toBeGreaterThanOrEqual(120);
    await session.open('logs');
    await page.getByTestId('log-refresh').click();
    await expect.poll(() => page.getByTestId('log-row').count()).toBe(100);
    await page.getByTestId('log-older').click();
    await expect.poll(() => page.getByTestId('log-row').count()).toBe(Math.min(total, 200));
    const ids = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    expect(new Set(ids).size).toBe(ids.length);

    await page.getByTestId('log-filter-resource').selectOption('clients');
    await expect.poll(async () => new Set((await page.getByTestId('log-path').allTextContents()).map((p) => p.split('?')[0]))).toEqual(new Set(['/api/v1/clients']));
    expect(await page.getByTestId('log-token').first().textContent()).toBe('demo (this launch)');
    expect(session.errors).toEqual([]);
  });
});
