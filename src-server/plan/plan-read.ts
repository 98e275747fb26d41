/** plan: a read request → the statements that answer it (rows, and the total when asked). */
import type { Catalog, Field, Relation, Resource } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import type { ColumnRef, GetRequest, ListRequest, WhereNode } from '../parse/list-request.ts';
import { planHasAll } from './plan-has.ts';
import { includeKeyColumns } from './plan-include.ts';
import type { ColumnValue, CountPlan, Hop, PlanColumn, PlanOrder, PlanWhere, SelectPlan } from './query-plan.ts';

export interface ListPlan {
  readonly kind: 'list';
  readonly resource: Resource;
  /** The fields answered; the select may read more (the key columns of included relations). */
  readonly fields: readonly Field[];
  readonly select: SelectPlan;
  readonly count: CountPlan | null;
  readonly page: number;
  readonly perPage: number;
  /** The `since` column, reported back in `meta.since_column`. */
  readonly sinceColumn: string | null;
}

export interface GetPlan {
  readonly kind: 'get';
  readonly resource: Resource;
  readonly fields: readonly Field[];
  readonly select: SelectPlan;
}

export function hopsOf(catalog: Catalog, path: readonly Relation[]): Hop[] {
  return path.map((relation) => {
    const target = relation.target === null ? undefined : catalog.byName.get(relation.target);
    if (target === undefined) throw new Problem('PAS108', `relation \`${relation.name}\` leads to a resource that is not exposed`);
    return {
      table: target.table,
      localColumn: relation.localColumn,
      remoteColumn: relation.remoteColumn,
      zeroIsNull: relation.zeroIsNull,
    };
  });
}

/** A base-table column (no hops). */
export function baseColumn(field: Field): PlanColumn {
  return { hops: [], column: field.name, zeroDate: zeroDateOf(field) };
}

function zeroDateOf(field: Field): PlanColumn['zeroDate'] {
  return field.type === 'date' ? 'date' : field.type === 'datetime' ? 'datetime' : null;
}

/** A column reference of the AST as table and column names (to-one relations become hops). */
export function planColumn(catalog: Catalog, ref: ColumnRef): PlanColumn {
  return { hops: hopsOf(catalog, ref.path), column: ref.field.name, zeroDate: zeroDateOf(ref.field) };
}

/** Converts the AST's where tree, replacing catalog references by table and column names. */
export function planWhere(catalog: Catalog, node: WhereNode): PlanWhere {
  switch (node.kind) {
    case 'condition':
      return { kind: 'condition', column: planColumn(catalog, node.column), op: node.op, value: node.value };
    case 'and':
    case 'or':
      return { kind: node.kind, items: node.items.map((item) => planWhere(catalog, item)) };
    case 'not':
      return { kind: 'not', item: planWhere(catalog, node.item) };
  }
}

/** `fields` as column names, plus `extra` columns the pipeline needs but does not answer. */
function columnsWith(fields: readonly Field[], extra: readonly string[]): string[] {
  const columns = fields.map((f) => f.name);
  for (const column of extra) if (!columns.includes(column)) columns.push(column);
  return columns;
}

/** The rows' filter with the has conditions (`[NOT] EXISTS`), as a plan. */
export function rowsWhere(catalog: Catalog, request: Pick<ListRequest, 'where' | 'has'>): PlanWhere | null {
  return and(request.where === null ? null : planWhere(catalog, request.where), planHasAll(catalog, request.has));
}

function and(a: PlanWhere | null, b: PlanWhere | null): PlanWhere | null {
  if (a === null) return b;
  if (b === null) return a;
  return { kind: 'and', items: [a, b] };
}

/** Order keys plus the primary key as a tie-breaker, so pages never overlap or skip rows. */
export function orderOf(catalog: Catalog, request: Pick<ListRequest, 'resource' | 'sort' | 'since'>): PlanOrder[] {
  const order: PlanOrder[] = request.sort.map((key) => ({ column: planColumn(catalog, key.column), direction: key.direction }));
  if (order.length === 0 && request.since !== null) {
    order.push({ column: baseColumn(request.since.column), direction: 'desc' });
  }
  for (const key of request.resource.primaryKey) {
    if (!order.some((o) => o.column.hops.length === 0 && o.column.column === key)) {
      order.push({ column: { hops: [], column: key, zeroDate: null }, direction: 'asc' });
    }
  }
  return order;
}

/** Plans `GET /api/v1/{resource}`. With `count=none`, one extra row tells whether a next page exists. */
export function planList(catalog: Catalog, request: ListRequest): ListPlan {
  const fields = request.fields ?? request.resource.fields;
  const since: PlanWhere | null =
    request.since === null
      ? null
      : { kind: 'condition', column: baseColumn(request.since.column), op: 'gte', value: request.since.from };
  const where = and(rowsWhere(catalog, request), since);
  const table = request.resource.table;
  return {
    kind: 'list',
    resource: request.resource,
    fields,
    select: {
      kind: 'select',
      table,
      columns: columnsWith(fields, includeKeyColumns(request.include)),
      where,
      orderBy: orderOf(catalog, request),
      limit: request.count === 'none' ? request.perPage + 1 : request.perPage,
      offset: (request.page - 1) * request.perPage,
    },
    count: request.count === 'exact' ? { kind: 'count', table, where } : null,
    page: request.page,
    perPage: request.perPage,
    sinceColumn: request.since?.column.name ?? null,
  };
}

/** The where clause selecting one row by its key columns and values. */
export function keyWhere(key: readonly ColumnValue[]): PlanWhere {
  const items: PlanWhere[] = key.map(({ column, value }) => ({
    kind: 'condition',
    column: { hops: [], column, zeroDate: null },
    op: 'eq',
    value,
  }));
  return items.length === 1 ? (items[0] as PlanWhere) : { kind: 'and', items };
}

/** Plans `GET /api/v1/{resource}/{id}`. */
export function planGet(request: GetRequest): GetPlan {
  const fields = request.fields ?? request.resource.fields;
  return {
    kind: 'get',
    resource: request.resource,
    fields,
    select: {
      kind: 'select',
      table: request.resource.table,
      columns: columnsWith(fields, includeKeyColumns(request.include ?? [])),
      where: keyWhere(request.resource.primaryKey.map((column, i) => ({ column, value: request.key[i] ?? null }))),
      orderBy: [],
      limit: 1,
      offset: 0,
    },
  };
}
