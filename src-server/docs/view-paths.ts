/**
 * OpenAPI path items of the saved views (`views-router.ts`): `GET /views` (the list) and one path per
 * view the caller may run (`view-operations.ts`), with the view's typed parameters (required unless
 * they have a default), the caller's page/per_page/count/format, and the answer's shape: rows of the
 * view's resource or groups, as the view's query says.
 */
import type { ViewParam } from '../engine/view-definition.ts';
import type { ExampleRow } from './example-rows.ts';
import type { JsonSchema } from './field-schema.ts';
import { EXPORT_NOTE, exportContent, pageSchema } from './list-responses.ts';
import { schemaName } from './resource-schemas.ts';
import type { ViewOperation } from './view-operations.ts';

export const VIEWS_TAG = 'views';

const PARAM_SCHEMAS: Readonly<Record<ViewParam['type'], JsonSchema>> = {
  string: { type: 'string', maxLength: 200 },
  integer: { type: 'integer' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$' },
  boolean: { type: 'boolean' },
};

const problems = (...codes: [string, string][]): Record<string, JsonSchema> =>
  Object.fromEntries(codes.map(([status, name]) => [status, { $ref: `#/components/responses/${name}` }]));

function typedDefault(param: ViewParam): unknown {
  if (param.default === undefined) return undefined;
  if (param.type === 'integer' || param.type === 'number') return Number(param.default);
  if (param.type === 'boolean') return String(param.default) === 'true';
  return String(param.default);
}

/** An example value as JSON of the parameter's type (query values are text). */
function typedExample(param: ViewParam, value: string): unknown {
  if (param.type === 'boolean') return value === 'true';
  if ((param.type === 'integer' || param.type === 'number') && Number.isFinite(Number(value))) return Number(value);
  return value;
}

function viewParameters(operation: ViewOperation): JsonSchema[] {
  const example = new Map(operation.example);
  const own = Object.entries(operation.view.params ?? {}).map(([name, param]) => {
    const fallback = typedDefault(param);
    const schema = { ...PARAM_SCHEMAS[param.type], ...(fallback === undefined ? {} : { default: fallback }) };
    const value = example.get(name);
    return {
      name,
      in: 'query',
      required: param.default === undefined,
      description: param.description ?? `${param.type} parameter of the view (400 PAS131 when it does not fit)`,
      schema,
      ...(value === undefined ? {} : { example: typedExample(param, value) }),
    };
  });
  return [
    ...own,
    { $ref: '#/components/parameters/page' },
    { $ref: '#/components/parameters/per_page' },
    { $ref: '#/components/parameters/count' },
    { $ref: '#/components/parameters/format' },
  ];
}

function itemSchema(operation: ViewOperation): JsonSchema {
  if (operation.request === null) return { type: 'object', description: 'rows or groups, as the view defines' };
  const suffix = operation.request.aggregate === null ? '' : 'Group';
  return { $ref: `#/components/schemas/${schemaName(operation.resource, suffix)}` };
}

function viewPath(operation: ViewOperation, row: ExampleRow): JsonSchema {
  const groups = operation.request?.aggregate !== null && operation.request !== null;
  return {
    get: {
      operationId: operation.operationId,
      summary: operation.summary,
      description: `The saved view \`${operation.view.name}\` over \`${operation.resource.name}\`: ${groups ? 'groups' : 'rows'} with the list envelope. Needs the \`views\` scope and read on \`${operation.resource.name}\` and on every resource the view reaches. Docs: /api_docs#/${operation.anchor}`,
      tags: [VIEWS_TAG],
      parameters: viewParameters(operation),
      responses: {
        '200': {
          description: `A page of the view's ${groups ? 'groups' : 'rows'}. ${EXPORT_NOTE}`,
          content: {
            'application/json': { schema: pageSchema(itemSchema(operation)) },
            ...(operation.request !== null && operation.request.include.length > 0 ? {} : exportContent(row)),
          },
        },
        ...problems(
          ['400', 'BadRequest'],
          ['401', 'Unauthorized'],
          ['403', 'Forbidden'],
          ['404', 'NotFound'],
          ['429', 'TooManyRequests'],
          ['503', 'Unavailable'],
        ),
      },
    },
  };
}

const LIST_VIEWS: JsonSchema = {
  get: {
    operationId: 'listSavedViews',
    summary: 'The saved views',
    description: 'Every saved view with its parameters (name, description, resource, params). Needs the `views` scope.',
    tags: [VIEWS_TAG],
    responses: {
      '200': {
        description: 'The saved views.',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['data', 'links'],
              properties: {
                data: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'description', 'resource', 'params', 'links'],
                    properties: {
                      name: { type: 'string' },
                      description: { type: ['string', 'null'] },
                      resource: { type: 'string' },
                      params: {
                        type: 'object',
                        additionalProperties: {
                          type: 'object',
                          required: ['type'],
                          properties: {
                            type: { type: 'string', enum: Object.keys(PARAM_SCHEMAS) },
                            default: { type: ['string', 'number', 'boolean'] },
                            description: { type: 'string' },
                          },
                        },
                      },
                      links: {
                        type: 'object',
                        required: ['self'],
                        properties: { self: { type: 'string', format: 'uri' } },
                      },
                    },
                  },
                },
                links: { type: 'object', properties: { self: { type: 'string', format: 'uri' } } },
              },
            },
          },
        },
      },
      ...problems(['401', 'Unauthorized'], ['403', 'Forbidden'], ['429', 'TooManyRequests']),
    },
  },
};

/** `/views` and `/views/{name}` paths; `rows` gives each view's resource an example row. */
export function viewPaths(
  operations: readonly ViewOperation[],
  rows: (operation: ViewOperation) => ExampleRow,
): Record<string, JsonSchema> {
  const paths: Record<string, JsonSchema> = { '/views': LIST_VIEWS };
  for (const operation of operations) paths[operation.path] = viewPath(operation, rows(operation));
  return paths;
}
