/**
 * Postman export against the real server on the demo database: the collection validates against
 * Postman's v2.1.0 JSON Schema (resources/postman), and newman runs every request of it against the
 * live server with every test passing (CRUD, the include= and aggregate= examples of every list, the
 * saved views), with a plain token and with an HMAC-signing token.
 */
import fs from 'node:fs';
import { Ajv } from 'ajv';
import newman, { type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/secure-server.ts';
import { startDocsServer, type DocsServer } from '../support/docs-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- collections are walked as plain JSON
type Json = any;

const WRITES = ['invoices', 'leads', 'pas_tags'];

let db: DemoDatabase;
let api: DocsServer;

beforeAll(async () => {
  db = await createSqliteDemo();
  api = await startDocsServer(db.url);
  api.serving.store.views.put({
    name: 'overdue_by_agent',
    resource: 'invoices',
    query: { 'filter[status]': '4', 'filter[duedate.lt]': ':before', group_by: 'sale_agent', include: 'sale_agent' },
    params: { before: { type: 'date', default: '2026-06-30' } },
  });
  api.serving.store.views.put({
    name: 'payments_from',
    resource: 'invoicepaymentrecords',
    query: { 'filter[date.gte]': ':from', sort: '-amount' },
    params: { from: { type: 'date' } },
  });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

function runNewman(collection: Json, variables: Record<string, string>): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection,
        envVar: Object.entries(variables).map(([key, value]) => ({ key, value })),
        reporters: [],
        timeoutRequest: 10_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

function failures(summary: NewmanRunSummary): string {
  return summary.run.failures.map((f) => `${f.source?.name ?? '?'}: ${f.error.message}`).join('\n');
}

describe('the Postman collection', () => {
  it('validates against the Postman Collection v2.1.0 JSON Schema', async () => {
    const { token } = api.token({
      read: '*',
      create: WRITES,
      update: WRITES,
      delete: WRITES,
      scopes: ['rest', 'graphql', 'views', 'write'],
    });
    const reply = await api.request('GET', '/api/v1/postman.json', undefined, bearer(token));
    expect(reply.status).toBe(200);
    const schema = JSON.parse(fs.readFileSync('resources/postman/collection-v2.1.0.json', 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(reply.body), ajv.errorsText(validate.errors)).toBe(true);
    // One folder per resource plus `api`; collection-level bearer auth; baseUrl and token variables.
    const catalog = api.serving.engine.catalog;
    expect(reply.body.item.map((f: Json) => f.name)).toEqual(['api', ...catalog.resources.map((r) => r.name), 'views']);
    expect(reply.body.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] });
    expect(reply.body.variable.map((v: Json) => v.key)).toEqual(['baseUrl', 'token', 'hmacSecret']);
    expect(reply.body.variable[0].value).toBe(`${api.url}/api/v1`);
    const invoices = reply.body.item.find((f: Json) => f.name === 'invoices');
    expect(invoices.item.map((i: Json) => i.request.method)).toEqual([
      'GET',
      'GET',
      'GET',
      'GET',
      'GET',
      'POST',
      'PATCH',
      'PUT',
      'DELETE',
    ]);
    // The list is followed by its include= and aggregate= examples.
    const query = (i: number): Record<string, string> =>
      Object.fromEntries(invoices.item[i].request.url.query.map((q: Json) => [q.key, q.value]));
    expect(query(1).include).toBe('addedfrom,custom_field_values');
    expect(query(2)).toMatchObject({ aggregate: 'count,sum:subtotal', group_by: 'status' });
    const views = reply.body.item.at(-1);
    expect(views.item.map((i: Json) => i.request.url.raw)).toEqual([
      '{{baseUrl}}/views',
      '{{baseUrl}}/views/overdue_by_agent?before=2026-06-30',
      '{{baseUrl}}/views/payments_from?from=2026-01-31',
    ]);
    const create = JSON.parse(invoices.item[5].request.body.raw);
    const first = (await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(token))).body.data[0];
    expect(create.clientid).toBe(first.clientid); // the body is a real demo row
    expect(create).not.toHaveProperty('adminnote'); // hidden by the whitelist
    expect(JSON.stringify(reply.body)).not.toContain('"password"');
  });

  it('runs with newman against the live server: every request passes its tests', async () => {
    const { token } = api.token({
      read: '*',
      create: WRITES,
      update: WRITES,
      delete: WRITES,
      scopes: ['rest', 'graphql', 'views', 'write'],
    });
    const collection = (await api.request('GET', '/api/v1/postman.json', undefined, bearer(token))).body;
    const before = (await api.request('GET', '/api/v1/leads?per_page=1', undefined, bearer(token))).body.meta.total;
    const summary = await runNewman(collection, { token });
    const requests = collection.item.reduce((n: number, f: Json) => n + f.item.length, 0);
    const names = collection.item.flatMap((f: Json) => f.item.map((i: Json) => i.name));
    expect(names.filter((n: string) => n.endsWith('(include)')).length).toBeGreaterThan(30);
    expect(names.filter((n: string) => n.endsWith('(aggregate)'))).toHaveLength(
      api.serving.engine.catalog.resources.length,
    );
    expect(names).toEqual(expect.arrayContaining(['View overdue_by_agent', 'View payments_from']));
    expect(summary.run.stats.requests.total).toBe(requests);
    expect(summary.run.stats.requests.failed).toBe(0);
    expect(summary.run.stats.assertions.failed, failures(summary)).toBe(0);
    expect(summary.run.stats.assertions.total).toBeGreaterThan(requests * 2);
    // Writes ran on the rows the collection created, and its deletes removed them again.
    expect((await api.request('GET', '/api/v1/leads?per_page=1', undefined, bearer(token))).body.meta.total).toBe(
      before,
    );
  }, 120_000);

  it('signs every request when hmacSecret is set (a token that requires HMAC)', async () => {
    const { token, hmacSecret } = api.token({ read: '*' }, { hmac: true });
    expect(hmacSecret).not.toBeNull();
    const signed = await api.request('GET', '/api/v1/postman.json', undefined, bearer(token));
    expect(signed.status).toBe(401); // unsigned: refused
    const plain = api.token({ read: '*' }).token;
    const collection = (await api.request('GET', '/api/v1/postman.json', undefined, bearer(plain))).body;
    const summary = await runNewman(collection, { token, hmacSecret: hmacSecret ?? '' });
    expect(summary.run.stats.assertions.failed, failures(summary)).toBe(0);
    expect(summary.run.stats.requests.total).toBeGreaterThan(100);
    const unsigned = await runNewman(collection, { token });
    expect(unsigned.run.stats.assertions.failed).toBeGreaterThan(0);
  }, 120_000);

  it('holds only the requests the token may make', async () => {
    const { token } = api.token({ read: ['invoices'], scopes: ['rest'] });
    const reply = await api.request('GET', '/api/v1/postman.json', undefined, bearer(token));
    expect(reply.body.item.map((f: Json) => f.name)).toEqual(['api', 'invoices']);
    // list, its include (invoices' own recurring relations) and aggregate examples, one row, the schema.
    expect(reply.body.item[1].item.map((i: Json) => i.request.method)).toEqual(['GET', 'GET', 'GET', 'GET', 'GET']);
  });
});
