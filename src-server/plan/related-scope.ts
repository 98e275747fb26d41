/**
 * The rows related to a batch of parents: `child.remote IN (parent keys)` plus, for children of a
 * polymorphic table, `child.rel_type = 'invoice'`. Loading a relation for all parents of a level
 * with one such statement keeps the number of statements independent of the number of rows.
 */
import type { Relation } from '../catalog/catalog.ts';
import type { SqlValue } from '../db/driver.ts';
import type { PlanWhere } from './query-plan.ts';

/** Most keys one statement carries; larger batches are split (SQLite allows 32,766 parameters). */
export const MAX_BATCH_KEYS = 5000;

/** Which related rows to read: those whose `column` holds one of `keys` (and the type filter). */
export interface RelatedScope {
  /** Column on the related (child or target) table matched against the keys. */
  readonly column: string;
  readonly keys: readonly SqlValue[];
  readonly typeFilter: { readonly column: string; readonly value: string } | null;
}

/** The scope of a to-many relation (children by their referencing column) for these parent keys. */
export function toManyScope(relation: Relation, keys: readonly SqlValue[]): RelatedScope {
  return { column: relation.remoteColumn, keys, typeFilter: relation.remoteTypeFilter };
}

/** The where clause of a scope. */
export function scopeWhere(scope: RelatedScope): PlanWhere {
  const keys: PlanWhere = {
    kind: 'condition',
    column: { hops: [], column: scope.column, zeroDate: null },
    op: 'in',
    value: scope.keys,
  };
  if (scope.typeFilter === null) return keys;
  const type: PlanWhere = {
    kind: 'condition',
    column: { hops: [], column: scope.typeFilter.column, zeroDate: null },
    op: 'eq',
    value: scope.typeFilter.value,
  };
  return { kind: 'and', items: [keys, type] };
}

/** `a AND b`, either side optional. */
export function andWhere(a: PlanWhere | null, b: PlanWhere | null): PlanWhere | null {
  if (a === null) return b;
  if (b === null) return a;
  return { kind: 'and', items: [a, b] };
}
