/**
 * The Studio's Share & export screen in real Chromium against the real `serve` on the demo
 * database: the Postman and OpenAPI downloads are caught, parsed and validated (Postman's v2.1.0
 * JSON Schema, @apidevtools/swagger-parser), /api_docs opens in a new tab, and the LAN switch opens
 * the data API on this machine's network address (with a QR code) and closes it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { hasChromium, startStudio, type StudioSession } from '../support/studio.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- exported documents are walked as plain JSON
type Json = any;

/** An IPv4 address other machines could reach this one on (what LAN sharing listens on). */
function lanIpv4(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && !a.internal && a.family === 'IPv4')?.address;
}

describe.skipIf(!hasChromium)('Studio: share & export', () => {
  let session: StudioSession;
  beforeAll(async () => {
    session = await startStudio();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function download(testId: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([session.page.waitForEvent('download') as Promise<Download>, session.page.getByTestId(testId).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
  }

  it('downloads Postman v2.1 and OpenAPI 3.1 JSON / 3.0 YAML files that parse and validate', async () => {
    const { page, serving } = session;
    await session.open('export');
    await page.getByTestId('server-panel').waitFor();
    await session.screenshot('export-panel');
    const resources = serving.engine.catalog.resources.map((r) => r.name);

    const postman = await download('export-postman');
    expect(postman.name).toBe('perfex-api.postman_collection.json');
    const collection: Json = JSON.parse(postman.text);
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync('resources/postman/collection-v2.1.0.json', 'utf8')));
    expect(validate(collection), ajv.errorsText(validate.errors)).toBe(true);
    const folders = collection.item.map((f: Json) => f.name);
    for (const name of resources) expect(folders).toContain(name);
    const invoices = collection.item.find((f: Json) => f.name === 'invoices');
    expect(invoices.item.length).toBeGreaterThan(0);
    expect(collection.variable.find((v: Json) => v.key === 'baseUrl').value).toBe(`${serving.url}/api/v1`);
    await expect.poll(() => page.getByTestId('export-downloads').textContent()).toContain('perfex-api.postman_collection.json ·');

    const json31 = await download('export-openapi-3.1-json');
    expect(json31.name).toBe('perfex-api.openapi-3.1.json');
    const doc31: Json = JSON.parse(json31.text);
    expect(doc31.openapi).toMatch(/^3\.1\./);
    await SwaggerParser.validate(structuredClone(doc31));
    expect(Object.keys(doc31.paths)).toContain('/invoices');
    expect(doc31.servers[0].url).toBe(`${serving.url}/api/v1`);

    const yaml30 = await download('export-openapi-3.0-yaml');
    expect(yaml30.name).toBe('perfex-api.openapi-3.0.yaml');
    const doc30: Json = parseYaml(yaml30.text);
    expect(doc30.openapi).toMatch(/^3\.0\./);
    await SwaggerParser.validate(structuredClone(doc30));
    expect(Object.keys(doc30.paths).sort()).toEqual(Object.keys(doc31.paths).sort());
    expect(session.errors).toEqual([]);
  }, 90_000);

  it('opens /api_docs in a new tab and shows the URLs and the demo token of this launch', async () => {
    const { page, serving, context } = session;
    await session.open('export');
    expect(await page.getByTestId('server-api-url').textContent()).toBe(`${serving.url}/api/v1`);
    expect(await page.getByTestId('server-base-url').textContent()).toBe(serving.url);
    expect(serving.demoToken).not.toBeNull();
    expect(await page.getByTestId('server-demo-token').textContent()).toBe(serving.demoToken);
    await page.getByTestId('server-demo-token-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(serving.demoToken);

    const link = page.getByTestId('export-docs-link');
    expect(await link.getAttribute('target')).toBe('_blank');
    const [docs] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await docs.waitForLoadState();
    expect(docs.url()).toBe(`${serving.url}/api_docs`);
    expect(await docs.textContent('body')).toContain('invoices');
    await docs.close();
    expect(session.errors).toEqual([]);
  });

  it('shares the data API on the LAN with a URL and QR code per address, and stops answering when switched off', async (ctx) => {
    const { page, serving } = session;
    const address = lanIpv4();
    if (address === undefined) {
      console.warn('skipped: this machine has no non-loopback IPv4 address, so LAN sharing has nothing to listen on');
      ctx.skip();
      return;
    }
    await session.open('export');
    // A click, not check(): the switch follows the server's answer, which comes a moment later.
    await page.getByTestId('lan-switch').click();
    const lanUrl = `http://${address}:${serving.port}`;
    await page.locator('[data-testid="lan-url"]', { hasText: lanUrl }).waitFor();
    expect(await page.getByTestId('lan-state').textContent()).toBe('Shared on LAN');
    const qr = page.getByTestId('lan-qr').first();
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    const health = await fetch(`${lanUrl}/api/v1/health`);
    expect(health.status).toBe(200);
    // Tokens are still required there; the admin API is not reachable from the LAN at all.
    expect((await fetch(`${lanUrl}/api/v1/invoices`)).status).toBe(401);
    expect((await fetch(`${lanUrl}/admin/api/server`, { headers: { 'x-pas-admin-token': serving.adminToken } })).status).toBe(404);
    await session.screenshot('export-lan');

    await page.getByTestId('lan-switch').click();
    await page.getByTestId('lan-urls').waitFor({ state: 'detached' });
    expect(await page.getByTestId('lan-state').textContent()).toBe('This machine only');
    await expect(fetch(`${lanUrl}/api/v1/health`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    expect(session.errors).toEqual([]);
  });
});
