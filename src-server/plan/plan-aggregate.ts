/**
 * plan: grouped measures (`AggregateRequest`) → an AggregatePlan, alone or for a batch of parents
 * (the parent key then leads the group keys, so one statement answers every parent). GraphQL's
 * aggregates and REST's `aggregate=`/`group_by=` both come through here, so they cannot diverge.
 */
import type { Catalog, Field } from '../catalog/catalog.ts';
import type { AggregateRequest, GroupKey } from '../parse/rows-request.ts';
import { planColumn, planWhere } from './plan-read.ts';
import type { AggregatePlan, GroupCountPlan, PlanGroupKey, PlanMeasure, PlanWhere } from './query-plan.ts';
import { andWhere, scopeWhere, type RelatedScope } from './related-scope.ts';

function zeroDateOf(field: Field | null): PlanMeasure['zeroDate'] {
  return field?.type === 'date' ? 'date' : field?.type === 'datetime' ? 'datetime' : null;
}

/** The request's group keys: REST's richer `keys`, else GraphQL's plain columns. */
export function groupKeysOf(request: AggregateRequest): readonly GroupKey[] {
  return request.keys ?? request.groupBy.map((field) => ({ column: { path: [], field }, bucket: null }));
}

/**
 * Plans an aggregate. `limit` caps the number of groups read (callers ask one more than they
 * accept, to tell "too many groups" from "exactly enough"); a request's `window` pages the groups.
 * With a scope, the scope's column is the first group key (`g0`) and the request's keys follow.
 * `where` adds conditions the AST cannot hold (REST's `has`, planned as EXISTS).
 */
export function planAggregate(
  catalog: Catalog,
  request: AggregateRequest,
  options: { readonly scope?: RelatedScope; readonly limit?: number; readonly where?: PlanWhere | null } = {},
): AggregatePlan {
  const where = andWhere(request.where === null ? null : planWhere(catalog, request.where), options.where ?? null);
  const keys: PlanGroupKey[] = groupKeysOf(request).map((key) => ({
    column: planColumn(catalog, key.column),
    bucket: key.bucket,
  }));
  const scoped = options.scope === undefined ? 0 : 1;
  if (options.scope !== undefined)
    keys.unshift({ column: { hops: [], column: options.scope.column, zeroDate: null }, bucket: null });
  return {
    kind: 'aggregate',
    table: request.resource.table,
    where: options.scope === undefined ? where : andWhere(scopeWhere(options.scope), where),
    groupBy: keys,
    measures: request.measures.map((m) => ({ fn: m.fn, column: m.field?.name ?? null, zeroDate: zeroDateOf(m.field) })),
    having: request.having ?? [],
    orderBy: (request.order ?? []).map((o) => ({ ...o, index: o.by === 'key' ? o.index + scoped : o.index })),
    limit: request.window?.limit ?? options.limit ?? null,
    offset: request.window?.offset ?? 0,
  };
}

/** Plans the count of the groups an aggregate produces, without its order or page. */
export function planGroupCount(plan: AggregatePlan): GroupCountPlan {
  return { kind: 'group-count', aggregate: { ...plan, orderBy: [], limit: null, offset: 0 } };
}
