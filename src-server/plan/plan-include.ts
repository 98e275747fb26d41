/**
 * plan: one included relation for a batch of parent keys → the batched SELECT of `plan-rows.ts`
 * (`key IN (…)`, the polymorphic type filter, a per-parent window for to-many lists). Each level of
 * includes costs one statement per relation (per target type for a polymorphic one), whatever the
 * number of parents.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import type { IncludeNode } from '../parse/list-request.ts';
import type { RowsRequest } from '../parse/rows-request.ts';
import { planRelatedRows } from './plan-rows.ts';
import type { RelatedSelectPlan, SelectPlan } from './query-plan.ts';

/** Columns rows must carry for their includes: each relation's local column, a polymorphic type column. */
export function includeKeyColumns(nodes: readonly IncludeNode[]): string[] {
  const columns = new Set<string>();
  for (const node of nodes) {
    columns.add(node.relation.localColumn);
    if (node.relation.polymorphic !== null) columns.add(node.relation.polymorphic.typeColumn);
  }
  return [...columns];
}

/** `fields` plus the key columns, as catalog fields (a key that is not exposed cannot be followed). */
function withKeys(resource: Resource, fields: readonly Field[], keys: readonly string[]): Field[] {
  const out = [...fields];
  for (const name of keys) {
    if (out.some((f) => f.name === name)) continue;
    const field = resource.fields.find((f) => f.name === name);
    if (field === undefined)
      throw new Problem('PAS125', `\`${resource.name}\`.${name} is not exposed, so its relation cannot be followed`);
    out.push(field);
  }
  return out;
}

/** Whether `column` is the whole primary key of `resource` (a lookup then finds one row per key). */
function isKey(resource: Resource, column: string): boolean {
  return resource.primaryKey.length === 1 && resource.primaryKey[0] === column;
}

/** Plans the rows of a non-polymorphic include for these parent keys. */
export function planInclude(
  catalog: Catalog,
  node: IncludeNode,
  keys: readonly SqlValue[],
): SelectPlan | RelatedSelectPlan {
  const target = node.target as Resource;
  const request: RowsRequest = {
    kind: 'rows',
    resource: target,
    fields: withKeys(target, node.fields ?? target.fields, includeKeyColumns(node.children)),
    where: node.where,
    sort: node.sort,
    limit: node.limit,
    offset: 0,
  };
  const scope = { column: node.relation.remoteColumn, keys, typeFilter: node.relation.remoteTypeFilter };
  // A to-one lookup by the target's key needs no window; any other column may repeat, so each
  // parent keeps its first row by primary key (as GraphQL's to-one resolver does).
  const perParent = node.relation.kind === 'to-many' || !isKey(target, node.relation.remoteColumn);
  return planRelatedRows(catalog, request, scope, perParent);
}

/** Plans the rows of one target type of a polymorphic include (`tasks.rel` where rel_type = 'invoice'). */
export function planPolymorphicInclude(
  catalog: Catalog,
  target: Resource,
  remoteColumn: string,
  keys: readonly SqlValue[],
): SelectPlan | RelatedSelectPlan {
  const request: RowsRequest = {
    kind: 'rows',
    resource: target,
    fields: target.fields,
    where: null,
    sort: [],
    limit: 1,
    offset: 0,
  };
  return planRelatedRows(
    catalog,
    request,
    { column: remoteColumn, keys, typeFilter: null },
    !isKey(target, remoteColumn),
  );
}
