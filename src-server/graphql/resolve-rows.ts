/**
 * Resolvers that read rows: root lists and single rows, and relations loaded per level with one
 * `WHERE key IN (…)` statement (per-parent windows for to-many lists). Each runs the engine's
 * stages (parse → plan → compile/execute), timed for Server-Timing; no SQL is written here.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Relation } from '../catalog/catalog.ts';
import type { Row, SqlValue } from '../db/driver.ts';
import { executeRelated } from '../execute/execute-related.ts';
import { executeSelect } from '../execute/execute.ts';
import { parseKey } from '../parse/parse-list-query.ts';
import type { RowsRequest } from '../parse/rows-request.ts';
import { planGet } from '../plan/plan-read.ts';
import { planRelatedRows, planRows } from '../plan/plan-rows.ts';
import { toManyScope } from '../plan/related-scope.ts';
import { BatchLoader } from './batch-loader.ts';
import type { GraphqlContext } from './graphql-context.ts';
import type { ResourceNames } from './graphql-names.ts';
import { parseListArgs, type ListArgs } from './parse-list-args.ts';
import { selectedFields } from './selection.ts';

/** Rows of a polymorphic relation carry the GraphQL type they resolved to. */
export const ROW_TYPE = Symbol('graphql row type');

/** A relation key that stands for "no related row": NULL, or 0 where Perfex uses 0 that way. */
function noKey(relation: Relation, value: unknown): value is null | undefined {
  return value === null || value === undefined || (relation.zeroIsNull && Number(value) === 0);
}

/** `invoices(filter:, sort:, limit:…)` */
export async function resolveList(
  ctx: GraphqlContext,
  names: ResourceNames,
  args: ListArgs,
  info: GraphQLResolveInfo,
): Promise<Row[]> {
  const request = ctx.timer.time('parse', () =>
    parseListArgs(ctx, names, args, selectedFields(info, names, info.fieldNodes)),
  );
  const plan = ctx.timer.time('plan', () => planRows(ctx.catalog, request));
  const rows = await ctx.timer.timeAsync('execute', () => executeSelect(ctx.engine.driver, plan));
  ctx.rows += rows.length;
  return rows;
}

/** `invoice(id:)`: the row, or null when there is none (GraphQL's answer for a missing row). */
export async function resolveSingle(
  ctx: GraphqlContext,
  names: ResourceNames,
  id: string,
  info: GraphQLResolveInfo,
): Promise<Row | null> {
  const request = ctx.timer.time('parse', () => ({
    kind: 'get' as const,
    resource: names.resource,
    key: parseKey(names.resource, id),
    fields: selectedFields(info, names, info.fieldNodes),
  }));
  const plan = ctx.timer.time('plan', () => planGet(request));
  const rows = await ctx.timer.timeAsync('execute', () => executeSelect(ctx.engine.driver, plan.select));
  ctx.rows += rows.length;
  return rows[0] ?? null;
}

/** Loads the rows of `target` whose `column` holds one of the keys; one statement per batch. */
function rowsLoader(ctx: GraphqlContext, request: RowsRequest, column: string, perParent: boolean): BatchLoader<Row[]> {
  return new BatchLoader<Row[]>(async (keys: readonly SqlValue[]) => {
    const scope = { column, keys, typeFilter: null };
    const plan = ctx.timer.time('plan', () => planRelatedRows(ctx.catalog, request, scope, perParent));
    const groups = await ctx.timer.timeAsync('execute', () => executeRelated(ctx.engine.driver, plan, column));
    for (const rows of groups.values()) ctx.rows += rows.length;
    return groups;
  }, []);
}

/** The row a to-one relation points to, read with every other row of the level. */
export async function resolveToOne(
  ctx: GraphqlContext,
  relation: Relation,
  target: ResourceNames,
  parent: Row,
  info: GraphQLResolveInfo,
): Promise<Row | null> {
  const key = parent[relation.localColumn];
  if (noKey(relation, key)) return null;
  const loader = ctx.perField(info, 'one', () => {
    const fields = selectedFields(info, target, info.fieldNodes);
    const key = target.resource.primaryKey;
    // A lookup by the target's own key finds one row per parent; any other column may repeat, so
    // each parent keeps its first row by primary key (as a join on a non-unique column would not).
    const unique = key.length === 1 && key[0] === relation.remoteColumn;
    const request: RowsRequest = {
      kind: 'rows',
      resource: target.resource,
      fields,
      where: null,
      sort: [],
      limit: 1,
      offset: 0,
    };
    return rowsLoader(ctx, request, relation.remoteColumn, !unique);
  });
  return (await loader.load(key as SqlValue))[0] ?? null;
}

/** The rows of a to-many relation, filtered, sorted and windowed per parent. */
export async function resolveToMany(
  ctx: GraphqlContext,
  relation: Relation,
  target: ResourceNames,
  parent: Row,
  args: ListArgs,
  info: GraphQLResolveInfo,
): Promise<Row[]> {
  const key = parent[relation.localColumn];
  if (noKey(relation, key)) return [];
  const loader = ctx.perField(info, 'many', () => {
    const fields = selectedFields(info, target, info.fieldNodes);
    const request = ctx.timer.time('parse', () => parseListArgs(ctx, target, args, fields));
    const scoped = toManyScope(relation, []);
    return new BatchLoader<Row[]>(async (keys) => {
      const plan = ctx.timer.time('plan', () => planRelatedRows(ctx.catalog, request, { ...scoped, keys }, true));
      const groups = await ctx.timer.timeAsync('execute', () =>
        executeRelated(ctx.engine.driver, plan, relation.remoteColumn),
      );
      for (const rows of groups.values()) ctx.rows += rows.length;
      return groups;
    }, []);
  });
  return loader.load(key as SqlValue);
}

/**
 * A polymorphic to-one (`tasks.rel` by `rel_type`): the row of whichever resource the type column
 * names, tagged with its GraphQL type for the union. Types the caller cannot read resolve to null.
 */
export async function resolvePolymorphic(
  ctx: GraphqlContext,
  relation: Relation,
  parent: Row,
  info: GraphQLResolveInfo,
): Promise<Row | null> {
  const polymorphic = relation.polymorphic;
  const key = parent[relation.localColumn];
  if (polymorphic === null || noKey(relation, key)) return null;
  const typeValue = String(parent[polymorphic.typeColumn] ?? '');
  const target = polymorphic.targets.find((t) => t.typeValue === typeValue);
  const names = target === undefined ? undefined : ctx.names.byResource.get(target.resource);
  if (target === undefined || names === undefined || info.schema.getType(names.type) === undefined) return null;
  const loader = ctx.perField(info, `poly:${target.resource}`, () => {
    const fields = selectedFields(info, names, info.fieldNodes);
    const request: RowsRequest = {
      kind: 'rows',
      resource: names.resource,
      fields,
      where: null,
      sort: [],
      limit: 1,
      offset: 0,
    };
    const key = names.resource.primaryKey;
    return rowsLoader(ctx, request, target.remoteColumn, !(key.length === 1 && key[0] === target.remoteColumn));
  });
  const row = (await loader.load(key as SqlValue))[0];
  return row === undefined ? null : { ...row, [ROW_TYPE]: names.type };
}
