/**
 * Sandbox tokens against the real server on the demo database: every answer shows fake personal
 * data (REST rows, lists, includes of other resources, groups, CSV, GraphQL, write answers), the
 * same fake for the same value in every answer of the launch, everything else (ids, numbers, dates)
 * exactly as a normal token sees it, and every answer still valid against the OpenAPI document.
 * Filters match the real values. The sandbox flag is set by the admin API and the CLI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../src-server/catalog/catalog.ts';
import { connect } from '../../src-server/db/connect.ts';
import type { Driver } from '../../src-server/db/driver.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { startDocsServer, type DocsServer } from '../support/docs-server.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { tempDataDir } from '../support/temp-store.ts';
import { createMysqlDemo, createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers and OpenAPI documents are walked as plain JSON
type Json = any;
type Row = Record<string, unknown>;

const withMysql = await mysqlAvailable();

/** RFC 4180 records (fake companies contain commas, so fields may be quoted). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Asserts `fake` is `real` with its personal text replaced and everything else identical. */
function expectRandomised(resource: Resource, real: Row, fake: Row, where: string): number {
  let changed = 0;
  for (const field of resource.fields) {
    if (!(field.name in real)) continue;
    const value = real[field.name];
    if (field.pii && field.type === 'string' && typeof value === 'string' && value.trim() !== '') {
      expect(fake[field.name], `${where}.${field.name}`).not.toBe(value);
      expect(typeof fake[field.name], `${where}.${field.name}`).toBe('string');
      if (field.maxLength !== null) expect((fake[field.name] as string).length).toBeLessThanOrEqual(field.maxLength);
      changed++;
    } else {
      expect(fake[field.name], `${where}.${field.name}`).toEqual(value);
    }
  }
  return changed;
}

describe('sandbox tokens on SQLite', () => {
  let db: DemoDatabase;
  let api: DocsServer;
  let oracle: Driver;
  let sandbox: string;
  let normal: string;
  let doc: Json;
  const resource = (name: string): Resource => api.serving.engine.catalog.byName.get(name) as Resource;
  const get = async (token: string, p: string): Promise<Json> => {
    const r = await api.request('GET', `/api/v1${p}`, undefined, bearer(token));
    expect(r.status, `${p}: ${r.text.slice(0, 300)}`).toBe(200);
    return r.body;
  };
  const graphql = async (token: string, query: string): Promise<Json> => {
    const r = await api.request('POST', '/api/v1/graphql', { query }, bearer(token));
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    return r.body.data;
  };

  beforeAll(async () => {
    db = await createSqliteDemo();
    api = await startDocsServer(db.url);
    oracle = await connect(db.url);
    const grants = {
      read: '*' as const,
      create: ['leads'],
      update: ['leads'],
      delete: ['leads'],
      scopes: ['rest', 'graphql', 'views', 'write'] as const,
    };
    sandbox = api.token({ ...grants, scopes: [...grants.scopes] }, { sandbox: true }).token;
    normal = api.token({ ...grants, scopes: [...grants.scopes] }).token;
    doc = await get(normal, '/openapi.json');
  });

  afterAll(async () => {
    await oracle?.close();
    await api?.close();
    await db?.drop();
  });

  it('GET /clients/1 twice: the same fake company, not the real one; ids, numbers and dates as they are', async () => {
    const [real] = await oracle.query('SELECT company FROM tblclients WHERE userid = 1');
    const first = (await get(sandbox, '/clients/1')).data;
    const second = (await get(sandbox, '/clients/1')).data;
    const normalRow = (await get(normal, '/clients/1')).data;
    expect(normalRow.company).toBe(real?.company);
    expect(first.company).not.toBe(real?.company);
    expect(second).toEqual(first);
    expect(expectRandomised(resource('clients'), normalRow, first, 'clients/1')).toBeGreaterThan(3);
  });

  it('include: embedded rows are randomised as their own resource, equal to what GET /<resource>/<id> shows', async () => {
    const query = '/invoices?include=client.contacts&sort=id&per_page=30';
    const fake = await get(sandbox, query);
    const real = await get(normal, query);
    let contacts = 0;
    for (const [i, invoice] of (fake.data as Row[]).entries()) {
      const realInvoice = real.data[i] as Row;
      expectRandomised(resource('invoices'), realInvoice, invoice, `invoice ${String(realInvoice.id)}`);
      const client = invoice.client as Row;
      expectRandomised(resource('clients'), realInvoice.client as Row, client, 'client');
      expect(client.company).toBe((await get(sandbox, `/clients/${String(client.userid)}`)).data.company);
      for (const [j, contact] of (client.contacts as Row[]).entries()) {
        expectRandomised(
          resource('contacts'),
          ((realInvoice.client as Row).contacts as Row[])[j] as Row,
          contact,
          'contact',
        );
        const alone = (await get(sandbox, `/contacts/${String(contact.id)}`)).data;
        expect([contact.firstname, contact.lastname, contact.email]).toEqual([
          alone.firstname,
          alone.lastname,
          alone.email,
        ]);
        contacts++;
      }
    }
    expect(contacts).toBeGreaterThan(10);
  });

  it('GraphQL shows the same fakes as REST, nested relations included; a normal token sees the real values', async () => {
    const query = '{ clients(limit: 10) { userid company city phonenumber contacts { id firstname email } } }';
    const fake = (await graphql(sandbox, query)).clients as Row[];
    const real = (await graphql(normal, query)).clients as Row[];
    expect(fake.map((c) => c.userid)).toEqual(real.map((c) => c.userid));
    for (const [i, client] of fake.entries()) {
      const rest = (await get(sandbox, `/clients/${String(client.userid)}?include=contacts`)).data;
      expect(client.company).toBe(rest.company);
      expect(client.company).not.toBe(real[i]?.company);
      expect(client.city).toBe(rest.city);
      expect(client.phonenumber).toBe(rest.phonenumber);
      expect((client.contacts as Row[]).map((c) => [c.id, c.firstname, c.email])).toEqual(
        (rest.contacts as Row[]).map((c) => [c.id, c.firstname, c.email]),
      );
    }
    const groups = (await graphql(sandbox, '{ clientsAggregate(groupBy: [city]) { keys { city } count } }'))
      .clientsAggregate as Json[];
    const realGroups = (await graphql(normal, '{ clientsAggregate(groupBy: [city]) { keys { city } count } }'))
      .clientsAggregate as Json[];
    const fakeCity = new Map(fake.map((c) => [real.find((r) => r.userid === c.userid)?.city, c.city]));
    for (const [i, group] of realGroups.entries()) {
      expect(groups[i].count).toBe(group.count);
      if (fakeCity.has(group.keys.city)) expect(groups[i].keys.city).toBe(fakeCity.get(group.keys.city));
    }
  });

  it('CSV exports and group keys are randomised with the same fakes', async () => {
    const json = (await get(sandbox, '/clients?sort=userid&per_page=20&fields=userid,company,city')).data as Row[];
    const r = await api.request(
      'GET',
      '/api/v1/clients?sort=userid&per_page=20&fields=userid,company,city&format=csv',
      undefined,
      bearer(sandbox),
    );
    expect(r.status).toBe(200);
    const [header, ...lines] = parseCsv(r.text.trimEnd());
    expect(header).toEqual(['userid', 'company', 'city']);
    expect(lines).toEqual(json.map((c) => [String(c.userid), String(c.company ?? ''), String(c.city ?? '')]));
    const real = await oracle.query('SELECT userid, company FROM tblclients ORDER BY userid LIMIT 20');
    expect(lines.filter((l, i) => l[1] === real[i]?.company)).toEqual([]);
    const groups = (await get(sandbox, '/clients?group_by=city&aggregate=count&per_page=500')).data as Row[];
    const realGroups = (await get(normal, '/clients?group_by=city&aggregate=count&per_page=500')).data as Row[];
    expect(groups.map((g) => g.count)).toEqual(realGroups.map((g) => g.count));
    const realCity = new Map(
      (await get(normal, '/clients?sort=userid&per_page=20&fields=userid,city')).data.map((c: Row) => [
        c.userid,
        c.city,
      ]),
    );
    for (const client of json) {
      const index = realGroups.findIndex((g) => g.city === realCity.get(client.userid));
      expect(groups[index]?.city).toBe(client.city);
    }
  });

  it('filters match the real values (randomisation is for display)', async () => {
    const [real] = (await oracle.query('SELECT userid, company FROM tblclients WHERE userid = 2')) as [Row];
    const found = await get(
      sandbox,
      `/clients?filter[company]=${encodeURIComponent(String(real.company))}&fields=userid,company`,
    );
    expect(found.data.map((c: Row) => c.userid)).toContain(2);
    expect(found.data[0].company).not.toBe(real.company);
  });

  it('a write answers with the fakes too, while the database holds what was sent', async () => {
    const body = {
      name: 'Ada Lovelace',
      email: 'ada@analytical.example',
      company: 'Analytical Engines',
      status: 1,
      source: 1,
      assigned: 0,
      addedfrom: 0,
    };
    const r = await api.request('POST', '/api/v1/leads', body, bearer(sandbox));
    expect(r.status, r.text).toBe(201);
    expect(r.body.data.name).toBe((await get(sandbox, `/leads/${String(r.body.data.id)}`)).data.name);
    expect(r.body.data.name).not.toBe('Ada Lovelace');
    const [stored] = await oracle.query('SELECT name, email, company FROM tblleads WHERE id = ?', [r.body.data.id]);
    expect(stored).toEqual({ name: 'Ada Lovelace', email: 'ada@analytical.example', company: 'Analytical Engines' });
    expect(
      (await api.request('DELETE', `/api/v1/leads/${String(r.body.data.id)}`, undefined, bearer(sandbox))).status,
    ).toBe(204);
  });

  it('every sandbox list page and row still validates against the OpenAPI schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'openapi.json', ...doc });
    const check = (pathName: string, body: unknown): string => {
      const pointer = `#/paths/${pathName.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/200/content/application~1json/schema`;
      const validate = ajv.compile({ $ref: `openapi.json${pointer}` });
      return validate(body) ? '' : ajv.errorsText(validate.errors).slice(0, 2000);
    };
    let changed = 0;
    for (const res of api.serving.engine.catalog.resources) {
      const page = await get(sandbox, `/${res.name}?per_page=200`);
      expect(check(`/${res.name}`, page), `${res.name} list`).toBe('');
      const real = await get(normal, `/${res.name}?per_page=200`);
      for (const [i, row] of (page.data as Row[]).entries())
        changed += expectRandomised(res, real.data[i], row, res.name);
      const first = page.data[0] as Row | undefined;
      if (first !== undefined && res.primaryKey.length === 1) {
        const one = await get(
          sandbox,
          `/${res.name}/${encodeURIComponent(String(first[res.primaryKey[0] as string]))}`,
        );
        expect(check(`/${res.name}/{id}`, one), `${res.name} row`).toBe('');
      }
    }
    console.warn(`sandbox: ${changed} personal values randomised over every resource's first page, all valid`);
    expect(changed).toBeGreaterThan(1000);
  });

  it('answers say X-PAS-PII: randomised; the explorer toggle and a pasted sandbox token randomise alike', async () => {
    const fake = await api.request('GET', '/api/v1/clients/1', undefined, bearer(sandbox));
    expect(fake.headers.get('x-pas-pii')).toBe('randomised');
    expect(
      (await api.request('GET', '/api/v1/clients/1', undefined, bearer(normal))).headers.get('x-pas-pii'),
    ).toBeNull();
    // Without the explorer secret, the explorer's PII header means nothing.
    const asked = await api.request(
      'GET',
      '/api/v1/clients/1',
      undefined,
      bearer(normal, { 'x-pas-pii': 'randomise' }),
    );
    expect(asked.headers.get('x-pas-pii')).toBeNull();
    const admin = { 'x-pas-admin-token': api.serving.adminToken };
    const send = async (pii: boolean, auth: Json): Promise<Json> => {
      const r = await api.request(
        'POST',
        '/admin/api/explorer/send',
        { method: 'GET', path: '/api/v1/clients/1', pii, auth },
        admin,
      );
      expect(r.status, r.text).toBe(200);
      return r.body.data;
    };
    const toggled = await send(true, { kind: 'studio' });
    expect(toggled.piiRandomised).toBe(true);
    expect(JSON.parse(toggled.body).data.company).toBe(fake.body.data.company);
    const plain = await send(false, { kind: 'studio' });
    expect(plain.piiRandomised).toBe(false);
    expect(JSON.parse(plain.body).data.company).not.toBe(fake.body.data.company);
    // A sandbox token pasted into the explorer stays a sandbox token, toggle or not.
    const pasted = await send(false, { kind: 'token', token: sandbox });
    expect(pasted.piiRandomised).toBe(true);
    expect(JSON.parse(pasted.body).data.company).toBe(fake.body.data.company);
  });

  it('the admin API sets and clears the flag, and answers follow at once', async () => {
    const created = await api.request(
      'POST',
      '/admin/api/tokens',
      { name: 'screen share', read: '*', sandbox: true },
      { 'x-pas-admin-token': api.serving.adminToken },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.data.sandbox).toBe(true);
    const token = created.body.token as string;
    const [real] = await oracle.query('SELECT company FROM tblclients WHERE userid = 3');
    expect((await get(token, '/clients/3')).data.company).not.toBe(real?.company);
    const patched = await api.request(
      'PATCH',
      `/admin/api/tokens/${String(created.body.data.id)}`,
      { sandbox: false },
      { 'x-pas-admin-token': api.serving.adminToken },
    );
    expect(patched.body.data.sandbox).toBe(false);
    expect((await get(token, '/clients/3')).data.company).toBe(real?.company);
    expect(
      (
        await api.request('GET', '/admin/api/tokens', undefined, { 'x-pas-admin-token': api.serving.adminToken })
      ).body.data.find((t: Row) => t.id === created.body.data.id).sandbox,
    ).toBe(false);
  });
});

describe('token create --sandbox', () => {
  it('stores the flag and shows it in token list', () => {
    const dir = tempDataDir('pas-cli-sandbox-');
    const cli = (args: string[]) =>
      spawnSync(
        path.resolve('node_modules/.bin/tsx'),
        [path.resolve('src-server/cli/main.ts'), ...args, '--data-dir', dir],
        { encoding: 'utf8', timeout: 60_000 },
      );
    const created = cli(['token', 'create', '--name', 'demo board', '--read', '*', '--sandbox']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^created token tok_\w+ "demo board" \(rest, graphql, views; \*: r; sandbox\)$/m);
    expect(cli(['token', 'list']).stdout).toMatch(/demo board .*\*: r; sandbox/);
    const listed = JSON.parse(cli(['token', 'list', '--json']).stdout) as Row[];
    expect(listed[0]).toMatchObject({ name: 'demo board', sandbox: true });
    const store = openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) });
    try {
      expect(store.tokens.list()[0]?.sandbox).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe.skipIf(!withMysql)('sandbox tokens on MariaDB', () => {
  let db: DemoDatabase;
  let api: SecureServer;
  let sandbox: string;
  let normal: string;

  beforeAll(async () => {
    db = await createMysqlDemo('pii_sandbox');
    api = await startSecureServer(db.url);
    sandbox = api.token({ read: '*' }, { sandbox: true }).token;
    normal = api.token({ read: '*' }).token;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('the same fakes in rows, includes and GraphQL; everything else as a normal token sees it', async () => {
    const rest = async (token: string, p: string): Promise<Json> =>
      (await api.request('GET', `/api/v1${p}`, undefined, bearer(token))).body;
    const fake = (await rest(sandbox, '/clients/1?include=contacts')).data;
    const real = (await rest(normal, '/clients/1?include=contacts')).data;
    const clients = api.serving.engine.catalog.byName.get('clients') as Resource;
    expect(
      expectRandomised(clients, { ...real, contacts: undefined }, { ...fake, contacts: undefined }, 'clients/1'),
    ).toBeGreaterThan(3);
    expect((await rest(sandbox, '/clients/1')).data.company).toBe(fake.company);
    for (const contact of fake.contacts as Row[]) {
      expect((await rest(sandbox, `/contacts/${String(contact.id)}`)).data.email).toBe(contact.email);
    }
    const gql = await api.request(
      'POST',
      '/api/v1/graphql',
      { query: '{ client(id: "1") { company contacts { email } } }' },
      bearer(sandbox),
    );
    expect(gql.body.data.client.company).toBe(fake.company);
    expect(gql.body.data.client.contacts.map((c: Row) => c.email)).toEqual(
      (fake.contacts as Row[]).map((c) => c.email),
    );
  });
});
