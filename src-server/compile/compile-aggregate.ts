/**
 * Compiles an `AggregatePlan`: group keys as `g0…`, measures as `m0…`, groups in key order unless
 * the plan orders them (by a measure: `sort=-sum_total`), `HAVING` on measures, a page of groups.
 * min/max skip MySQL zero dates (NULLIF), because the API serves them as null and an earliest
 * due date of "0000-00-00" would be a value nobody can see in the rows. Keys that are expressions
 * (a related column, a date bucket) are grouped and ordered by their alias, which MySQL/MariaDB and
 * SQLite both accept (and which keeps a parameter inside the expression from being bound twice).
 */
import type { AggregatePlan, GroupCountPlan, PlanGroupKey, PlanMeasure } from '../plan/query-plan.ts';
import { compileDateBucket } from './compile-date-bucket.ts';
import { compileColumnValue, compileWhere, type WhereContext } from './compile-where.ts';

const BASE = 't0';
const COMPARISON: Readonly<Record<string, string>> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function compileMeasure(ctx: WhereContext, measure: PlanMeasure): void {
  const q = ctx.dialect.quote;
  if (measure.column === null) {
    ctx.sql.text('COUNT(*)');
    return;
  }
  const col = `${q(BASE)}.${q(measure.column)}`;
  if ((measure.fn === 'min' || measure.fn === 'max') && measure.zeroDate !== null) {
    ctx.sql
      .text(`${measure.fn.toUpperCase()}(NULLIF(${col}, `)
      .param(measure.zeroDate === 'date' ? '0000-00-00' : '0000-00-00 00:00:00')
      .text('))');
    return;
  }
  if (measure.fn === 'count_distinct') ctx.sql.text(`COUNT(DISTINCT ${col})`);
  else ctx.sql.text(measure.fn === 'count' ? `COUNT(${col})` : `${measure.fn.toUpperCase()}(${col})`);
}

/** A plain column of the base table is grouped by itself; anything else by its alias. */
function isPlain(key: PlanGroupKey): boolean {
  return key.bucket === null && key.column.hops.length === 0;
}

function keyRef(ctx: WhereContext, keys: readonly PlanGroupKey[], index: number): string {
  const q = ctx.dialect.quote;
  const key = keys[index] as PlanGroupKey;
  return isPlain(key) ? `${q(BASE)}.${q(key.column.column)}` : q(`g${index}`);
}

function compileKey(ctx: WhereContext, key: PlanGroupKey): void {
  if (key.bucket === null) compileColumnValue(ctx, BASE, key.column);
  else compileDateBucket(ctx, key.bucket, () => compileColumnValue(ctx, BASE, key.column), key.column.zeroDate);
}

function compileBody(ctx: WhereContext, plan: AggregatePlan): void {
  const q = ctx.dialect.quote;
  ctx.sql.text('SELECT ');
  plan.groupBy.forEach((key, i) => {
    compileKey(ctx, key);
    ctx.sql.text(` AS ${q(`g${i}`)}, `);
  });
  plan.measures.forEach((measure, i) => {
    if (i > 0) ctx.sql.text(', ');
    compileMeasure(ctx, measure);
    ctx.sql.text(` AS ${q(`m${i}`)}`);
  });
  if (plan.measures.length === 0) ctx.sql.text('COUNT(*) AS ' + q('m0'));
  ctx.sql.text(` FROM ${q(plan.table)} AS ${q(BASE)}`);
  if (plan.where !== null) {
    ctx.sql.text(' WHERE ');
    compileWhere(ctx, BASE, plan.where);
  }
  const keys = plan.groupBy.map((_, i) => keyRef(ctx, plan.groupBy, i));
  if (keys.length > 0) ctx.sql.text(` GROUP BY ${keys.join(', ')}`);
  plan.having.forEach((condition, i) => {
    ctx.sql.text(i === 0 ? ' HAVING ' : ' AND ');
    const measure = q(`m${condition.measure}`);
    const list = Array.isArray(condition.value) ? condition.value : [condition.value];
    if (condition.op === 'between')
      ctx.sql
        .text(`${measure} BETWEEN `)
        .param(list[0] ?? null)
        .text(' AND ')
        .param(list[1] ?? null);
    else if (condition.op === 'in' || condition.op === 'not_in')
      ctx.sql.text(`${measure} ${condition.op === 'in' ? 'IN' : 'NOT IN'} `).list(list);
    else ctx.sql.text(`${measure} ${COMPARISON[condition.op] ?? '='} `).param(list[0] ?? null);
  });
}

export function compileAggregate(ctx: WhereContext, plan: AggregatePlan): void {
  const q = ctx.dialect.quote;
  compileBody(ctx, plan);
  const order = plan.orderBy.map(
    (o) =>
      `${o.by === 'key' ? keyRef(ctx, plan.groupBy, o.index) : q(`m${o.index}`)}${o.direction === 'desc' ? ' DESC' : ''}`,
  );
  plan.groupBy.forEach((_, i) => {
    if (!plan.orderBy.some((o) => o.by === 'key' && o.index === i)) order.push(keyRef(ctx, plan.groupBy, i));
  });
  if (order.length > 0) ctx.sql.text(` ORDER BY ${order.join(', ')}`);
  if (plan.limit !== null) ctx.sql.text(' LIMIT ').param(plan.limit);
  if (plan.offset > 0) {
    if (plan.limit === null) ctx.sql.text(ctx.dialect.name === 'mysql' ? ' LIMIT 18446744073709551615' : ' LIMIT -1');
    ctx.sql.text(' OFFSET ').param(plan.offset);
  }
}

/** `SELECT COUNT(*) AS total FROM (aggregate) AS groups`. */
export function compileGroupCount(ctx: WhereContext, plan: GroupCountPlan): void {
  const q = ctx.dialect.quote;
  ctx.sql.text(`SELECT COUNT(*) AS ${q('total')} FROM (`);
  compileBody(ctx, plan.aggregate);
  ctx.sql.text(`) AS ${q('pas_groups')}`);
}
