/**
 * The JSON Schemas of one resource: a row as served, the body of a create and of an update. Names
 * are the resource's in PascalCase (`Invoices`, `InvoicesCreate`, `InvoicesUpdate`, and
 * `InvoicesGroup` for a group of aggregate=) so they never collide with the shared component
 * schemas (which are suffix-free nouns like `Problem`).
 */
import type { Resource } from '../catalog/catalog.ts';
import { fieldSchema, type JsonSchema } from './field-schema.ts';

export function schemaName(resource: Resource, suffix: '' | 'Create' | 'Update' | 'Group' = ''): string {
  const base = resource.name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('');
  return `${/^\d/.test(base) ? `R${base}` : base}${suffix}`;
}

/**
 * A row: every field typed; none required, because `fields=` returns a subset. Sensitive columns
 * are not fields, so they cannot appear here; `additionalProperties: false` says so. `relations` are
 * the members `include=` may add (`embedded-schemas.ts`), absent unless asked for.
 */
export function rowSchema(resource: Resource, relations: Record<string, JsonSchema> = {}): JsonSchema {
  const embeds = Object.keys(relations).length > 0;
  return {
    type: 'object',
    description: `${resource.description} Rows of \`${resource.table}\`; \`fields=\` returns a subset of these properties${embeds ? ', `include=` adds related rows' : ''}.`,
    properties: {
      ...Object.fromEntries(resource.fields.map((f) => [f.name, fieldSchema(f, 'response')])),
      ...relations,
    },
    additionalProperties: false,
  };
}

/** The fields a body may carry: writable ones (not the key, not read-only, not auto-filled). */
function writableProperties(resource: Resource): Record<string, JsonSchema> {
  return Object.fromEntries(resource.fields.filter((f) => f.writable).map((f) => [f.name, fieldSchema(f, 'request')]));
}

export function createSchema(resource: Resource): JsonSchema {
  const required = resource.fields.filter((f) => f.writable && f.requiredOnCreate).map((f) => f.name);
  return {
    type: 'object',
    description: `A new row of ${resource.name}. Unknown, read-only and key fields are refused (422).`,
    properties: writableProperties(resource),
    ...(required.length === 0 ? {} : { required }),
    additionalProperties: false,
  };
}

export function updateSchema(resource: Resource): JsonSchema {
  return {
    type: 'object',
    description: `Fields of ${resource.name} to change; fields not given keep their values.`,
    properties: writableProperties(resource),
    additionalProperties: false,
  };
}
