/**
 * Schema changes while the server runs, on SQLite and MariaDB through the real `serve`: a column
 * added (seen after `POST /admin/api/catalog/refresh`), a column dropped (REST refreshes by itself and
 * answers; the vanished column is then a clear 400), a table renamed (404 with the new catalog), and
 * GraphQL rebuilding its schema from the refreshed catalog. Nothing crashes, no restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { demoDialects, type DemoDatabase } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

describe.each(demoDialects('catalog_refresh', withMysql))('catalog refresh on $name', ({ name, create, skip }) => {
  let db: DemoDatabase | undefined;
  let api: SecureServer;
  let token: string;
  const q = (id: string): string => (name === 'sqlite' ? `"${id}"` : `\`${id}\``);
  const ddl = (sql: string): Promise<unknown> => api.serving.engine.driver.run(sql);
  const graphql = (query: string) =>
    api.request('POST', '/api/v1/graphql', { query }, bearer(token, { accept: 'application/graphql-response+json' }));

  beforeAll(async () => {
    if (skip) return;
    db = await create();
    api = await startSecureServer(db.url);
    token = api.token({ scopes: ['rest', 'graphql'], read: '*' }).token;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.skipIf(skip)('sees a column added once the catalog is refreshed from the admin API', async () => {
    await ddl(`ALTER TABLE ${q('tblleads')} ADD COLUMN ${q('pas_extra')} varchar(20) NULL`);
    const before = await api.request('GET', '/api/v1/leads?fields=id,pas_extra&per_page=1', undefined, bearer(token));
    expect([before.status, before.body.code]).toEqual([400, 'PAS102']);
    const refreshed = await api.admin('POST', '/admin/api/catalog/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.data).toMatchObject({ added: [], removed: [], changed: ['leads'] });
    const after = await api.request('GET', '/api/v1/leads?fields=id,pas_extra&per_page=1', undefined, bearer(token));
    expect(after.status, after.text).toBe(200);
    expect(Object.keys(after.body.data[0])).toEqual(['id', 'pas_extra']);
    const catalog = await api.admin('GET', '/admin/api/catalog');
    const leads = catalog.body.data.resources.find((r: { name: string }) => r.name === 'leads');
    expect(JSON.stringify(leads)).toContain('pas_extra');
  });

  it.skipIf(skip)(
    'refreshes by itself when a column vanished, answers, and then refuses the column with a clear 400',
    async () => {
      const first = await api.request('GET', '/api/v1/pas_tags', undefined, bearer(token));
      expect(Object.keys(first.body.data[0])).toContain('color');
      await ddl(`ALTER TABLE ${q('tblpas_tags')} DROP COLUMN ${q('color')}`);
      const r = await api.request('GET', '/api/v1/pas_tags', undefined, bearer(token));
      expect(r.status, r.text).toBe(200);
      expect(r.body.data.map((row: Record<string, unknown>) => row.name).sort()).toEqual(['late payer', 'vip']);
      expect(Object.keys(r.body.data[0])).not.toContain('color');
      const asked = await api.request('GET', '/api/v1/pas_tags?fields=name,color', undefined, bearer(token));
      expect([asked.status, asked.body.code]).toEqual([400, 'PAS102']);
    },
  );

  it.skipIf(skip)(
    'GraphQL: a query over a vanished column gets PAS210 once, then the rebuilt schema refuses it',
    async () => {
      expect((await graphql('{ leads(limit: 1) { id pas_extra } }')).status).toBe(200);
      await ddl(`ALTER TABLE ${q('tblleads')} DROP COLUMN ${q('pas_extra')}`);
      const during = await graphql('{ leads(limit: 1) { id pas_extra } }');
      expect(during.body.errors[0].extensions.code).toBe('PAS210');
      // The refresh runs in the background; the next requests see the new schema.
      let after = await graphql('{ leads(limit: 1) { id pas_extra } }');
      for (let i = 0; i < 50 && after.status !== 400; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await graphql('{ leads(limit: 1) { id pas_extra } }');
      }
      expect(after.status).toBe(400);
      expect(after.body.errors[0].message).toMatch(/Cannot query field "pas_extra"/);
      expect((await graphql('{ leads(limit: 1) { id } }')).status).toBe(200);
    },
  );

  it.skipIf(skip)(
    'a renamed table: the old resource answers 404 after the automatic refresh, the server keeps serving',
    async () => {
      expect((await api.request('GET', '/api/v1/pas_keyless', undefined, bearer(token))).status).toBe(200);
      await ddl(
        name === 'sqlite'
          ? `ALTER TABLE ${q('tblpas_keyless')} RENAME TO ${q('tblpas_keyless_old')}`
          : `RENAME TABLE ${q('tblpas_keyless')} TO ${q('tblpas_keyless_old')}`,
      );
      const r = await api.request('GET', '/api/v1/pas_keyless', undefined, bearer(token));
      expect([r.status, r.body.code]).toEqual([404, 'PAS101']);
      const catalog = await api.admin('GET', '/admin/api/catalog');
      expect(catalog.body.data.warnings.join(' ')).toContain('tblpas_keyless');
      expect((await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(token))).status).toBe(200);
    },
  );
});
