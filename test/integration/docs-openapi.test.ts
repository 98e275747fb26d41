/**
 * OpenAPI export against the real server on the demo database: valid 3.1 and 3.0.3 (swagger-parser,
 * `redocly lint` with the recommended rules: no errors), generated for the caller's rights, never a
 * sensitive column, and every documented GET of every resource answers what its schema says (ajv).
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

const run = promisify(execFile);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are walked as plain JSON
type Doc = any;

let db: DemoDatabase;
let api: DocsServer;
let full: string;
let doc: Doc;

beforeAll(async () => {
  db = await createSqliteDemo();
  api = await startDocsServer(db.url);
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
    expect(doc.paths['/invoices'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/InvoicesCreate',
    );
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
