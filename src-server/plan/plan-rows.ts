/**
 * plan: a window of rows (`RowsRequest`) → a SELECT, alone or for a batch of parents. The order
 * always ends with the primary key, so windows never overlap or skip rows (as REST pages).
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { RowsRequest } from '../parse/rows-request.ts';
import { orderOf, planWhere } from './plan-read.ts';
import type { RelatedSelectPlan, SelectPlan } from './query-plan.ts';
import { andWhere, scopeWhere, type RelatedScope } from './related-scope.ts';

function selectOf(catalog: Catalog, request: RowsRequest, extraColumn: string | null): SelectPlan {
  const columns = request.fields.map((f) => f.name);
  if (extraColumn !== null && !columns.includes(extraColumn)) columns.push(extraColumn);
  return {
    kind: 'select',
    table: request.resource.table,
    columns,
    where: request.where === null ? null : planWhere(catalog, request.where),
    orderBy: orderOf(catalog, { resource: request.resource, sort: request.sort, since: null }),
    limit: request.limit,
    offset: request.offset,
  };
}

/** Plans the rows of one resource: `SELECT … WHERE … ORDER BY … LIMIT ? OFFSET ?`. */
export function planRows(catalog: Catalog, request: RowsRequest): SelectPlan {
  return selectOf(catalog, request, null);
}

/**
 * Plans the rows related to a batch of parents in one statement. With `perParent`, the window
 * applies to each parent's rows (to-many lists); without it every matching row is read (to-one
 * lookups by a unique key, where each parent has at most one row).
 */
export function planRelatedRows(
  catalog: Catalog,
  request: RowsRequest,
  scope: RelatedScope,
  perParent: boolean,
): SelectPlan | RelatedSelectPlan {
  const base = selectOf(catalog, request, scope.column);
  const select: SelectPlan = { ...base, where: andWhere(scopeWhere(scope), base.where), limit: null, offset: 0 };
  if (!perParent) return select;
  return { kind: 'related-select', select, partitionBy: scope.column, limit: request.limit, offset: request.offset };
}
