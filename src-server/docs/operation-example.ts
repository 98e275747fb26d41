/**
 * A concrete request for each operation, built from the resource's example row: the id of a real
 * row, a filter on a coded column with a value that exists, bodies with the row's writable values.
 * OpenAPI examples, Postman requests, the /api_docs page and the code samples all use these, so
 * every sample shown is one that works against the server it documents.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { exampleGroupKey, exampleMeasures } from './aggregate-parameters.ts';
import type { ApiOperation } from './api-operations.ts';
import { typedExample, type ExampleRow } from './example-rows.ts';
import { exampleIncludes } from './relation-parameters.ts';

export interface OperationExample {
  /** Concrete path relative to /api/v1: `/invoices/12`. */
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  readonly body: Readonly<Record<string, unknown>> | null;
}

/** The `{id}` segment of a row: key values joined by commas, each URL-encoded. */
export function rowId(resource: Resource, row: ExampleRow): string {
  return resource.primaryKey.map((k) => encodeURIComponent(String(row[k] ?? ''))).join(',');
}

/** A column worth filtering on in an example: a coded one (status) with a value in the row, else none. */
function exampleFilter(resource: Resource, row: ExampleRow): Field | undefined {
  return resource.fields.find(
    (f) => f.labels !== null && !f.primaryKey && row[f.name] !== null && row[f.name] !== undefined,
  );
}

function listQuery(resource: Resource, row: ExampleRow): [string, string][] {
  const query: [string, string][] = [];
  const filter = exampleFilter(resource, row);
  if (filter !== undefined) query.push([`filter[${filter.name}]`, String(row[filter.name])]);
  const key = resource.primaryKey[0] ?? resource.fields[0]?.name;
  if (key !== undefined) query.push(['sort', `-${key}`]);
  query.push(['per_page', '5']);
  return query;
}

/** Writable values of the row; required fields the row cannot fill (zero dates) get a typed value. */
export function createBody(resource: Resource, row: ExampleRow): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (!field.writable) continue;
    const value = row[field.name];
    if (value !== null && value !== undefined) body[field.name] = value;
    else if (field.requiredOnCreate) body[field.name] = typedExample(field);
  }
  return body;
}

/** A small PATCH: the first two writable fields with values (a coded field first when there is one). */
function patchBody(resource: Resource, row: ExampleRow): Record<string, unknown> {
  const full = createBody(resource, row);
  const coded = resource.fields.filter((f) => f.writable && f.labels !== null && f.name in full).map((f) => f.name);
  const names = [...new Set([...coded, ...Object.keys(full)])].slice(0, 2);
  return Object.fromEntries(names.map((n) => [n, full[n]]));
}

export function operationExample(operation: ApiOperation, row: ExampleRow): OperationExample {
  const { resource } = operation;
  const path = operation.path.replace('{id}', rowId(resource, row));
  switch (operation.kind) {
    case 'list':
      return { path, query: listQuery(resource, row), body: null };
    case 'create':
    case 'replace':
      return { path, query: [], body: createBody(resource, row) };
    case 'update':
      return { path, query: [], body: patchBody(resource, row) };
    default:
      return { path, query: [], body: null };
  }
}

/**
 * A list with related rows embedded (a to-one and a to-many relation into readable resources), or
 * null where the resource has none: the example of `include=` that Postman and /api_docs show.
 */
export function includeExample(catalog: Catalog, resource: Resource, access: Access): OperationExample | null {
  const include = exampleIncludes(catalog, resource, access);
  if (include.length === 0) return null;
  const key = resource.primaryKey[0];
  return {
    path: `/${resource.name}`,
    query: [
      ['include', include.join(',')],
      ...(key === undefined ? [] : [['sort', `-${key}`] as const]),
      ['per_page', '3'],
    ],
    body: null,
  };
}

/** Groups of the resource by a coded column (or a month, or any column), counted and summed. */
export function aggregateExample(resource: Resource): OperationExample {
  const key = exampleGroupKey(resource);
  return {
    path: `/${resource.name}`,
    query: [
      ['aggregate', exampleMeasures(resource).join(',')],
      ...(key === undefined ? [] : [['group_by', key] as const]),
      ['sort', '-count'],
      ['per_page', '5'],
    ],
    body: null,
  };
}

/** `?a=1&b=2` with each part percent-encoded (brackets included, so any client sends it verbatim). */
export function queryString(query: readonly (readonly [string, string])[]): string {
  if (query.length === 0) return '';
  return `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}
