/**
 * Saved views as GraphQL fields through the real `serve`: `view_<name>` answers what
 * `GET /api/v1/views/{name}` answers for the same parameters, appears only with the `views` scope and
 * read on the view's resource, and follows views added, changed or deleted while the server runs —
 * through the admin API or another process's store connection (the CLI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';
import { PAYMENTS_BETWEEN } from '../support/view-fixtures.ts';

let db: DemoDatabase;
let api: SecureServer;
let token: string;

async function graphql(query: string, as = token) {
  return api.request('POST', '/api/v1/graphql', { query }, bearer(as, { accept: 'application/graphql-response+json' }));
}

beforeAll(async () => {
  db = await createSqliteDemo();
  api = await startSecureServer(db.url);
  token = api.token({ scopes: ['rest', 'graphql', 'views'], read: '*' }).token;
  expect((await api.admin('POST', '/admin/api/views', PAYMENTS_BETWEEN)).status).toBe(201);
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('saved views in GraphQL', () => {
  it('answers the same data and meta as the REST view, with typed parameters and defaults', async () => {
    const rest = await api.request(
      'GET',
      '/api/v1/views/payments_between?from=2026-01-01&to=2026-03-31&per_page=7&page=2',
      undefined,
      bearer(token),
    );
    expect(rest.status).toBe(200);
    const r = await graphql(
      '{ view_payments_between(from: "2026-01-01", to: "2026-03-31", perPage: 7, page: 2) { data meta } }',
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.view_payments_between.data).toEqual(rest.body.data);
    expect(r.body.data.view_payments_between.meta).toEqual(rest.body.meta);
    expect(r.body.data.view_payments_between.data.length).toBeGreaterThan(0);
  });

  it('types the parameters: a missing required one or a bad date is refused before anything runs', async () => {
    const missing = await graphql('{ view_payments_between(from: "2026-01-01") { meta } }');
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].message).toMatch(/"to"/);
    const badDate = await graphql('{ view_payments_between(from: "2026-01-01", to: "not a date") { meta } }');
    expect(badDate.body.errors[0].extensions.code).toBe('PAS131');
  });

  it('exists only for tokens with the views scope and read on the view resource', async () => {
    const noScope = api.token({ scopes: ['graphql'], read: '*' }).token;
    const r = await graphql('{ view_payments_between(from: "2026-01-01", to: "2026-03-31") { meta } }', noScope);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toMatch(/Cannot query field "view_payments_between"/);
    const otherResource = api.token({ scopes: ['graphql', 'views'], read: ['invoices'] }).token;
    const r2 = await graphql('{ view_payments_between(from: "2026-01-01", to: "2026-03-31") { meta } }', otherResource);
    expect(r2.body.errors[0].message).toMatch(/Cannot query field "view_payments_between"/);
  });

  it('leaves out views reaching a resource the token cannot read, in GraphQL and in GET /api/v1/views', async () => {
    const withClient = {
      name: 'invoices_with_client',
      resource: 'invoices',
      query: { include: 'client', fields: 'id,total' },
    };
    expect((await api.admin('POST', '/admin/api/views', withClient)).status).toBe(201);
    const invoicesOnly = api.token({
      scopes: ['rest', 'graphql', 'views'],
      read: ['invoices', 'invoicepaymentrecords'],
    }).token;
    const field = await graphql('{ view_invoices_with_client { data } }', invoicesOnly);
    expect(field.status).toBe(400);
    expect(field.body.errors[0].message).toMatch(/Cannot query field "view_invoices_with_client"/);
    const listed = await api.request('GET', '/api/v1/views', undefined, bearer(invoicesOnly));
    expect(listed.body.data.map((v: { name: string }) => v.name)).toEqual(['payments_between']);
    const all = await api.request('GET', '/api/v1/views', undefined, bearer(token));
    expect(all.body.data.map((v: { name: string }) => v.name)).toEqual(['invoices_with_client', 'payments_between']);
    expect((await graphql('{ view_invoices_with_client { data } }')).status).toBe(200);
    expect((await api.admin('DELETE', '/admin/api/views/invoices_with_client')).status).toBe(204);
  });

  it('follows views added and deleted while the server runs, from the admin API or another process', async () => {
    const second = {
      ...PAYMENTS_BETWEEN,
      name: 'big_payments',
      params: { ...PAYMENTS_BETWEEN.params, min: { type: 'number', default: 500 } },
    };
    expect((await graphql('{ view_big_payments(from: "2026-01-01", to: "2026-12-31") { meta } }')).status).toBe(400);
    expect((await api.admin('POST', '/admin/api/views', second)).status).toBe(201);
    const found = await graphql('{ view_big_payments(from: "2026-01-01", to: "2026-12-31") { data } }');
    expect(found.status, found.text).toBe(200);
    for (const row of found.body.data.view_big_payments.data) expect(row.amount).toBeGreaterThanOrEqual(500);
    // Another process (the CLI) deletes it through its own connection to the store.
    const other = openStore({ file: storeFile(api.dataDir), keyProvider: fileKeyProvider(api.dataDir) });
    try {
      expect(other.views.delete('big_payments')).toBe(true);
    } finally {
      other.close();
    }
    const gone = await graphql('{ view_big_payments(from: "2026-01-01", to: "2026-12-31") { meta } }');
    expect(gone.status).toBe(400);
    const sdl = await api.request('GET', '/api/v1/graphql/schema.graphql', undefined, bearer(token));
    expect(sdl.text).toContain('view_payments_between(');
    expect(sdl.text).not.toContain('view_big_payments');
  });
});
