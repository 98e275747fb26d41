/**
 * Aggregate resolvers: `invoicesAggregate(filter:, groupBy:) { keys { … } count sum { … } … }` at the
 * root, and `client { invoicesAggregate { … } }` under a to-many relation, where one grouped
 * statement answers every parent of the level. The measures computed are exactly those selected.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Field, Relation } from '../catalog/catalog.ts';
import type { Row, SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { executeAggregate, keyText } from '../execute/execute-related.ts';
import type { AggregateFunction, AggregateRequest, Measure } from '../parse/rows-request.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { planAggregate } from '../plan/plan-aggregate.ts';
import { toManyScope } from '../plan/related-scope.ts';
import { BatchLoader } from './batch-loader.ts';
import { graphqlValue } from './field-types.ts';
import type { GraphqlContext } from './graphql-context.ts';
import type { ResourceNames } from './graphql-names.ts';
import { parseAggregateArgs, type AggregateArgs } from './parse-list-args.ts';
import { subfields } from './selection.ts';

/** One group as the aggregate types read it: GraphQL field names → values. */
export interface AggregateGroup {
  readonly keys: Record<string, unknown>;
  readonly count: number;
  readonly sum: Record<string, unknown>;
  readonly avg: Record<string, unknown>;
  readonly min: Record<string, unknown>;
  readonly max: Record<string, unknown>;
}

const MEASURE_FIELDS: readonly AggregateFunction[] = ['sum', 'avg', 'min', 'max'];

/** The measures selected under an aggregate field (`count`, `sum { total }`…), without duplicates. */
function selectedMeasures(info: GraphQLResolveInfo, names: ResourceNames, nodes: readonly FieldNode[]): Measure[] {
  const measures = new Map<string, Measure>();
  for (const node of subfields(info, nodes, `${names.type}Aggregate`)) {
    const fn = node.name.value;
    if (fn === 'count') measures.set('count', { fn: 'count', field: null });
    if (!(MEASURE_FIELDS as readonly string[]).includes(fn)) continue;
    const typeName = fn === 'sum' || fn === 'avg' ? `${names.type}AggregateNumbers` : `${names.type}AggregateBounds`;
    for (const column of subfields(info, [node], typeName)) {
      const member = names.members.get(column.name.value);
      if (member?.kind === 'column')
        measures.set(`${fn}:${member.field.name}`, { fn: fn as AggregateFunction, field: member.field });
    }
  }
  return [...measures.values()];
}

function number(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A result row (`g…` keys after `skipKeys` scope keys, `m…` measures) as an AggregateGroup. */
function toGroup(
  names: ResourceNames,
  request: AggregateRequest,
  row: Row | null,
  skipKeys: number,
  pii: PiiRandomiser | undefined,
): AggregateGroup {
  const group: AggregateGroup = { keys: {}, count: 0, sum: {}, avg: {}, min: {}, max: {} };
  const name = (field: Field): string => names.columnNames.get(field.name) ?? field.name;
  request.groupBy.forEach((field, i) => {
    group.keys[name(field)] = graphqlValue(field, row?.[`g${i + skipKeys}`] ?? null, pii);
  });
  let count = 0;
  request.measures.forEach((measure, i) => {
    const value = row?.[`m${i}`] ?? null;
    if (measure.field === null) count = number(value) ?? 0;
    else if (measure.fn === 'sum') group.sum[name(measure.field)] = exactSum(measure.field, number(value));
    else if (measure.fn === 'avg') group.avg[name(measure.field)] = number(value);
    else if (measure.fn === 'min' || measure.fn === 'max')
      group[measure.fn][name(measure.field)] = graphqlValue(measure.field, value, pii);
  });
  return { ...group, count };
}

/**
 * A sum of decimal(p,s) values has at most s decimals; SQLite adds them as doubles
 * (67864.98999999999), MySQL exactly, so rounding to the scale makes both say 67864.99.
 */
function exactSum(field: Field, value: number | null): number | null {
  return value === null || field.type !== 'decimal' || field.scale === null ? value : Number(value.toFixed(field.scale));
}

function tooManyGroups(max: number): Problem {
  return new Problem('PAS123', `groupBy produced more than ${max} groups`, {
    hint: 'filter the rows, or group by fewer or coarser columns',
  });
}

/** `invoicesAggregate(…)`: the groups (one group, over every matching row, without groupBy). */
export async function resolveAggregate(
  ctx: GraphqlContext,
  names: ResourceNames,
  args: AggregateArgs,
  info: GraphQLResolveInfo,
): Promise<AggregateGroup[]> {
  const max = ctx.options.maxListSize;
  const request = ctx.timer.time('parse', () =>
    parseAggregateArgs(ctx, names, args, selectedMeasures(info, names, info.fieldNodes)),
  );
  const plan = ctx.timer.time('plan', () => planAggregate(ctx.catalog, request, { limit: max + 1 }));
  const rows = await ctx.timer.timeAsync('execute', () => executeAggregate(ctx.engine.driver, plan));
  if (rows.length > max) throw tooManyGroups(max);
  ctx.rows += rows.length;
  return ctx.timer.time('serialize', () => rows.map((row) => toGroup(names, request, row, 0, ctx.pii)));
}

/** `client { invoicesAggregate(…) }`: every parent of the level in one grouped statement. */
export async function resolveRelatedAggregate(
  ctx: GraphqlContext,
  relation: Relation,
  target: ResourceNames,
  parent: Row,
  args: AggregateArgs,
  info: GraphQLResolveInfo,
): Promise<AggregateGroup[]> {
  const key = parent[relation.localColumn];
  const { request, loader } = ctx.perField(info, 'aggregate', () => {
    const request = ctx.timer.time('parse', () =>
      parseAggregateArgs(ctx, target, args, selectedMeasures(info, target, info.fieldNodes)),
    );
    const loader = new BatchLoader<Row[]>(async (keys: readonly SqlValue[]) => {
      const plan = ctx.timer.time('plan', () =>
        planAggregate(ctx.catalog, request, { scope: toManyScope(relation, keys) }),
      );
      const rows = await ctx.timer.timeAsync('execute', () => executeAggregate(ctx.engine.driver, plan));
      ctx.rows += rows.length;
      const groups = new Map<string, Row[]>();
      for (const row of rows) {
        const group = groups.get(keyText(row.g0));
        if (group === undefined) groups.set(keyText(row.g0), [row]);
        else group.push(row);
      }
      return groups;
    }, []);
    return { request, loader };
  });
  const empty = (): AggregateGroup[] => (request.groupBy.length === 0 ? [toGroup(target, request, null, 0, ctx.pii)] : []);
  if (key === null || key === undefined || (relation.zeroIsNull && Number(key) === 0)) return empty();
  const rows = await loader.load(key as SqlValue);
  if (rows.length === 0) return empty();
  if (rows.length > ctx.options.maxListSize) throw tooManyGroups(ctx.options.maxListSize);
  return rows.map((row) => toGroup(target, request, row, 1, ctx.pii));
}
