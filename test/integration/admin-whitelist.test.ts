/**
 * The Studio's whitelist editor through the real `serve` on SQLite and MariaDB: every change made
 * at `/admin/api/whitelist` is answered by the data API at once (no restart): a module table
 * exposed, columns hidden or read-only, a resource renamed, operations narrowed, PII overridden,
 * relations added and removed; refusals are precise problems and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { demoDialects, type DemoDatabase } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

/** A table a module would add: not a Perfex core table, so `expose: 'core'` leaves it out. */
const WIDGETS = {
  sqlite: [
    'CREATE TABLE "tblpas_widgets" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "label" varchar(60) NOT NULL, "color" varchar(7) NULL, "owner" int NOT NULL DEFAULT 0, "contact_email" varchar(100) NULL)',
    `INSERT INTO "tblpas_widgets" ("label", "color", "owner", "contact_email") VALUES ('gear', '#00ff00', 1, 'a@example.com'), ('bolt', '#0000ff', 2, NULL)`,
  ],
  mariadb: [
    'CREATE TABLE `tblpas_widgets` (`id` int NOT NULL AUTO_INCREMENT, `label` varchar(60) NOT NULL, `color` varchar(7) NULL, `owner` int NOT NULL DEFAULT 0, `contact_email` varchar(100) NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    "INSERT INTO `tblpas_widgets` (`label`, `color`, `owner`, `contact_email`) VALUES ('gear', '#00ff00', 1, 'a@example.com'), ('bolt', '#0000ff', 2, NULL)",
  ],
} as const;

describe.each(demoDialects('whitelist', withMysql))('whitelist editor on $name', ({ name, create, skip }) => {
  let db: DemoDatabase | undefined;
  let api: SecureServer;
  let token: string;
  const get = (path: string) => api.request('GET', path, undefined, bearer(token));
  const put = (table: string, body: unknown) => api.admin('PUT', `/admin/api/whitelist/tables/${table}`, body);
  const fieldsOf = async (resource: string): Promise<string[]> => {
    const catalog = await api.admin('GET', '/admin/api/catalog');
    return catalog.body.data.resources.find((r: { name: string }) => r.name === resource)?.fields ?? [];
  };

  beforeAll(async () => {
    if (skip) return;
    db = await create();
    api = await startSecureServer(db.url);
    for (const sql of WIDGETS[name]) await api.serving.engine.driver.run(sql);
    await api.admin('POST', '/admin/api/catalog/refresh');
    token = api.token({ scopes: ['rest', 'write'], read: '*', create: '*', update: '*', delete: '*' }).token;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.skipIf(skip)('lists every table of the database with row estimates, exposed or not', async () => {
    const r = await api.admin('GET', '/admin/api/whitelist/tables');
    expect(r.status).toBe(200);
    const tables = await api.serving.engine.catalog.schema?.tables.map((t) => t.name).sort();
    expect(r.body.data.map((t: { table: string }) => t.table)).toEqual(tables);
    const widgets = r.body.data.find((t: { table: string }) => t.table === 'tblpas_widgets');
    expect(widgets).toMatchObject({ exposed: false, resource: 'pas_widgets', rowEstimate: 2, customised: false, columns: 5, hasKey: true });
    expect(widgets.reason).toMatch(/not a core Perfex table/);
    const invoices = r.body.data.find((t: { table: string }) => t.table === 'tblinvoices');
    expect(invoices).toMatchObject({ exposed: true, resource: 'invoices', customised: true, operations: ['read', 'create', 'update', 'delete'] });
    expect(invoices.rowEstimate).toBeGreaterThan(0);
    const keyless = r.body.data.find((t: { table: string }) => t.table === 'tblpas_keyless');
    expect(keyless).toMatchObject({ hasKey: false, operations: ['read'] });
    // The columns of a table that is not exposed are known too (from the introspected schema).
    const detail = await api.admin('GET', '/admin/api/whitelist/tables/tblpas_widgets');
    expect(detail.body.data.columnsDetail.map((c: { name: string; state: string }) => `${c.name}:${c.state}`)).toEqual([
      'id:visible', 'label:visible', 'color:visible', 'owner:visible', 'contact_email:visible',
    ]);
    expect(detail.body.data.columnsDetail.find((c: { name: string }) => c.name === 'contact_email').pii).toBe(true);
  });

  it.skipIf(skip)('exposes a table: it answers at /api/v1/<name> at once', async () => {
    expect((await get('/api/v1/pas_widgets')).body.code).toBe('PAS101');
    const r = await put('tblpas_widgets', { expose: true, operations: ['read', 'create', 'update', 'delete'] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toMatchObject({ exposed: true, resource: 'pas_widgets', customised: true, settings: { expose: true } });
    const list = await get('/api/v1/pas_widgets?sort=id');
    expect(list.status, list.text).toBe(200);
    expect(list.body.data.map((w: { label: string }) => w.label)).toEqual(['gear', 'bolt']);
  });

  it.skipIf(skip)('hides a column: gone from answers and refused in filters', async () => {
    const r = await put('tblpas_widgets', { expose: true, operations: ['read', 'create', 'update', 'delete'], hiddenColumns: ['color'] });
    expect(r.body.data.columnsDetail.find((c: { name: string }) => c.name === 'color').state).toBe('hidden');
    const list = await get('/api/v1/pas_widgets');
    expect(Object.keys(list.body.data[0])).not.toContain('color');
    const filtered = await get('/api/v1/pas_widgets?filter[color]=%2300ff00');
    expect([filtered.status, filtered.body.code]).toEqual([400, 'PAS102']);
  });

  it.skipIf(skip)('makes a column read-only: refused in a PATCH body, the row unchanged', async () => {
    const r = await put('tblpas_widgets', { expose: true, operations: ['read', 'create', 'update', 'delete'], readOnlyColumns: ['label'] });
    expect(r.body.data.columnsDetail.find((c: { name: string }) => c.name === 'label').state).toBe('read-only');
    const patch = await api.request('PATCH', '/api/v1/pas_widgets/1', { label: 'renamed' }, bearer(token));
    expect([patch.status, patch.body.code]).toEqual([422, 'PAS401']);
    expect(patch.body.errors).toEqual([expect.objectContaining({ field: 'label', code: 'not-writable' })]);
    expect((await get('/api/v1/pas_widgets/1')).body.data.label).toBe('gear');
    expect((await api.request('PATCH', '/api/v1/pas_widgets/1', { color: '#111111' }, bearer(token))).status).toBe(200);
  });

  it.skipIf(skip)('renames a resource; a name in use, a malformed or a reserved name is refused', async () => {
    const r = await put('tblpas_widgets', { expose: true, name: 'widgets' });
    expect(r.body.data.resource).toBe('widgets');
    expect((await get('/api/v1/widgets')).status).toBe(200);
    expect((await get('/api/v1/pas_widgets')).body.code).toBe('PAS101');
    const taken = await put('tblpas_widgets', { expose: true, name: 'invoices' });
    expect([taken.status, taken.body.code]).toEqual([409, 'PAS623']);
    expect(taken.body.detail).toContain('tblinvoices');
    const bad = await put('tblpas_widgets', { expose: true, name: '9 widgets' });
    expect([bad.status, bad.body.code, bad.body.errors[0].field]).toEqual([422, 'PAS620', 'name']);
    const reserved = await put('tblpas_widgets', { expose: true, name: 'graphql' });
    expect([reserved.status, reserved.body.code]).toEqual([422, 'PAS620']);
    const typo = await put('tblpas_widgets', { expose: true, nmae: 'x' });
    expect(typo.body.errors).toEqual([{ field: 'nmae', code: 'unknown', message: 'unknown member; did you mean "name"?' }]);
    const purge = await put('tblpas_widgets', { expose: true, operations: ['read', 'purge'] });
    expect(purge.body.errors).toEqual([expect.objectContaining({ field: 'operations.1', code: 'enum' })]);
    expect((await get('/api/v1/widgets')).status).toBe(200);
  });

  it.skipIf(skip)('narrows operations: a create is refused without create, allowed with it', async () => {
    await put('tblpas_widgets', { expose: true, name: 'widgets', operations: ['read'] });
    const refused = await api.request('POST', '/api/v1/widgets', { label: 'spring' }, bearer(token));
    expect(refused.status, refused.text).toBeGreaterThanOrEqual(403);
    expect(['PAS202', 'PAS301', 'PAS302']).toContain(refused.body.code);
    await put('tblpas_widgets', { expose: true, name: 'widgets', operations: ['read', 'create'] });
    const created = await api.request('POST', '/api/v1/widgets', { label: 'spring' }, bearer(token));
    expect(created.status, created.text).toBe(201);
    const keyless = await put('tblpas_keyless', { expose: true, operations: ['read', 'update'] });
    expect([keyless.status, keyless.body.code]).toEqual([422, 'PAS624']);
  });

  it.skipIf(skip)('overrides PII detection per column, as GET /admin/api/catalog shows', async () => {
    expect((await fieldsOf('widgets')).find((f) => f.startsWith('contact_email:'))).toMatch(/ pii/);
    const r = await put('tblpas_widgets', { expose: true, name: 'widgets', operations: ['read', 'create'], piiColumns: ['label'], notPiiColumns: ['contact_email'] });
    expect(r.status, r.text).toBe(200);
    const fields = await fieldsOf('widgets');
    expect(fields.find((f) => f.startsWith('label:'))).toMatch(/ pii/);
    expect(fields.find((f) => f.startsWith('contact_email:'))).not.toMatch(/ pii/);
    const both = await put('tblpas_widgets', { expose: true, piiColumns: ['label'], notPiiColumns: ['label'] });
    expect([both.status, both.body.code]).toEqual([422, 'PAS620']);
  });

  it.skipIf(skip)('adds a relation the heuristics missed: include works at once', async () => {
    const before = await get('/api/v1/widgets?include=owner');
    expect(before.status).toBe(400);
    const r = await api.admin('POST', '/admin/api/whitelist/relations', { table: 'tblpas_widgets', column: 'owner', targetTable: 'tblstaff' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.data.relations).toContainEqual(
      expect.objectContaining({ name: 'owner', kind: 'to-one', target: 'staff', localColumn: 'owner', remoteColumn: 'staffid', source: 'config' }),
    );
    const included = await get('/api/v1/widgets/1?include=owner');
    expect(included.status, included.text).toBe(200);
    expect(included.body.data).toMatchObject({ owner: 1, owner_record: { staffid: 1 } });
    const listed = await api.admin('GET', '/admin/api/whitelist/relations?table=staff');
    expect(new Set(listed.body.data.map((x: { table: string }) => x.table))).toEqual(new Set(['tblstaff']));
    expect(listed.body.data).toContainEqual(expect.objectContaining({ table: 'tblstaff', kind: 'to-many', target: 'widgets', source: 'config' }));
    const missing = await api.admin('POST', '/admin/api/whitelist/relations', { table: 'tblpas_widgets', column: 'nope', targetTable: 'tblstaff' });
    expect([missing.status, missing.body.code]).toEqual([422, 'PAS626']);
    const hidden = await api.admin('POST', '/admin/api/whitelist/relations', { table: 'tblpas_widgets', column: 'owner', targetTable: 'tblstafff' });
    expect([hidden.status, hidden.body.code, hidden.body.hint]).toEqual([404, 'PAS621', 'did you mean `tblstaff`?']);
  });

  it.skipIf(skip)('removes a wrong relation: include is refused at once; a removed addition goes back', async () => {
    expect((await get('/api/v1/invoices?include=client&per_page=1')).status).toBe(200);
    const r = await api.admin('DELETE', '/admin/api/whitelist/relations', { table: 'tblinvoices', name: 'client' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.relations.map((x: { name: string }) => x.name)).not.toContain('client');
    const refused = await get('/api/v1/invoices?include=client&per_page=1');
    expect(refused.status).toBe(400);
    expect(['PAS108', 'PAS125']).toContain(refused.body.code);
    expect(JSON.parse((await api.admin('GET', '/admin/api/whitelist/export')).text).relations.remove).toEqual([
      { table: 'tblinvoices', name: 'client' },
    ]);
    // Adding it back (as the user's own relation) drops the removal.
    const back = await api.admin('POST', '/admin/api/whitelist/relations', { table: 'tblinvoices', column: 'clientid', targetTable: 'tblclients', name: 'client' });
    expect(back.status, back.text).toBe(201);
    expect((await get('/api/v1/invoices?include=client&per_page=1')).status).toBe(200);
    const unknown = await api.admin('DELETE', '/admin/api/whitelist/relations?table=invoices&name=clinet');
    expect([unknown.status, unknown.body.code, unknown.body.hint], unknown.text).toEqual([404, 'PAS625', 'did you mean `client`?']);
    // The whitelist's own relation is removed from relations.add, not listed as a removal.
    const own = await api.admin('DELETE', '/admin/api/whitelist/relations', { table: 'widgets', name: 'owner' });
    expect(own.status, own.text).toBe(200);
    const file = JSON.parse((await api.admin('GET', '/admin/api/whitelist/export')).text);
    expect(file.relations.add.map((a: { column: string }) => a.column)).toEqual(['clientid']);
    expect(file.relations.remove).toEqual([]);
    expect((await get('/api/v1/widgets?include=owner')).status).toBe(400);
  });

  it.skipIf(skip)('keeps sensitive columns locked hidden, with the reason', async () => {
    const detail = await api.admin('GET', '/admin/api/whitelist/tables/tblstaff');
    expect(detail.body.data.columnsDetail.find((c: { name: string }) => c.name === 'password')).toMatchObject({
      state: 'sensitive',
      lockedReason: 'password hash',
      pii: false,
    });
    for (const body of [{ readOnlyColumns: ['password'] }, { piiColumns: ['password'] }]) {
      const r = await put('tblstaff', body);
      expect([r.status, r.body.code], r.text).toEqual([422, 'PAS622']);
      expect(r.body.detail).toContain('password (password hash)');
    }
    const staff = await get('/api/v1/staff?per_page=1');
    expect(Object.keys(staff.body.data[0])).not.toContain('password');
    expect((await api.admin('GET', '/admin/api/whitelist/tables/tblstaff')).body.data.customised).toBe(false);
  });

  it.skipIf(skip)('resets a table to the defaults', async () => {
    const r = await api.admin('DELETE', '/admin/api/whitelist/tables/tblpas_widgets');
    expect(r.body.data).toMatchObject({ exposed: false, customised: false, settings: null, resource: 'pas_widgets' });
    expect((await get('/api/v1/widgets')).body.code).toBe('PAS101');
    const unknown = await api.admin('GET', '/admin/api/whitelist/tables/tblinvoice');
    expect([unknown.status, unknown.body.code, unknown.body.hint]).toEqual([404, 'PAS621', 'did you mean `tblinvoices`?']);
  });

  it.skipIf(skip)('switches the expose mode and exports / imports the whitelist file (round trip)', async () => {
    const all = await api.admin('PUT', '/admin/api/whitelist', { expose: 'all' });
    expect(all.body.data).toMatchObject({ expose: 'all', prefix: 'tbl', effectivePrefix: 'tbl' });
    expect((await get('/api/v1/pas_widgets')).status).toBe(200);
    const exported = await api.admin('GET', '/admin/api/whitelist/export');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename=whitelist.json');
    const file = JSON.parse(exported.text);
    expect(file.expose).toBe('all');
    const bad = await api.admin('POST', '/admin/api/whitelist/import', { ...file, expose: 'some', tables: { tblx: { nmae: 'y' } } });
    expect([bad.status, bad.body.code]).toEqual([422, 'PAS627']);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['expose', 'tables.tblx.nmae']);
    expect((await api.admin('PUT', '/admin/api/whitelist', { expose: 'some' })).body.code).toBe('PAS620');
    await api.admin('PUT', '/admin/api/whitelist', { expose: 'core' });
    expect((await get('/api/v1/pas_widgets')).body.code).toBe('PAS101');
    const imported = await api.admin('POST', '/admin/api/whitelist/import', file);
    expect(imported.status, imported.text).toBe(200);
    expect((await get('/api/v1/pas_widgets')).status).toBe(200);
    expect((await api.admin('GET', '/admin/api/whitelist/export')).text).toBe(exported.text);
  });
});
