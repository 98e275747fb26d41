/**
 * A catalog field as JSON Schema (2020-12, the dialect of OpenAPI 3.1), in two readings:
 * `response` describes what serialize writes (dates as null for MySQL zero dates, big integers as
 * strings), `request` what body validation accepts (flags as booleans too, lengths, ranges).
 * Both come from the same Field, so the documentation cannot drift from the engine.
 */
import type { Field } from '../catalog/catalog.ts';

export type JsonSchema = Record<string, unknown>;
export type SchemaUse = 'response' | 'request';

/** The integer ranges body validation enforces (`validate-body-value.ts`). */
const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  mediumint: [-8388608, 8388607],
  int: [-2147483648, 2147483647],
};

function integerRange(field: Field): readonly [number, number] | null {
  const range = INTEGER_RANGES[field.dataType];
  if (range === undefined) return null;
  return field.unsigned ? [0, range[1] * 2 + 1] : range;
}

/** Label keys as typed values: `{1: 'Unpaid'}` on an integer column → 1. */
function labelValues(field: Field): (string | number)[] | null {
  if (field.labels === null) return null;
  const keys = Object.keys(field.labels);
  if (field.type === 'integer') return keys.every((k) => /^-?\d+$/.test(k)) ? keys.map(Number) : null;
  return field.type === 'string' ? keys : null;
}

/** "1 Unpaid, 2 Paid, …" for descriptions. */
export function describeLabels(field: Field): string | null {
  if (field.labels === null) return null;
  return Object.entries(field.labels)
    .map(([code, label]) => `${code === '' ? "''" : code} = ${label}`)
    .join(', ');
}

/** A one-line description: the column type and what the catalog knows about the values. */
export function describeField(field: Field): string {
  const parts = [`\`${field.columnType}\``];
  if (field.primaryKey) parts.push('primary key');
  if (field.flag) parts.push('flag 0/1 (true/false accepted in bodies and filters)');
  const labels = describeLabels(field);
  if (labels !== null) parts.push(`values: ${labels}`);
  if (field.type === 'date' || field.type === 'datetime') parts.push('MySQL zero dates are served as null');
  if (!field.writable) parts.push('read-only');
  return parts.join('; ');
}

function baseSchema(field: Field, use: SchemaUse): JsonSchema {
  switch (field.type) {
    case 'integer': {
      if (field.flag)
        return use === 'request'
          ? { type: ['integer', 'boolean'], enum: [0, 1, true, false] }
          : { type: 'integer', enum: [0, 1] };
      const range = integerRange(field);
      // bigint beyond 2^53 is served as a decimal string so no digit is lost.
      const schema: JsonSchema =
        field.dataType === 'bigint' && use === 'response' ? { type: ['integer', 'string'] } : { type: 'integer' };
      if (range !== null) Object.assign(schema, { minimum: range[0], maximum: range[1] });
      return schema;
    }
    case 'decimal': {
      const schema: JsonSchema = { type: 'number' };
      if (use === 'request' && field.precision !== null) {
        const limit = 10 ** (field.precision - (field.scale ?? 0));
        Object.assign(schema, { exclusiveMinimum: -limit, exclusiveMaximum: limit });
      }
      return schema;
    }
    case 'float':
      return { type: 'number' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      // No zone: Perfex stores local wall-clock time, so RFC 3339 `date-time` (which needs one) does not fit.
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2})?$' };
    case 'enum':
      return { type: 'string', ...(field.enumValues === null ? {} : { enum: [...field.enumValues] }) };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64' };
    case 'json':
      return use === 'request' ? {} : { type: 'string', contentMediaType: 'application/json' };
    default:
      return { type: 'string', ...(field.maxLength === null ? {} : { maxLength: field.maxLength }) };
  }
}

/**
 * May the value be null? Responses: nullable columns, and every date column (zero dates are served
 * as null); requests: nullable columns only.
 */
function allowsNull(field: Field, use: SchemaUse): boolean {
  if (field.nullable) return true;
  return use === 'response' && (field.type === 'date' || field.type === 'datetime');
}

function withNull(schema: JsonSchema): JsonSchema {
  const type = schema.type;
  if (type === undefined) return schema;
  const next: JsonSchema = { ...schema, type: Array.isArray(type) ? [...type, 'null'] : [type, 'null'] };
  if (Array.isArray(schema.enum)) next.enum = [...schema.enum, null];
  return next;
}

/** The JSON Schema of one field's values. */
export function fieldSchema(field: Field, use: SchemaUse): JsonSchema {
  let schema = baseSchema(field, use);
  const labels = labelValues(field);
  if (labels !== null && !field.flag) schema = { ...schema, enum: labels };
  if (allowsNull(field, use)) schema = withNull(schema);
  return { ...schema, description: describeField(field) };
}
