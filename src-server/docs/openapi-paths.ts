/**
 * OpenAPI path items of one resource, from its operations (`api-operations.ts`): parameters, bodies,
 * responses with the problems each route can answer, and examples built from the example row.
 */
import type { Resource } from '../catalog/catalog.ts';
import type { ApiOperation } from './api-operations.ts';
import type { ExampleRow } from './example-rows.ts';
import type { JsonSchema } from './field-schema.ts';
import { listParameters } from './list-parameters.ts';
import { operationExample, rowId } from './operation-example.ts';
import { schemaName } from './resource-schemas.ts';

const ref = (kind: 'schemas' | 'responses', name: string): JsonSchema => ({ $ref: `#/components/${kind}/${name}` });

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
          description: `A page of ${resource.name}.`,
          content: json(
            {
              type: 'object',
              required: ['data', 'meta', 'links'],
              properties: {
                data: { type: 'array', items: ref('schemas', schemaName(resource)) },
                meta: ref('schemas', 'ListMeta'),
                links: ref('schemas', 'ListLinks'),
              },
            },
            {
              data: [row],
              meta: { total: 1, page: 1, per_page: 25, total_pages: 1 },
              links: { self: `${self}?page=1`, first: `${self}?page=1`, last: `${self}?page=1` },
            },
          ),
        },
      };
    case 'get':
    case 'update':
    case 'replace':
      return {
        '200': { description: 'The row.', content: json(rowEnvelope(resource), { data: row, links: rowLinks }) },
      };
    case 'create':
      return {
        '201': {
          description: 'The stored row (as read back in the same transaction).',
          headers: { Location: { description: 'URL of the new row', schema: { type: 'string', format: 'uri' } } },
          content: json(rowEnvelope(resource), { data: row, links: rowLinks }),
        },
      };
    case 'delete':
      return { '204': { description: 'Deleted.' } };
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

function operationObject(operation: ApiOperation, row: ExampleRow, base: string, description: JsonSchema): JsonSchema {
  const { resource, kind } = operation;
  const example = operationExample(operation, row);
  const parameters: JsonSchema[] = [];
  if (kind === 'list') parameters.push(...listParameters(resource, row));
  if (kind === 'get') {
    parameters.push({
      name: 'fields',
      in: 'query',
      description: 'Sparse fieldset.',
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { type: 'string', enum: resource.fields.map((f) => f.name) } },
    });
  }
  const body =
    kind === 'create' || kind === 'update' || kind === 'replace'
      ? {
          required: true,
          content: json(
            ref('schemas', schemaName(resource, kind === 'create' ? 'Create' : 'Update')),
            example.body ?? {},
          ),
        }
      : undefined;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `Needs the \`${operation.right}\` right on \`${resource.name}\`${operation.right === 'read' ? '' : ' and the `write` scope'}. Docs: /api_docs#/${operation.anchor}`,
    tags: [resource.name],
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined ? {} : { requestBody: body }),
    responses: { ...successResponse(operation, row, base, description), ...errorResponses(operation) },
  };
}

/** Path items keyed by path (`/invoices`, `/invoices/{id}`, `/invoices/schema`) for these operations of one resource. */
export function resourcePaths(
  operations: readonly ApiOperation[],
  row: ExampleRow,
  base: string,
  description: JsonSchema,
): Record<string, JsonSchema> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (operation.path.endsWith('{id}') && item.parameters === undefined)
      item.parameters = [idParameter(operation.resource, row)];
    item[operation.method.toLowerCase()] = operationObject(operation, row, base, description);
  }
  return paths;
}
