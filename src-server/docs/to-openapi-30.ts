/**
 * OpenAPI 3.1 → 3.0.3 for tools that do not read 3.1 yet. 3.1 schemas are JSON Schema 2020-12;
 * 3.0 has its own subset (OpenAPI 3.0.3 §4.7.24): `nullable` instead of a `null` type (also inside
 * `anyOf`), one type per schema, `example` instead of `examples`, boolean exclusive bounds, no
 * `patternProperties`, `propertyNames`, `const` or `content*` keywords. Each rewrite below is one of
 * those differences.
 */
import type { JsonSchema } from './field-schema.ts';

type Json = unknown;

/** Keys whose values are maps of name → schema (not schemas themselves). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

function convertSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v as JsonSchema)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = typeof value === 'object' && value !== null ? convertSchema(value as JsonSchema) : value;
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      out[key] = (value as JsonSchema[]).map(convertSchema);
    } else {
      out[key] = value;
    }
  }

  // type: ['integer', 'null'] → type + nullable; several non-null types → anyOf.
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    const nullable = types.length < (out.type as string[]).length;
    if (types.length === 1) {
      out.type = types[0];
      if (nullable) out.nullable = true;
    } else {
      // `nullable` needs a sibling `type` in 3.0, so it moves into each alternative.
      delete out.type;
      out.anyOf = types.map((t) => ({ type: t, ...(nullable ? { nullable: true } : {}) }));
    }
  }
  if (typeof out.exclusiveMinimum === 'number') {
    out.minimum = out.exclusiveMinimum;
    out.exclusiveMinimum = true;
  }
  if (typeof out.exclusiveMaximum === 'number') {
    out.maximum = out.exclusiveMaximum;
    out.exclusiveMaximum = true;
  }
  // `propertyNames` is not in 3.0's subset; a `not` built on it (a group's "has a measure") goes.
  if (typeof out.not === 'object' && out.not !== null && 'propertyNames' in out.not) delete out.not;
  if ('const' in out) {
    out.enum = [out.const];
    delete out.const;
  }
  if (Array.isArray(out.examples)) {
    out.example = out.examples[0];
    delete out.examples;
  }
  if (out.contentEncoding === 'base64') out.format = 'byte';
  delete out.contentEncoding;
  delete out.contentMediaType;
  if (out.patternProperties !== undefined) {
    const patterns = Object.keys(out.patternProperties as object).map((p) => `\`${p}\``);
    out.description = [out.description, `Keys also matching ${patterns.join(', ')}.`].filter(Boolean).join(' ');
    delete out.patternProperties;
    // The members the patterns described now fall to additionalProperties, which must let them through.
    if (out.additionalProperties !== undefined) out.additionalProperties = true;
  }
  // anyOf [row, {type: null}] (an embedded to-one row): 3.0 has no null type, and `nullable` needs a
  // sibling `type`, so a nullable object wraps the rows (`allOf` for one, `anyOf` for several).
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alternatives = out[key] as JsonSchema[] | undefined;
    if (!Array.isArray(alternatives) || !alternatives.some((a) => a.type === 'null')) continue;
    const rest = alternatives.filter((a) => a.type !== 'null');
    if (!rest.every((a) => a.$ref !== undefined || a.type === 'object')) continue;
    delete out[key];
    if (rest.length === 1) out.allOf = rest;
    else if (rest.length > 1) out[key] = rest;
    out.type = 'object';
    out.nullable = true;
  }
  return out;
}

/** Walks the document and converts every schema object where OpenAPI puts one. */
function walk(node: Json, parentKey: string | null): Json {
  if (Array.isArray(node)) return node.map((item) => walk(item, parentKey));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' && value !== null && typeof value === 'object') out[key] = convertSchema(value as JsonSchema);
    else if (parentKey === 'components' && key === 'schemas') {
      out[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([k, v]) => [k, convertSchema(v as JsonSchema)]),
      );
    } else out[key] = walk(value, key);
  }
  return out;
}

export function toOpenApi30(document: JsonSchema): JsonSchema {
  const { jsonSchemaDialect: _dialect, webhooks: _webhooks, ...rest } = document;
  const converted = walk(rest, null) as JsonSchema;
  return { ...converted, openapi: '3.0.3' };
}
