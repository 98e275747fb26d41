/**
 * OpenAPI export against the real server on the demo database: valid 3.1 and 3.0.3 (swagger-parser,
 * `redocly lint` with the recommended rules: no errors), generated for the caller's rights, never a
 * sensitive column, and every documented GET of every resource answers what its schema says (ajv):
 * plain pages and rows, and the answers of include=, aggregate=/group_by=, exports and saved views.
 * Saved views are documented for tokens with the `views` scope, and appear without a restart.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bearer } from '../support/secure-server.ts';
import { startDocsServer, type DocsServer } from '../support/docs-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';
import { OVERDUE_BY_AGENT } from '../support/view-fixtures.ts';

const run = promisify(execFile);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are walked as plain JSON
type Doc = any;

let db: DemoDatabase;
let api: DocsServer;
let full: string;
let doc: Doc;

const BIG_PAYMENTS = {
  name: 'big_payments',
  resource: 'invoicepaymentrecords',
  query: { 'filter[amount.gte]': ':min', sort: '-amount', fields: 'id,invoiceid,amount,date' },
  params: { min: { type: 'number', description: 'smallest amount' } },
};

beforeAll(async () => {
  db = await createSqliteDemo();
  api = await startDocsServer(db.url);
  api.serving.store.views.put(OVERDUE_BY_AGENT);
  api.serving.store.views.put(BIG_PAYMENTS);
  full = api.token({
    read: '*',
    create: ['invoices', 'leads', 'pas_tags'],
    update: ['invoices', 'leads', 'pas_tags'],
    delete: ['leads', 'pas_tags'],
    scopes: ['rest', 'graphql', 'views', 'write'],
  }).token;
  const reply = await api.request('GET', '/api/v1/openapi.json', undefined, bearer(full));
  expect(reply.status).toBe(200);
  doc = reply.body;
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

async function lint(document: Doc): Promise<{ errors: number; warnings: number; output: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pas-lint-')), 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  const bin = path.resolve('node_modules/.bin/redocly');
  const result = await run(bin, ['lint', file, '--format=json'], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (e: { stdout: string; stderr: string }) => e,
  );
  const report = JSON.parse(result.stdout) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string }[];
  };
  const output = report.problems.map((p) => `${p.ruleId}: ${p.message}`).join('\n');
  return { errors: report.totals.errors, warnings: report.totals.warnings, output };
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for swagger-parser and passes redocly lint (recommended) without errors', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    const { errors, output } = await lint(doc);
    expect(errors, output).toBe(0);
  });

  it('is valid OpenAPI 3.0.3 on ?version=3.0, and lints without errors', async () => {
    const reply = await api.request('GET', '/api/v1/openapi.json?version=3.0', undefined, bearer(full));
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.0.3');
    await expect(SwaggerParser.validate(structuredClone(reply.body))).resolves.toBeTruthy();
    const { errors, output } = await lint(reply.body);
    expect(errors, output).toBe(0);
    const bad = await api.request('GET', '/api/v1/openapi.json?version=2', undefined, bearer(full));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('PAS112');
  });

  it('is the same document in YAML', async () => {
    const reply = await api.request('GET', '/api/v1/openapi.yaml', undefined, bearer(full));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(parseYaml(reply.text)).toEqual(doc);
  });

  it('needs a token like every /api/v1 route', async () => {
    const reply = await api.request('GET', '/api/v1/openapi.json');
    expect(reply.status).toBe(401);
  });

  it('documents every operation the token may use, with the parameters, bodies and security of the API', () => {
    const catalog = api.serving.engine.catalog;
    for (const resource of catalog.resources) {
      expect(doc.paths[`/${resource.name}`]?.get?.operationId, resource.name).toBeDefined();
      expect(doc.paths[`/${resource.name}/schema`]?.get, resource.name).toBeDefined();
      if (resource.primaryKey.length > 0) expect(doc.paths[`/${resource.name}/{id}`]?.get, resource.name).toBeDefined();
    }
    const list = doc.paths['/invoices'].get;
    const names = list.parameters.map((p: Doc) => p.name ?? p.$ref);
    expect(names).toEqual(
      expect.arrayContaining([
        'fields',
        'filter',
        'where',
        'sort',
        'since',
        '#/components/parameters/page',
        '#/components/parameters/per_page',
      ]),
    );
    const filter = list.parameters.find((p: Doc) => p.name === 'filter');
    expect(filter.style).toBe('deepObject');
    expect(Object.keys(filter.schema.patternProperties)[0]).toContain('between|is_null|contains|starts_with|ends_with');
    // The invoice status codes and their meanings come from the catalog.
    const status = doc.components.schemas.Invoices.properties.status;
    expect(status.enum.filter((v: unknown) => v !== null)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(status.description).toContain('2 = Paid');
    const created = doc.paths['/invoices'].post.requestBody.content['application/json'].schema;
    expect(created.oneOf[0].$ref).toBe('#/components/schemas/InvoicesCreate');
    expect(created.oneOf[1]).toMatchObject({ type: 'array', maxItems: 1000 }); // bulk create
    expect(doc.paths['/invoices/{id}'].patch).toBeDefined();
    expect(doc.paths['/invoices/{id}'].delete).toBeUndefined(); // the token may not delete invoices
    expect(doc.paths['/leads/{id}'].delete).toBeDefined();
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearerToken', 'hmacSignature', 'hmacTimestamp']);
    expect(doc.paths['/graphql'].post).toBeDefined();
    expect(doc.servers[0].url).toBe(`${api.url}/api/v1`);
  });

  it('never mentions a hidden or sensitive column', () => {
    const text = JSON.stringify(doc.components.schemas);
    const catalog = api.serving.engine.catalog;
    let checked = 0;
    for (const resource of catalog.resources) {
      const schema =
        doc.components.schemas[
          Object.keys(doc.components.schemas).find((k) =>
            doc.components.schemas[k].description?.includes(`\`${resource.table}\``),
          ) ?? ''
        ];
      expect(schema, resource.name).toBeDefined();
      for (const hidden of resource.hidden) {
        expect(Object.keys(schema.properties), `${resource.name}.${hidden.name}`).not.toContain(hidden.name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(Object.keys(doc.components.schemas.Contacts.properties)).not.toContain('password');
    expect(Object.keys(doc.components.schemas.Invoices.properties)).not.toContain('adminnote');
    expect(text).not.toContain('new_pass_key');
  });

  it('holds only what a narrower token may use', async () => {
    const narrow = api.token({ read: ['invoices'], scopes: ['rest'] }).token;
    const reply = await api.request('GET', '/api/v1/openapi.json', undefined, bearer(narrow));
    expect(reply.status).toBe(200);
    const resourcePaths = Object.keys(reply.body.paths).filter(
      (p) => !['/', '/auth/test', '/openapi.json', '/openapi.yaml', '/postman.json'].includes(p),
    );
    expect(resourcePaths.sort()).toEqual(['/invoices', '/invoices/schema', '/invoices/{id}']);
    expect(reply.body.paths['/invoices'].post).toBeUndefined();
    expect(reply.body.paths['/invoices/{id}'].patch).toBeUndefined();
    expect(reply.body.paths['/graphql']).toBeUndefined();
    expect(Object.keys(reply.body.components.schemas)).not.toContain('Clients');
  });
});

describe('the REST features beyond CRUD', () => {
  const names = (operation: Doc): string[] => operation.parameters.map((p: Doc) => p.name ?? p.$ref.split('/').pop());

  it('documents include, has, limit, aggregate, group_by, having and format on lists, with patterns from the fields', () => {
    const list = doc.paths['/invoices'].get;
    expect(names(list)).toEqual(
      expect.arrayContaining(['include', 'has', 'limit', 'aggregate', 'group_by', 'having', 'format']),
    );
    const param = (name: string): Doc => list.parameters.find((p: Doc) => p.name === name);
    const pattern = (name: string) => new RegExp(param(name).schema.items.pattern);
    expect(pattern('include').test('client.contacts')).toBe(true);
    expect(pattern('include').test('nosuchrelation')).toBe(false);
    expect(param('include').description).toContain('`payments` (to-many → invoicepaymentrecords)');
    expect(param('include').description).toContain('fields[path]');
    for (const measure of ['count', 'sum:total', 'avg:total', 'min:duedate', 'max:total', 'count_distinct:clientid'])
      expect(pattern('aggregate').test(measure), measure).toBe(true);
    expect(pattern('aggregate').test('sum:clientnote')).toBe(false); // sum needs a numeric field
    for (const key of ['sale_agent', 'client.country', 'date:month', 'duedate:week'])
      expect(pattern('group_by').test(key), key).toBe(true);
    const having = new RegExp(Object.keys(param('having').schema.patternProperties)[0] ?? '');
    expect(having.test('sum_total.gte')).toBe(true);
    expect(having.test('sum_total.like')).toBe(false);
    expect(param('has').style).toBe('deepObject');
    expect(doc.components.parameters.format.schema.enum).toEqual(['json', 'csv', 'ndjson']);
    expect(Object.keys(list.responses['200'].content)).toEqual([
      'application/json',
      'text/csv',
      'application/x-ndjson',
    ]);
  });

  it('documents include and ETag/If-None-Match on single rows, If-Match/Prefer/412 on writes', () => {
    const get = doc.paths['/invoices/{id}'].get;
    expect(names(get)).toEqual(expect.arrayContaining(['include', 'filter', 'IfNoneMatch']));
    expect(get.responses['200'].headers.ETag.$ref).toBe('#/components/headers/ETag');
    expect(get.responses['304']).toBeDefined();
    const patch = doc.paths['/invoices/{id}'].patch;
    expect(names(patch)).toEqual(['IfMatch', 'Prefer']);
    expect(patch.responses['412'].$ref).toBe('#/components/responses/PreconditionFailed');
    expect(patch.responses['204'].description).toContain('return=minimal');
    expect(doc.components.parameters.IfMatch).toMatchObject({ name: 'If-Match', in: 'header' });
    expect(
      doc.components.responses.PreconditionFailed.content['application/problem+json'].examples.PAS203,
    ).toBeDefined();
    expect(names(doc.paths['/leads/{id}'].delete)).toEqual(['IfMatch', 'Prefer']);
    expect(names(doc.paths['/invoices'].post)).toEqual(['Prefer']);
    expect(doc.paths['/invoices'].post.responses['201'].headers['Preference-Applied']).toBeDefined();
  });

  it('lists the views of the store, with their typed parameters, only for tokens with the views scope', async () => {
    expect(doc.paths['/views'].get.operationId).toBe('listSavedViews');
    const overdue = doc.paths['/views/overdue_by_agent'].get;
    expect(overdue.tags).toEqual(['views']);
    expect(overdue.parameters[0]).toMatchObject({
      name: 'before',
      required: false,
      schema: { type: 'string', format: 'date', default: '2026-06-30' },
    });
    expect(overdue.responses['200'].content['application/json'].schema.properties.data.items.$ref).toBe(
      '#/components/schemas/InvoicesGroup',
    );
    const payments = doc.paths['/views/big_payments'].get;
    expect(payments.parameters[0]).toMatchObject({ name: 'min', required: true, schema: { type: 'number' } });
    expect(payments.responses['200'].content['application/json'].schema.properties.data.items.$ref).toBe(
      '#/components/schemas/Invoicepaymentrecords',
    );
    const viewPaths = (body: Doc) => Object.keys(body.paths).filter((p) => p.startsWith('/views'));
    // No views scope: no views at all.
    const rest = api.token({ read: '*', scopes: ['rest'] }).token;
    expect(viewPaths((await api.request('GET', '/api/v1/openapi.json', undefined, bearer(rest))).body)).toEqual([]);
    // The scope, but not read on payments: only the invoices view; not read on staff (its include): neither.
    const invoices = api.token({ read: ['invoices', 'staff'], scopes: ['rest', 'views'] }).token;
    expect(viewPaths((await api.request('GET', '/api/v1/openapi.json', undefined, bearer(invoices))).body)).toEqual([
      '/views',
      '/views/overdue_by_agent',
    ]);
    const noStaff = api.token({ read: ['invoices', 'invoicepaymentrecords'], scopes: ['rest', 'views'] }).token;
    expect(viewPaths((await api.request('GET', '/api/v1/openapi.json', undefined, bearer(noStaff))).body)).toEqual([
      '/views',
      '/views/big_payments',
    ]);
    // …which is what running them answers.
    expect((await api.request('GET', '/api/v1/views/overdue_by_agent', undefined, bearer(noStaff))).status).toBe(403);
  });

  it('documents a view saved while the server runs, and forgets a deleted one, without a restart', async () => {
    const token = api.token({ read: '*', scopes: ['rest', 'views'] }).token;
    const before = (await api.request('GET', '/api/v1/openapi.json', undefined, bearer(token))).body;
    expect(before.paths['/views/leads_by_status']).toBeUndefined();
    api.serving.store.views.put({ name: 'leads_by_status', resource: 'leads', query: { group_by: 'status' } });
    const after = (await api.request('GET', '/api/v1/openapi.json', undefined, bearer(token))).body;
    expect(after.paths['/views/leads_by_status'].get.operationId).toBe('viewLeadsByStatus');
    const postman = (await api.request('GET', '/api/v1/postman.json', undefined, bearer(token))).body;
    expect(postman.item.at(-1).item.map((i: Doc) => i.name)).toContain('View leads_by_status');
    api.serving.store.views.delete('leads_by_status');
    const deleted = (await api.request('GET', '/api/v1/openapi.json', undefined, bearer(token))).body;
    expect(deleted.paths['/views/leads_by_status']).toBeUndefined();
  });
});

describe('every documented GET answers what its schema says', () => {
  function validator(document: Doc) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'openapi.json', ...document });
    return (pathName: string, status: string, body: unknown) => {
      const pointer = `#/paths/${pathName.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${status}/content/application~1json/schema`;
      const validate = ajv.compile({ $ref: `openapi.json${pointer}` });
      const ok = validate(body);
      return ok ? '' : ajv.errorsText(validate.errors, { separator: '\n' }).slice(0, 2000);
    };
  }

  it('walks every resource: a full page of the list, the example list query, one row, the schema', async () => {
    const check = validator(doc);
    const catalog = api.serving.engine.catalog;
    let validated = 0;
    for (const resource of catalog.resources) {
      const base = `/api/v1/${resource.name}`;
      const page = await api.request('GET', `${base}?per_page=500`, undefined, bearer(full));
      expect(page.status, resource.name).toBe(200);
      expect(check(`/${resource.name}`, '200', page.body), `${resource.name} list`).toBe('');
      const example =
        doc.paths[`/${resource.name}`].get.parameters.find((p: Doc) => p.name === 'filter')?.example ?? {};
      const query = new URLSearchParams(Object.entries(example).map(([k, v]) => [`filter[${k}]`, String(v)]));
      const filtered = await api.request('GET', `${base}?${query}`, undefined, bearer(full));
      expect(filtered.status, `${resource.name} ${query}`).toBe(200);
      if (Object.keys(example).length > 0)
        expect(filtered.body.data.length, `${resource.name} ${query}`).toBeGreaterThan(0);
      expect(
        check(
          `/${resource.name}/schema`,
          '200',
          (await api.request('GET', `${base}/schema`, undefined, bearer(full))).body,
        ),
      ).toBe('');
      if (resource.primaryKey.length > 0 && page.body.data.length > 0) {
        const id = doc.paths[`/${resource.name}/{id}`].parameters[0].example;
        const one = await api.request('GET', `${base}/${encodeURIComponent(String(id))}`, undefined, bearer(full));
        expect(one.status, `${resource.name}/${id}`).toBe(200);
        expect(check(`/${resource.name}/{id}`, '200', one.body), `${resource.name}/${id}`).toBe('');
      }
      validated += page.body.data.length;
    }
    for (const meta of ['/', '/auth/test']) {
      expect(check(meta, '200', (await api.request('GET', `/api/v1${meta}`, undefined, bearer(full))).body)).toBe('');
    }
    expect(validated).toBeGreaterThan(1000);
  });

  it('validates include= answers: to-one objects and nulls, to-many arrays, nested and single rows', async () => {
    const check = validator(doc);
    const page = await api.request(
      'GET',
      '/api/v1/invoices?include=sale_agent,payments,client.contacts&fields[client]=company&limit[payments]=2&sort[payments]=-date&per_page=100',
      undefined,
      bearer(full),
    );
    expect(page.status, page.text).toBe(200);
    expect(check('/invoices', '200', page.body)).toBe('');
    const rows = page.body.data as Doc[];
    expect(rows.some((r) => r.sale_agent_record === null)).toBe(true); // Perfex's agent 0
    expect(rows.some((r) => r.sale_agent_record !== null && typeof r.sale_agent_record === 'object')).toBe(true);
    expect(rows.every((r) => Array.isArray(r.payments) && Array.isArray(r.client?.contacts ?? []))).toBe(true);
    expect(rows.some((r) => r.payments.length > 0)).toBe(true);
    const one = await api.request(
      'GET',
      `/api/v1/invoices/${rows[0].id}?include=payments,client`,
      undefined,
      bearer(full),
    );
    expect(one.status).toBe(200);
    expect(check('/invoices/{id}', '200', one.body)).toBe('');
    const polymorphic = await api.request('GET', '/api/v1/tasks?include=rel&per_page=50', undefined, bearer(full));
    expect(polymorphic.status, polymorphic.text).toBe(200);
    expect(check('/tasks', '200', polymorphic.body)).toBe('');
    // A drift in an embedded member is caught.
    const bad = { ...page.body, data: [{ ...rows[0], payments: { amount: 1 } }] };
    expect(check('/invoices', '200', bad)).not.toBe('');
    expect(check('/invoices', '200', { ...page.body, data: [{ ...rows[0], sale_agent_record: 7 }] })).not.toBe('');
  });

  it('validates groups: keys, related keys, date buckets, every measure, group includes', async () => {
    const check = validator(doc);
    const queries = [
      'group_by=sale_agent,date:month&aggregate=count,sum:total,avg:total,min:duedate,max:total,count_distinct:clientid&having[count.gte]=1&sort=-sum_total&include=sale_agent&fields[sale_agent]=firstname&per_page=50',
      'group_by=client.country&aggregate=count,sum:total',
      'aggregate=count,avg:total',
      'group_by=status&count=none&page=2&per_page=2',
    ];
    for (const query of queries) {
      const reply = await api.request('GET', `/api/v1/invoices?${query}`, undefined, bearer(full));
      expect(reply.status, `${query}: ${reply.text.slice(0, 300)}`).toBe(200);
      expect(check('/invoices', '200', reply.body), query).toBe('');
      expect(reply.body.data.length, query).toBeGreaterThan(0);
    }
    const groups = (await api.request('GET', `/api/v1/invoices?${queries[0]}`, undefined, bearer(full))).body;
    expect(Object.keys(groups.data[0])).toEqual(
      expect.arrayContaining(['sale_agent', 'date:month', 'count', 'sum_total', 'count_distinct_clientid']),
    );
    expect(groups.meta.total).toBeGreaterThan(groups.data.length);
    // A measure no request can produce, or a mistyped one, is caught.
    expect(check('/invoices', '200', { ...groups, data: [{ status: 2, count: 'many' }] })).not.toBe('');
    expect(check('/invoices', '200', { ...groups, data: [{ status: 2, sum_total: 'x' }] })).not.toBe('');
  });

  it('answers exports with a documented media type, from format= and from Accept', async () => {
    const documented = Object.keys(doc.paths['/invoices'].get.responses['200'].content);
    const csv = await api.request(
      'GET',
      '/api/v1/invoices?format=csv&per_page=5&fields=id,total',
      undefined,
      bearer(full),
    );
    expect(csv.status).toBe(200);
    expect(documented).toContain(csv.headers.get('content-type')?.split(';')[0]);
    expect(csv.text.split('\r\n')[0]).toBe('id,total');
    const ndjson = await api.request('GET', '/api/v1/invoices?group_by=status&per_page=3', undefined, {
      ...bearer(full),
      accept: 'application/x-ndjson',
    });
    expect(ndjson.status).toBe(200);
    expect(documented).toContain(ndjson.headers.get('content-type')?.split(';')[0]);
    expect(ndjson.text.trim().split('\n')).toHaveLength(3);
    const viewCsv = await api.request(
      'GET',
      '/api/v1/views/big_payments?min=100&format=csv&per_page=2',
      undefined,
      bearer(full),
    );
    expect(Object.keys(doc.paths['/views/big_payments'].get.responses['200'].content)).toContain(
      viewCsv.headers.get('content-type')?.split(';')[0],
    );
  });

  it("validates the views' answers and the list of views", async () => {
    const check = validator(doc);
    for (const path of ['/views/overdue_by_agent?before=2026-01-01', '/views/big_payments?min=1000&per_page=50']) {
      const reply = await api.request('GET', `/api/v1${path}`, undefined, bearer(full));
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.data.length, path).toBeGreaterThan(0);
      expect(check(path.split('?')[0] ?? '', '200', reply.body), path).toBe('');
    }
    const list = await api.request('GET', '/api/v1/views', undefined, bearer(full));
    expect(check('/views', '200', list.body)).toBe('');
    expect(list.body.data.map((v: Doc) => v.name)).toEqual(['big_payments', 'overdue_by_agent']);
    // Rows where the view answers groups (or the reverse) are a drift the walk catches.
    const rows = (await api.request('GET', '/api/v1/views/big_payments?min=1', undefined, bearer(full))).body;
    expect(check('/views/overdue_by_agent', '200', rows)).not.toBe('');
  });

  it('fails validation when a row breaks its schema (the walk can catch a drift)', () => {
    const check = validator(doc);
    const row = { invoiceid: 'not a number' };
    expect(
      check('/invoices/{id}', '200', { data: { ...row }, links: { self: 'http://x/1', collection: 'http://x' } }),
    ).not.toBe('');
    expect(
      check('/invoices/{id}', '200', { data: { status: 9 }, links: { self: 'http://x/1', collection: 'http://x' } }),
    ).toContain('allowed values');
  });
});

describe('a catalog refresh', () => {
  it('is followed by the documents: a column added while the server runs appears in OpenAPI and /api_docs', async () => {
    const token = api.token({ read: '*', scopes: ['rest', 'views'] }).token;
    const openapi = async (): Promise<Doc> =>
      (await api.request('GET', '/api/v1/openapi.json', undefined, bearer(token))).body;
    const page = async (): Promise<string> => (await api.request('GET', '/api_docs')).text;
    expect(Object.keys((await openapi()).components.schemas.Leads.properties)).not.toContain('docs_probe');
    expect(await page()).not.toContain('docs_probe');
    const before = api.serving.engine.catalog;
    await api.serving.engine.driver.run('ALTER TABLE tblleads ADD COLUMN docs_probe varchar(20) NULL');
    const refresh = await api.serving.engine.refresh();
    expect(refresh.changed).toContain('leads');
    expect(api.serving.engine.catalog).not.toBe(before);
    const after = await openapi();
    expect(after.components.schemas.Leads.properties.docs_probe).toMatchObject({ type: ['string', 'null'] });
    expect(await page()).toContain('<code>docs_probe</code>');
    // The new field is served and typed as documented.
    const rows = await api.request('GET', '/api/v1/leads?fields=id,docs_probe&per_page=3', undefined, bearer(token));
    expect(rows.status, rows.text).toBe(200);
  });
});
