/**
 * The JSON Schema of one group of `aggregate=`/`group_by=` (`serialize-group.ts`): group keys named
 * as given in group_by (`status`, `client.country`, `date:month`) and measures named `count`,
 * `<fn>_<field>` (`sum_total`, `count_distinct_clientid`), plus the rows a group key points to when
 * `include=` embeds them. Measure and key names follow patterns built from the resource's fields, so
 * a validator still refuses a member no request could produce.
 */
import type { Field, Resource } from '../catalog/catalog.ts';
import { DATE_BUCKETS } from '../parse/rows-request.ts';
import { fieldSchema, type JsonSchema } from './field-schema.ts';

const NUMERIC = new Set(['integer', 'decimal', 'float']);

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `(a|b|c)` of field names, for patterns. */
export function alternatives(fields: readonly Field[]): string {
  return `(${fields.map((f) => escapeRegex(f.name)).join('|')})`;
}

export function numericFields(resource: Resource): Field[] {
  return resource.fields.filter((f) => NUMERIC.has(f.type));
}

export function dateFields(resource: Resource): Field[] {
  return resource.fields.filter((f) => f.type === 'date' || f.type === 'datetime');
}

/** A group key through to-one relations (`client.country`, `invoice.clientid`, `client.datecreated:month`). */
export const RELATED_KEY_PATTERN = `^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+){1,3}(:(${DATE_BUCKETS.join('|')}))?$`;

/** The schema of one group of `resource`. */
export function groupSchema(resource: Resource): JsonSchema {
  const all = alternatives(resource.fields);
  const numeric = numericFields(resource);
  const dates = dateFields(resource);
  const patterns: Record<string, JsonSchema> = {
    [`^count_distinct_${all}$`]: { type: 'integer', minimum: 0, description: 'count_distinct:<field>' },
    [`^(min|max)_${all}$`]: {
      type: ['string', 'number', 'null'],
      description: 'min:<field>, max:<field>: typed as the field (zero dates skipped); null without rows',
    },
    [RELATED_KEY_PATTERN]: {
      type: ['string', 'number', 'null'],
      description: 'a group key through to-one relations, typed as that column',
    },
  };
  if (numeric.length > 0) {
    patterns[`^(sum|avg)_${alternatives(numeric)}$`] = {
      type: ['number', 'null'],
      description: "sum:<field>, avg:<field>: sums rounded to the column's scale, averages to scale + 4",
    };
  }
  if (dates.length > 0) {
    patterns[`^${alternatives(dates)}:(${DATE_BUCKETS.join('|')})$`] = {
      type: ['string', 'null'],
      description: 'a date bucket: day 2026-06-30, week 2026-W27 (ISO), month 2026-06, quarter 2026-Q2, year 2026',
    };
  }
  const measure = [`count`, `(count_distinct|min|max)_${all}`];
  if (numeric.length > 0) measure.push(`(sum|avg)_${alternatives(numeric)}`);
  return {
    type: 'object',
    description: `A group of ${resource.name} (aggregate=, group_by=): its keys, its measures, and the rows include= embeds per key.`,
    // Every group has a measure (count by default): a row, which has none, is never read as a group.
    not: { propertyNames: { not: { pattern: `^(${measure.join('|')})$` } } },
    properties: {
      count: { type: 'integer', minimum: 0, description: 'aggregate=count (the default measure)' },
      ...Object.fromEntries(
        // A key's value is the field's, typed as the row serialises it (the row schema has the details).
        resource.fields.map((f) => {
          const { type, format } = fieldSchema(f, 'response');
          return [f.name, { type, ...(format === undefined ? {} : { format }) }];
        }),
      ),
    },
    patternProperties: patterns,
    additionalProperties: {
      type: ['object', 'null'],
      description: 'a row a group key points to (include=…, to-one relations only), or null',
    },
  };
}
