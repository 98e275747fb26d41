/**
 * A Postman Collection v2.1 (schema: resources/postman/collection-v2.1.0.json) of the API as one
 * caller sees it: a folder per resource, a request per operation with the example query and body
 * (lists also with an `include=` and an `aggregate=` example), a `views` folder for the saved views
 * the caller may run, `baseUrl` and `token` collection variables, bearer auth at collection level,
 * the HMAC signing script, and tests in each request. Writes run on the row the folder's create made
 * (its key is kept in `{resource}_id`), so running the collection never changes or deletes an existing row.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import { hasScope, type Access } from '../engine/access.ts';
import type { ViewDefinition } from '../engine/view-definition.ts';
import { apiOperations, type ApiOperation } from './api-operations.ts';
import { typedRow, type ExampleRow, type ExampleRows } from './example-rows.ts';
import { aggregateExample, includeExample, operationExample, type OperationExample } from './operation-example.ts';
import { createdIdVariable, HMAC_PRE_REQUEST, jsonDataTests, requestTests } from './postman-scripts.ts';
import { viewOperations } from './view-operations.ts';

export const POSTMAN_SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanInput {
  readonly catalog: Catalog;
  readonly access: Access;
  readonly examples: ExampleRows;
  readonly origin: string;
  /** The saved views (a `views` folder for callers with the `views` scope); undefined = no view store. */
  readonly views?: readonly ViewDefinition[] | undefined;
}

export type PostmanCollection = Record<string, unknown> & { readonly item: readonly Record<string, unknown>[] };

type Item = Record<string, unknown>;

function script(listen: 'test' | 'prerequest', exec: readonly string[]): Item {
  return { listen, script: { type: 'text/javascript', exec } };
}

/** Values of unique columns get a per-run suffix, so a create copied from an existing row is not a duplicate. */
function varyUnique(
  body: Readonly<Record<string, unknown>>,
  unique: ReadonlySet<string> | undefined,
  maxLength: (name: string) => number | null,
): Record<string, unknown> {
  const out = { ...body };
  for (const name of unique ?? []) {
    const value = out[name];
    if (typeof value !== 'string') continue;
    const suffix = ' {{$timestamp}}';
    const limit = maxLength(name);
    out[name] = `${limit === null ? value : value.slice(0, Math.max(0, limit - 11))}${suffix}`;
  }
  return out;
}

function requestItem(operation: ApiOperation, row: ExampleRow, examples: ExampleRows, createdInFolder: boolean): Item {
  const { resource } = operation;
  const example = operationExample(operation, row);
  // Writes to a row use the one this folder created, never an existing row.
  const usesCreated =
    createdInFolder && (operation.kind === 'update' || operation.kind === 'replace' || operation.kind === 'delete');
  const path = usesCreated ? operation.path.replace('{id}', `{{${createdIdVariable(resource)}}}`) : example.path;
  const segments = path.split('/').filter((s) => s !== '');
  const query = example.query.map(([key, value]) => ({ key, value }));
  const raw = `{{baseUrl}}${path}${query.length === 0 ? '' : `?${query.map((q) => `${q.key}=${q.value}`).join('&')}`}`;
  const header = [{ key: 'Accept', value: 'application/json' }];
  let body: Item | undefined;
  if (example.body !== null) {
    header.push({ key: 'Content-Type', value: 'application/json' });
    const maxLength = (name: string) => resource.fields.find((f) => f.name === name)?.maxLength ?? null;
    const values = varyUnique(example.body, examples.unique.get(resource.name), maxLength);
    body = { mode: 'raw', raw: JSON.stringify(values, null, 2), options: { raw: { language: 'json' } } };
  }
  return {
    name: operation.summary,
    request: {
      method: operation.method,
      header,
      url: { raw, host: ['{{baseUrl}}'], path: segments, ...(query.length === 0 ? {} : { query }) },
      ...(body === undefined ? {} : { body }),
      description: `${operation.summary}. Docs: /api_docs#/${operation.anchor}`,
    },
    event: [script('test', requestTests(operation))],
  };
}

/** A GET of an example request (include, aggregate, a view) that must answer 200 with JSON `data`. */
function exampleGet(name: string, example: OperationExample, description: string): Item {
  const query = example.query.map(([key, value]) => ({ key, value }));
  const raw = `{{baseUrl}}${example.path}${query.length === 0 ? '' : `?${query.map((q) => `${q.key}=${q.value}`).join('&')}`}`;
  return {
    name,
    request: {
      method: 'GET',
      header: [{ key: 'Accept', value: 'application/json' }],
      url: {
        raw,
        host: ['{{baseUrl}}'],
        path: example.path.split('/').filter((s) => s !== ''),
        ...(query.length === 0 ? {} : { query }),
      },
      description,
    },
    event: [script('test', jsonDataTests())],
  };
}

/** The list's include= and aggregate= examples, after the list request itself. */
function listExamples(catalog: Catalog, resource: Resource, access: Access): Item[] {
  const items: Item[] = [];
  const include = includeExample(catalog, resource, access);
  if (include !== null) {
    items.push(
      exampleGet(
        `List ${resource.name} with related rows (include)`,
        include,
        `Embeds related rows: ${include.query[0]?.[1] ?? ''}. Docs: /api_docs#/${resource.name}/list`,
      ),
    );
  }
  items.push(
    exampleGet(
      `Group ${resource.name} (aggregate)`,
      aggregateExample(resource),
      `Groups with measures instead of rows. Docs: /api_docs#/${resource.name}/list`,
    ),
  );
  return items;
}

function viewsFolder(catalog: Catalog, access: Access, views: readonly ViewDefinition[]): Item {
  const items = [exampleGet('The saved views', { path: '/views', query: [], body: null }, 'Every saved view.')];
  for (const operation of viewOperations(catalog, access, views)) {
    // A view whose example values do not parse would fail in a run; it stays documented in OpenAPI.
    if (operation.request === null) continue;
    items.push(
      exampleGet(
        `View ${operation.view.name}`,
        { path: operation.path, query: operation.example, body: null },
        `${operation.summary}. Docs: /api_docs#/${operation.anchor}`,
      ),
    );
  }
  return { name: 'views', description: 'Saved views: named list requests with typed parameters.', item: items };
}

function metaFolder(access: Access): Item {
  const get = (name: string, path: string): Item => ({
    name,
    request: {
      method: 'GET',
      header: [{ key: 'Accept', value: 'application/json' }],
      url: { raw: `{{baseUrl}}${path}`, host: ['{{baseUrl}}'], path: path.split('/').filter((s) => s !== '') },
    },
    event: [
      script('test', [
        "pm.test('status is 200', () => pm.response.to.have.status(200));",
        "pm.test('content type is JSON', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'));",
      ]),
    ],
  });
  const items = [get('The resources this token can read', '/'), get('Who am I (token check)', '/auth/test')];
  if (hasScope(access, 'graphql')) {
    items.push({
      name: 'GraphQL: a first query',
      request: {
        method: 'POST',
        header: [{ key: 'Content-Type', value: 'application/json' }],
        url: { raw: '{{baseUrl}}/graphql', host: ['{{baseUrl}}'], path: ['graphql'] },
        body: { mode: 'raw', raw: JSON.stringify({ query: '{ __typename }' }), options: { raw: { language: 'json' } } },
      },
      event: [
        script('test', [
          "pm.test('status is 200', () => pm.response.to.have.status(200));",
          "pm.test('content type is JSON', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('json'));",
        ]),
      ],
    });
  }
  return { name: 'api', description: 'Index, token check, GraphQL.', item: items };
}

export function buildPostman({ catalog, access, examples, origin, views }: PostmanInput): PostmanCollection {
  const operations = apiOperations(catalog, access);
  const folders: Item[] = [];
  for (const resource of catalog.resources) {
    const own = operations.filter((o) => o.resource === resource);
    if (own.length === 0) continue;
    const row = examples.byResource.get(resource.name) ?? typedRow(resource);
    const creates = own.some((o) => o.kind === 'create');
    folders.push({
      name: resource.name,
      description: resource.description,
      item: own.flatMap((o) => [
        requestItem(o, row, examples, creates),
        ...(o.kind === 'list' ? listExamples(catalog, resource, access) : []),
      ]),
    });
  }
  if (views !== undefined && hasScope(access, 'views')) folders.push(viewsFolder(catalog, access, views));
  return {
    info: {
      name: `Perfex CRM API (${catalog.database})`,
      description:
        "Generated by Perfex API Studio for one token's rights. Set `token` (and `hmacSecret` for signed tokens).",
      schema: POSTMAN_SCHEMA_URL,
    },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    event: [script('prerequest', HMAC_PRE_REQUEST)],
    variable: [
      { key: 'baseUrl', value: `${origin}/api/v1`, type: 'string' },
      { key: 'token', value: '', type: 'string' },
      { key: 'hmacSecret', value: '', type: 'string' },
    ],
    item: [metaFolder(access), ...folders],
  };
}
