/**
 * The query parameters of `GET /api/v1/{resource}` as OpenAPI parameter objects, one set per
 * resource because the field names, the filterable columns and `since` depend on it. Mirrors
 * `parse/parse-list-query.ts` (the parameters it knows) and `parse/filter-operators.ts`.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { FILTER_OPERATORS } from '../parse/filter-operators.ts';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../parse/parse-list-query.ts';
import { fieldSchema, type JsonSchema } from './field-schema.ts';
import type { ExampleRow } from './example-rows.ts';
import { aggregateParameters } from './aggregate-parameters.ts';
import { hasParameter, includeParameter, limitParameter } from './relation-parameters.ts';

const OPERATOR_MEANINGS: Readonly<Record<(typeof FILTER_OPERATORS)[number], string>> = {
  eq: 'equal (the default: `filter[col]=v`)',
  ne: 'not equal (rows where the column is NULL do not match)',
  gt: 'greater than',
  gte: 'greater than or equal',
  lt: 'less than',
  lte: 'less than or equal',
  like: 'SQL LIKE: `%` and `_` wildcards, `*` accepted for `%`',
  not_like: 'SQL NOT LIKE',
  in: 'one of a comma list',
  not_in: 'none of a comma list (NULL does not match)',
  between: 'two comma-separated bounds, inclusive',
  is_null: '`true` or `false` (MySQL zero dates count as null)',
  contains: 'text contains the value (wildcards literal)',
  starts_with: 'text starts with the value',
  ends_with: 'text ends with the value',
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A Markdown table of the 15 operators, shared by every filter parameter and the /api_docs page. */
export function operatorTable(): string {
  return [
    '| operator | meaning |',
    '|---|---|',
    ...FILTER_OPERATORS.map((op) => `| \`${op}\` | ${OPERATOR_MEANINGS[op]} |`),
  ].join('\n');
}

export { OPERATOR_MEANINGS };

/** The value of `filter[field]`: the field's type and codes, without body limits and without null (`is_null` says that). */
function filterValueSchema(field: Field): JsonSchema {
  const schema = fieldSchema(field, 'request');
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type;
  const values = Array.isArray(schema.enum) ? schema.enum.filter((v) => v !== null) : undefined;
  return {
    ...(type === undefined ? {} : { type: Array.isArray(type) && type.length === 1 ? type[0] : type }),
    ...(values === undefined ? {} : { enum: values }),
    description: schema.description,
  };
}

function filterParameter(resource: Resource, row: ExampleRow): JsonSchema {
  const names = resource.fields.map((f) => escapeRegex(f.name)).join('|');
  const coded = resource.fields.find((f) => f.labels !== null && row[f.name] !== null && row[f.name] !== undefined);
  const example: Record<string, unknown> = coded === undefined ? {} : { [coded.name]: row[coded.name] };
  return {
    name: 'filter',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: [
      '`filter[field]=value` (equality) or `filter[field.op]=value`; filters are ANDed. Related columns follow to-one',
      'relations (`filter[client.country]=243`, up to 3 hops). The short form `filter=field:value` is accepted too.',
      'A path through an included (or `has[…]`) to-many relation filters those related rows instead:',
      '`include=payments&filter[payments.amount.gte]=100`.',
      '',
      operatorTable(),
    ].join('\n'),
    schema: {
      type: 'object',
      properties: Object.fromEntries(resource.fields.map((f) => [f.name, filterValueSchema(f)])),
      patternProperties: { [`^(${names})\\.(${FILTER_OPERATORS.join('|')})$`]: { type: 'string' } },
      additionalProperties: {
        type: 'string',
        description: 'a related column (`client.country`, `client.country.gte`), or a column of included to-many rows',
      },
    },
    ...(Object.keys(example).length === 0 ? {} : { example }),
  };
}

/**
 * The list parameters of one resource for one caller (include/has/limit offer only relations into
 * resources it can read). `since` exists only where a creation timestamp column does.
 */
export function listParameters(catalog: Catalog, resource: Resource, row: ExampleRow, access: Access): JsonSchema[] {
  const names = resource.fields.map((f) => f.name);
  const key = resource.primaryKey[0] ?? names[0] ?? 'id';
  const parameters: JsonSchema[] = [
    {
      name: 'fields',
      in: 'query',
      description:
        'Sparse fieldset, in the order given. For included relations: `fields[path]=a,b` (see `include`). Not with aggregates.',
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { type: 'string', enum: names }, minItems: 1 },
      example: names.slice(0, 3),
    },
    filterParameter(resource, row),
    {
      name: 'where',
      in: 'query',
      description:
        'JSON with `and`/`or`/`not`: `{"or":[{"status":2},{"total":{"gte":1000}}]}`; a scalar means eq, `null` is_null, an array in. At most 10 levels and 200 conditions.',
      schema: { type: 'string', contentMediaType: 'application/json' },
    },
    {
      name: 'sort',
      in: 'query',
      description:
        'Comma list of fields, `-` for descending; to-one relations allowed (`client.company`). The primary key is added last as tie-breaker; NULL sorts first ascending. With aggregates: measures and group keys (`-sum_total,status`), the keys ending the order. For included relations: `sort[path]=-col` (see `include`).',
      schema: { type: 'string' },
      example: `-${key}`,
    },
    { $ref: '#/components/parameters/page' },
    { $ref: '#/components/parameters/per_page' },
    { $ref: '#/components/parameters/count' },
    { $ref: '#/components/parameters/format' },
  ];
  for (const parameter of [
    includeParameter(catalog, resource, access, 'list'),
    hasParameter(catalog, resource, access),
    limitParameter(catalog, resource, access),
  ]) {
    if (parameter !== null) parameters.push(parameter);
  }
  parameters.push(...aggregateParameters(resource));
  if (resource.createdColumn !== null) {
    parameters.push({
      name: 'since',
      in: 'query',
      description: `Rows created since this time (by \`${resource.createdColumn}\`), newest first; \`meta.since_column\` names the column.`,
      schema: { type: 'string' },
      example: '2026-01-01T00:00:00',
    });
  }
  return parameters;
}

/** The parameters shared by every list: page, per_page, count. */
export const SHARED_LIST_PARAMETERS: Readonly<Record<string, JsonSchema>> = {
  page: {
    name: 'page',
    in: 'query',
    description: 'Page number, from 1.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
  per_page: {
    name: 'per_page',
    in: 'query',
    description: `Rows per page (default ${DEFAULT_PER_PAGE}, at most ${MAX_PER_PAGE}).`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
  },
  count: {
    name: 'count',
    in: 'query',
    description:
      '`none` skips the total (no `meta.total`, no `last` link): faster on large tables. On aggregates the total is the number of groups.',
    schema: { type: 'string', enum: ['exact', 'none'], default: 'exact' },
  },
  format: {
    name: 'format',
    in: 'query',
    description:
      "json (default), csv (RFC 4180: header line, CRLF; text cells starting with = + - @ get a leading `'`) or ndjson (one JSON object per line); `Accept: text/csv` or `application/x-ndjson` asks the same, and format= wins. Without page/per_page an export holds every matching row (or group), streamed from the database cursor. Not with include (400 PAS129).",
    schema: { type: 'string', enum: ['json', 'csv', 'ndjson'], default: 'json' },
  },
};
