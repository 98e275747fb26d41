/**
 * OpenAPI path items of one resource, from its operations (`api-operations.ts`): parameters, bodies,
 * responses with the problems each route can answer, and examples built from the example row. What
 * `rest-router.ts` adds over plain CRUD is here too: groups and CSV/NDJSON on lists, `include` and
 * ETag/If-None-Match on single rows, If-Match/Prefer on writes, bulk creates with a JSON array.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import type { ApiOperation } from './api-operations.ts';
import type { ExampleRow } from './example-rows.ts';
import type { JsonSchema } from './field-schema.ts';
import { EXPORT_NOTE, exportContent, pageSchema } from './list-responses.ts';
import { listParameters } from './list-parameters.ts';
import { headerParameter, responseHeader } from './openapi-headers.ts';
import { operationExample, rowId } from './operation-example.ts';
import { includeParameter } from './relation-parameters.ts';
import { schemaName } from './resource-schemas.ts';

const ref = (kind: 'schemas' | 'responses' | 'parameters', name: string): JsonSchema => ({
  $ref: `#/components/${kind}/${name}`,
});

function idParameter(resource: Resource, row: ExampleRow): JsonSchema {
  const keyField = resource.fields.find((f) => f.name === resource.primaryKey[0]);
  const single = resource.primaryKey.length === 1 && keyField?.type === 'integer';
  return {
    name: 'id',
    in: 'path',
    required: true,
    description:
      resource.primaryKey.length === 1
        ? `The row's \`${resource.primaryKey[0]}\`.`
        : `The row's key, comma-separated: ${resource.primaryKey.join(', ')}.`,
    schema: single ? { type: 'integer' } : { type: 'string' },
    example: single ? Number(row[resource.primaryKey[0] ?? ''] ?? 1) : decodeURIComponent(rowId(resource, row)),
  };
}

function errorResponses(operation: ApiOperation): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  if (
    operation.kind === 'list' ||
    operation.kind === 'get' ||
    operation.kind === 'update' ||
    operation.kind === 'replace' ||
    operation.kind === 'delete'
  ) {
    out['400'] = ref('responses', 'BadRequest');
  }
  out['401'] = ref('responses', 'Unauthorized');
  out['403'] = ref('responses', 'Forbidden');
  out['404'] = ref('responses', 'NotFound');
  if (operation.kind === 'create' || operation.kind === 'update' || operation.kind === 'replace') {
    out['409'] = ref('responses', 'Conflict');
    out['413'] = ref('responses', 'PayloadTooLarge');
    out['415'] = ref('responses', 'UnsupportedMediaType');
    out['422'] = ref('responses', 'Unprocessable');
  }
  if (operation.kind === 'delete') out['409'] = ref('responses', 'Conflict');
  if (operation.kind === 'update' || operation.kind === 'replace' || operation.kind === 'delete') {
    out['412'] = ref('responses', 'PreconditionFailed');
  }
  out['429'] = ref('responses', 'TooManyRequests');
  out['503'] = ref('responses', 'Unavailable');
  return out;
}

function json(schema: JsonSchema, example?: unknown): JsonSchema {
  return { 'application/json': { schema, ...(example === undefined ? {} : { example }) } };
}

function rowEnvelope(resource: Resource): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'links'],
    properties: { data: ref('schemas', schemaName(resource)), links: ref('schemas', 'RowLinks') },
  };
}

/** `POST` with a JSON array: the rows created, all in one transaction. */
function bulkEnvelope(resource: Resource): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'links'],
    properties: {
      data: { type: 'array', items: ref('schemas', schemaName(resource)) },
      links: {
        type: 'object',
        required: ['collection'],
        properties: { collection: { type: 'string', format: 'uri' } },
      },
    },
  };
}

function successResponse(
  operation: ApiOperation,
  row: ExampleRow,
  base: string,
  description: JsonSchema,
): Record<string, JsonSchema> {
  const { resource } = operation;
  const self = `${base}/${resource.name}`;
  const rowLinks = { self: `${self}/${rowId(resource, row)}`, collection: self };
  switch (operation.kind) {
    case 'list':
      return {
        '200': {
          description: `A page of ${resource.name}, or with aggregate=/group_by= a page of groups (\`meta.total\` counts groups). ${EXPORT_NOTE}`,
          content: {
            ...json(
              pageSchema({
                anyOf: [ref('schemas', schemaName(resource)), ref('schemas', schemaName(resource, 'Group'))],
              }),
              {
                data: [row],
                meta: { total: 1, page: 1, per_page: 25, total_pages: 1 },
                links: { self: `${self}?page=1`, first: `${self}?page=1`, last: `${self}?page=1` },
              },
            ),
            ...exportContent(row),
          },
        },
      };
    case 'get':
      return {
        '200': {
          description: 'The row (with its embedded relations when include= asks).',
          headers: {
            ETag: responseHeader('ETag'),
            'Cache-Control': {
              description: '`private, no-cache` when the answer has an ETag (revalidate with If-None-Match)',
              schema: { type: 'string' },
            },
          },
          content: json(rowEnvelope(resource), { data: row, links: rowLinks }),
        },
        '304': {
          description: "Not modified: If-None-Match matches the row's ETag.",
          headers: { ETag: responseHeader('ETag') },
        },
      };
    case 'update':
    case 'replace':
      return {
        '200': {
          description: 'The row as stored (as the transaction read it back; with tx=rollback, as it would have been).',
          headers: { ETag: responseHeader('ETag'), 'Preference-Applied': responseHeader('PreferenceApplied') },
          content: json(rowEnvelope(resource), { data: row, links: rowLinks }),
        },
        '204': {
          description: 'Updated, no body (Prefer: return=minimal).',
          headers: { ETag: responseHeader('ETag'), 'Preference-Applied': responseHeader('PreferenceApplied') },
        },
      };
    case 'create':
      return {
        '201': {
          description:
            'The stored row (as read back in the same transaction); for a JSON array body, every row created (`data` is an array). No body with Prefer: return=minimal.',
          headers: {
            Location: responseHeader('Location'),
            ETag: responseHeader('ETag'),
            'Preference-Applied': responseHeader('PreferenceApplied'),
          },
          content: json({ anyOf: [rowEnvelope(resource), bulkEnvelope(resource)] }, { data: row, links: rowLinks }),
        },
      };
    case 'delete':
      return {
        '204': {
          description: 'Deleted (with Prefer: tx=rollback, nothing was kept).',
          headers: { 'Preference-Applied': responseHeader('PreferenceApplied') },
        },
      };
    case 'schema':
      return {
        '200': {
          description: `Fields, relations and operations of ${resource.name}.`,
          content: json(
            { type: 'object', required: ['data'], properties: { data: ref('schemas', 'ResourceDescription') } },
            { data: description },
          ),
        },
      };
  }
}

/** What the operations of one resource are documented against: the catalog and the caller's rights. */
export interface PathContext {
  readonly catalog: Catalog;
  readonly access: Access;
  readonly base: string;
  /** `GET /{resource}/schema`'s answer, the schema operation's example. */
  readonly description: JsonSchema;
}

function getParameters(resource: Resource, ctx: PathContext): JsonSchema[] {
  const parameters: JsonSchema[] = [
    {
      name: 'fields',
      in: 'query',
      description: 'Sparse fieldset. For included relations: `fields[path]=a,b`.',
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { type: 'string', enum: resource.fields.map((f) => f.name) } },
    },
  ];
  const include = includeParameter(ctx.catalog, resource, ctx.access, 'get');
  if (include !== null) {
    parameters.push(include, {
      name: 'filter',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        'Only filters on the rows of an included to-many relation: `include=payments&filter[payments.amount.gte]=100` (a filter on the row itself is 400 PAS110).',
      schema: { type: 'object', additionalProperties: { type: 'string' } },
    });
  }
  parameters.push(headerParameter('IfNoneMatch'));
  return parameters;
}

function writeParameters(kind: ApiOperation['kind']): JsonSchema[] {
  if (kind === 'create') return [headerParameter('Prefer')];
  if (kind === 'update' || kind === 'replace' || kind === 'delete') {
    return [headerParameter('IfMatch'), headerParameter('Prefer')];
  }
  return [];
}

function requestBody(operation: ApiOperation, body: unknown): JsonSchema | undefined {
  const { resource, kind } = operation;
  if (kind === 'create') {
    const one = ref('schemas', schemaName(resource, 'Create'));
    return {
      required: true,
      description: 'One row, or a JSON array of up to 1,000 rows created in one transaction (all or nothing).',
      content: json({ oneOf: [one, { type: 'array', items: one, minItems: 1, maxItems: 1000 }] }, body ?? {}),
    };
  }
  if (kind === 'update' || kind === 'replace') {
    return { required: true, content: json(ref('schemas', schemaName(resource, 'Update')), body ?? {}) };
  }
  return undefined;
}

function operationObject(operation: ApiOperation, row: ExampleRow, ctx: PathContext): JsonSchema {
  const { resource, kind } = operation;
  const example = operationExample(operation, row);
  const parameters: JsonSchema[] = [];
  if (kind === 'list') parameters.push(...listParameters(ctx.catalog, resource, row, ctx.access));
  if (kind === 'get') parameters.push(...getParameters(resource, ctx));
  parameters.push(...writeParameters(kind));
  const body = requestBody(operation, example.body);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `Needs the \`${operation.right}\` right on \`${resource.name}\`${operation.right === 'read' ? '' : ' and the `write` scope'}. Docs: /api_docs#/${operation.anchor}`,
    tags: [resource.name],
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined ? {} : { requestBody: body }),
    responses: { ...successResponse(operation, row, ctx.base, ctx.description), ...errorResponses(operation) },
  };
}

/** Path items keyed by path (`/invoices`, `/invoices/{id}`, `/invoices/schema`) for these operations of one resource. */
export function resourcePaths(
  operations: readonly ApiOperation[],
  row: ExampleRow,
  ctx: PathContext,
): Record<string, JsonSchema> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (operation.path.endsWith('{id}') && item.parameters === undefined)
      item.parameters = [idParameter(operation.resource, row)];
    item[operation.method.toLowerCase()] = operationObject(operation, row, ctx);
  }
  return paths;
}
