/**
 * plan: `has[payments]=true|false` → `[NOT] EXISTS` over the relation path, with the filters on that
 * path inside (`filter[payments.amount.gte]=100&has[payments]=true` keeps invoices with such a payment).
 */
import type { Catalog, Relation } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import type { HasCondition } from '../parse/list-request.ts';
import { planWhere } from './plan-read.ts';
import type { PlanExists, PlanWhere } from './query-plan.ts';

function existsStep(catalog: Catalog, relation: Relation, where: PlanWhere | null, negate: boolean): PlanExists {
  const target = relation.target === null ? undefined : catalog.byName.get(relation.target);
  if (target === undefined)
    throw new Problem('PAS108', `relation \`${relation.name}\` leads to a resource that is not exposed`);
  return {
    kind: 'exists',
    table: target.table,
    localColumn: relation.localColumn,
    remoteColumn: relation.remoteColumn,
    zeroIsNull: relation.zeroIsNull,
    typeFilter: relation.remoteTypeFilter,
    where,
    negate,
  };
}

/** One has condition as nested EXISTS, innermost holding the path's filters. */
export function planHas(catalog: Catalog, has: HasCondition): PlanWhere {
  let where: PlanWhere | null = has.where === null ? null : planWhere(catalog, has.where);
  for (let i = has.path.length - 1; i >= 0; i--) {
    where = existsStep(catalog, has.path[i] as Relation, where, i === 0 && !has.exists);
  }
  if (where === null) throw new Problem('PAS125', 'has[…] needs a relation');
  return where;
}

/** Every has condition of a request, ANDed; null when there is none. */
export function planHasAll(catalog: Catalog, has: readonly HasCondition[]): PlanWhere | null {
  const items = has.map((h) => planHas(catalog, h));
  return items.length === 0 ? null : items.length === 1 ? (items[0] as PlanWhere) : { kind: 'and', items };
}
