/**
 * Embedded relations (`include=`) in schemas, as `serialize-embedded.ts` writes them: a to-one
 * relation is the target's row or null (also for Perfex's 0 keys), a to-many relation an array of
 * rows, a polymorphic one the row of whichever resource its type column names (null when the caller
 * cannot read that resource). Members are named as the parser names them (`<name>_record` where a
 * field has the relation's name). Only relations into resources the caller can read are offered:
 * including any other answers 403 (`check-relations.ts`).
 */
import type { Catalog, Relation, Resource } from '../catalog/catalog.ts';
import { canUse, type Access } from '../engine/access.ts';
import { embeddedName } from '../parse/parse-include.ts';
import type { JsonSchema } from './field-schema.ts';
import { schemaName } from './resource-schemas.ts';

const ref = (resource: Resource): JsonSchema => ({ $ref: `#/components/schemas/${schemaName(resource)}` });

/** The targets an include of `relation` can embed for `access` (one, or several for a polymorphic relation). */
function targetsOf(catalog: Catalog, relation: Relation, access: Access): Resource[] {
  const names = relation.polymorphic === null ? [relation.target] : relation.polymorphic.targets.map((t) => t.resource);
  return names
    .map((n) => (n === null ? undefined : catalog.byName.get(n)))
    .filter((r): r is Resource => r !== undefined && canUse(access, r.name, 'read'));
}

/** Relations of `resource` that `access` may name in include= (and has[…] unless polymorphic). */
export function includableRelations(catalog: Catalog, resource: Resource, access: Access): Relation[] {
  return resource.relations.filter((r) => (r.polymorphic === null ? targetsOf(catalog, r, access).length > 0 : true));
}

/** `client (to-one → clients)`: how a relation reads in parameter descriptions. */
export function describeRelation(relation: Relation): string {
  const target =
    relation.polymorphic === null
      ? relation.target
      : `${relation.polymorphic.targets.map((t) => t.resource).join('|')} by ${relation.polymorphic.typeColumn}`;
  return `\`${relation.name}\` (${relation.kind} → ${target})`;
}

/** The schema of one embedded member. */
function memberSchema(catalog: Catalog, relation: Relation, access: Access): JsonSchema {
  const targets = targetsOf(catalog, relation, access).map(ref);
  const via = `Embedded with include=${relation.name}`;
  if (relation.kind === 'to-many' && relation.polymorphic === null) {
    return { type: 'array', items: targets[0] ?? {}, description: `${via}: the related rows (limit[…] per parent).` };
  }
  return {
    anyOf: [...targets, { type: 'null' }],
    description: `${via}: the related row, or null (no row, Perfex's 0 key${relation.polymorphic === null ? '' : ', or a type the token cannot read'}).`,
  };
}

/** Properties of the embedded relations a row of `resource` may carry (none unless include= asks). */
export function relationProperties(catalog: Catalog, resource: Resource, access: Access): Record<string, JsonSchema> {
  return Object.fromEntries(
    includableRelations(catalog, resource, access).map((r) => [
      embeddedName(resource, r),
      memberSchema(catalog, r, access),
    ]),
  );
}
