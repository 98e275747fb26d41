/**
 * The embedding parameters of lists and single rows as OpenAPI parameter objects, mirroring
 * `parse/parse-include.ts`: `include=` (paths up to 3 relations), `has[path]=true|false`,
 * `limit[path]=n`. `fields[path]` and `sort[path]` share their names with the `fields` and `sort`
 * parameters (OpenAPI allows one parameter per name), so `include` describes them.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { DEFAULT_INCLUDE_LIMIT, MAX_INCLUDE_DEPTH } from '../parse/parse-include.ts';
import { MAX_PER_PAGE } from '../parse/parse-list-query.ts';
import { describeRelation, includableRelations } from './embedded-schemas.ts';
import type { JsonSchema } from './field-schema.ts';
import { escapeRegex } from './group-schema.ts';

/** A relation path starting with one of `names` (`client`, `client.contacts`, …). */
function pathPattern(names: readonly string[]): string {
  return `^(${names.map(escapeRegex).join('|')})(\\.[A-Za-z0-9_]+){0,${MAX_INCLUDE_DEPTH - 1}}$`;
}

/** Relations worth showing in an example: a to-one and a to-many into readable resources. */
export function exampleIncludes(catalog: Catalog, resource: Resource, access: Access): string[] {
  const relations = includableRelations(catalog, resource, access).filter((r) => r.polymorphic === null);
  const toOne = relations.find((r) => r.kind === 'to-one');
  const toMany = relations.find((r) => r.kind === 'to-many');
  return [toOne, toMany].filter((r) => r !== undefined).map((r) => r.name);
}

/** `include` of a list (`list`) or of a single row (`get`: no has[…], filters only on included to-many rows). */
export function includeParameter(
  catalog: Catalog,
  resource: Resource,
  access: Access,
  use: 'list' | 'get',
): JsonSchema | null {
  const relations = includableRelations(catalog, resource, access);
  if (relations.length === 0) return null;
  const example = exampleIncludes(catalog, resource, access);
  return {
    name: 'include',
    in: 'query',
    style: 'form',
    explode: false,
    description: [
      `Embeds related rows: ${relations.map(describeRelation).join(', ')}; paths up to ${MAX_INCLUDE_DEPTH} relations deep (\`client.contacts\` embeds \`client\` too), into resources the token can read (else 403 PAS313).`,
      `To-one → object or null, to-many → array, polymorphic → the row of its type's resource or null; a member named like a field is \`<name>_record\`. Per path: \`fields[path]\`, \`sort[path]\`, \`limit[path]\` (to-many rows per parent, default ${DEFAULT_INCLUDE_LIMIT}, max ${MAX_PER_PAGE}), \`filter[path.col.op]\` (through a to-many relation: filters the embedded rows).`,
      use === 'list'
        ? 'On aggregates: only a to-one relation keyed by a group key. Not with format=csv|ndjson (400 PAS129).'
        : 'No ETag then.',
    ].join(' '),
    schema: {
      type: 'array',
      items: { type: 'string', pattern: pathPattern(relations.map((r) => r.name)) },
      maxItems: 20,
    },
    ...(example.length === 0 ? {} : { example }),
  };
}

/** `has[path]=true|false`: parents with (or without) related rows. */
export function hasParameter(catalog: Catalog, resource: Resource, access: Access): JsonSchema | null {
  const relations = includableRelations(catalog, resource, access).filter((r) => r.polymorphic === null);
  if (relations.length === 0) return null;
  const toMany = relations.find((r) => r.kind === 'to-many') ?? relations[0];
  return {
    name: 'has',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: `\`has[path]=true\` keeps the rows with at least one related row, \`false\` those with none (\`has[${toMany?.name ?? 'payments'}]=true\`); with \`filter[path.col.op]\` only matching related rows count. Not through polymorphic relations.`,
    schema: {
      type: 'object',
      patternProperties: { [pathPattern(relations.map((r) => r.name))]: { type: 'string', enum: ['true', 'false'] } },
      additionalProperties: false,
    },
  };
}

/** `limit[path]=n`: rows per parent of an included to-many relation. */
export function limitParameter(catalog: Catalog, resource: Resource, access: Access): JsonSchema | null {
  const names = includableRelations(catalog, resource, access).map((r) => r.name);
  if (names.length === 0) return null;
  return {
    name: 'limit',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: `\`limit[path]=n\`: rows per parent of an included to-many relation (default ${DEFAULT_INCLUDE_LIMIT}, at most ${MAX_PER_PAGE}); the path must be included.`,
    schema: {
      type: 'object',
      patternProperties: { [pathPattern(names)]: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE } },
      additionalProperties: false,
    },
  };
}
