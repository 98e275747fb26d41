/**
 * plan: grouped measures (`AggregateRequest`) → an AggregatePlan, alone or for a batch of parents
 * (the parent key then leads the group keys, so one statement answers every parent).
 */
import type { Catalog, Field } from '../catalog/catalog.ts';
import type { AggregateRequest } from '../parse/rows-request.ts';
import { planWhere } from './plan-read.ts';
import type { AggregatePlan, PlanMeasure } from './query-plan.ts';
import { andWhere, scopeWhere, type RelatedScope } from './related-scope.ts';

function zeroDateOf(field: Field | null): PlanMeasure['zeroDate'] {
  return field?.type === 'date' ? 'date' : field?.type === 'datetime' ? 'datetime' : null;
}

/**
 * Plans an aggregate. `limit` caps the number of groups read (callers ask one more than they
 * accept, to tell "too many groups" from "exactly enough"). With a scope, the scope's column is the
 * first group key (`g0`) and the request's keys follow.
 */
export function planAggregate(
  catalog: Catalog,
  request: AggregateRequest,
  options: { readonly scope?: RelatedScope; readonly limit?: number } = {},
): AggregatePlan {
  const where = request.where === null ? null : planWhere(catalog, request.where);
  const keys = request.groupBy.map((f) => f.name);
  return {
    kind: 'aggregate',
    table: request.resource.table,
    where: options.scope === undefined ? where : andWhere(scopeWhere(options.scope), where),
    groupBy: options.scope === undefined ? keys : [options.scope.column, ...keys],
    measures: request.measures.map((m) => ({ fn: m.fn, column: m.field?.name ?? null, zeroDate: zeroDateOf(m.field) })),
    limit: options.limit ?? null,
  };
}
