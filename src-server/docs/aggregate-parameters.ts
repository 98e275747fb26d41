/**
 * The aggregate parameters of a list as OpenAPI parameter objects, mirroring
 * `parse/parse-aggregate-query.ts`: `aggregate=count,sum:total,…`, `group_by=` (columns, to-one
 * related columns, date buckets; at most 5 keys) and `having[measure.op]=v`. Patterns list the
 * resource's own fields, so a client generator or validator knows which measures exist.
 */
import type { Field, Resource } from '../catalog/catalog.ts';
import { DATE_BUCKETS } from '../parse/rows-request.ts';
import type { JsonSchema } from './field-schema.ts';
import { alternatives, dateFields, numericFields } from './group-schema.ts';

const HAVING_OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in'];

/** `count|(sum|avg)_(…)|(min|max|count_distinct)_(…)` with `sep` between function and field. */
function measures(resource: Resource, sep: string): string {
  const numeric = numericFields(resource);
  const parts = ['count', `(min|max|count_distinct)${sep}${alternatives(resource.fields)}`];
  if (numeric.length > 0) parts.push(`(sum|avg)${sep}${alternatives(numeric)}`);
  return `(${parts.join('|')})`;
}

/** A field worth grouping by in an example: a coded one (status), else a date (by month), else the first. */
export function exampleGroupKey(resource: Resource): string | undefined {
  const coded = resource.fields.find((f) => f.labels !== null && !f.primaryKey);
  if (coded !== undefined) return coded.name;
  const date = dateFields(resource)[0];
  if (date !== undefined) return `${date.name}:month`;
  return resource.fields.find((f) => !f.primaryKey)?.name;
}

/** `count`, plus the sum of an amount (a decimal column) where the resource has one. */
export function exampleMeasures(resource: Resource): string[] {
  const amount: Field | undefined = resource.fields.find((f) => f.type === 'decimal' || f.type === 'float');
  return amount === undefined ? ['count'] : ['count', `sum:${amount.name}`];
}

export function aggregateParameters(resource: Resource): JsonSchema[] {
  const key = exampleGroupKey(resource);
  const example = exampleMeasures(resource);
  const buckets = DATE_BUCKETS.join('|');
  const dates = dateFields(resource);
  const ownKey =
    dates.length > 0
      ? `${alternatives(resource.fields)}|${alternatives(dates)}:(${buckets})`
      : alternatives(resource.fields);
  return [
    {
      name: 'aggregate',
      in: 'query',
      style: 'form',
      explode: false,
      description:
        "Turns the list into groups (one group without group_by): `count`, `sum:field`, `avg:field` (numeric fields), `min:field`, `max:field`, `count_distinct:field`; at most 20. Measures are named `count`, `sum_total`, `count_distinct_clientid`…; sums are rounded to the column's scale and averages to scale + 4 decimals. Filters, `where` and `has[…]` choose the rows first. The answer is a page of groups: `meta.total` is the number of groups; `sort` takes measures and keys (`sort=-sum_total`), `page`/`per_page` page the groups. `fields` and `since` do not apply (400 PAS126).",
      schema: {
        type: 'array',
        items: { type: 'string', pattern: `^${measures(resource, ':')}$` },
        minItems: 1,
        maxItems: 20,
      },
      example,
    },
    {
      name: 'group_by',
      in: 'query',
      style: 'form',
      explode: false,
      description: `Group keys, at most 5: fields (\`${key ?? 'status'}\`), columns through to-one relations (\`client.country\`), date buckets of date fields \`field:day|week|month|quarter|year\` (\`2026-06-30\`, ISO week \`2026-W27\`, \`2026-06\`, \`2026-Q2\`, \`2026\`). Keys are named in the groups as written here. Without aggregate=, the measure is count. A key through a relation needs read on its resource.`,
      schema: {
        type: 'array',
        items: { type: 'string', pattern: `^((${ownKey})|[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+){1,3}(:(${buckets}))?)$` },
        minItems: 1,
        maxItems: 5,
      },
      ...(key === undefined ? {} : { example: [key] }),
    },
    {
      name: 'having',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description: `Filters groups by a measure of the request: \`having[sum_total.gte]=1000\`; operators ${HAVING_OPERATORS.join(', ')} (\`between\` takes two comma-separated values, \`in\`/\`not_in\` a comma list); min/max values are typed as their field, others are numbers. Needs aggregate= or group_by= (400 PAS128).`,
      schema: {
        type: 'object',
        patternProperties: {
          [`^${measures(resource, '_')}(\\.(${HAVING_OPERATORS.join('|')}))?$`]: { type: 'string' },
        },
        additionalProperties: false,
      },
    },
  ];
}
