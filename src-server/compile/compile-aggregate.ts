/**
 * Compiles an `AggregatePlan`: group keys as `g0…`, measures as `m0…`, groups in key order.
 * min/max skip MySQL zero dates (NULLIF), because the API serves them as null and an earliest
 * due date of "0000-00-00" would be a value nobody can see in the rows.
 */
import type { AggregatePlan, PlanMeasure } from '../plan/query-plan.ts';
import { compileWhere, type WhereContext } from './compile-where.ts';

const BASE = 't0';

function compileMeasure(ctx: WhereContext, measure: PlanMeasure): void {
  const q = ctx.dialect.quote;
  if (measure.column === null) {
    ctx.sql.text('COUNT(*)');
    return;
  }
  const col = `${q(BASE)}.${q(measure.column)}`;
  const fn = measure.fn.toUpperCase();
  if ((measure.fn === 'min' || measure.fn === 'max') && measure.zeroDate !== null) {
    ctx.sql
      .text(`${fn}(NULLIF(${col}, `)
      .param(measure.zeroDate === 'date' ? '0000-00-00' : '0000-00-00 00:00:00')
      .text('))');
    return;
  }
  ctx.sql.text(measure.fn === 'count' ? `COUNT(${col})` : `${fn}(${col})`);
}

export function compileAggregate(ctx: WhereContext, plan: AggregatePlan): void {
  const q = ctx.dialect.quote;
  const keys = plan.groupBy.map((c) => `${q(BASE)}.${q(c)}`);
  ctx.sql.text('SELECT ');
  keys.forEach((key, i) => ctx.sql.text(`${key} AS ${q(`g${i}`)}, `));
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
  if (keys.length > 0) ctx.sql.text(` GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}`);
  if (plan.limit !== null) ctx.sql.text(' LIMIT ').param(plan.limit);
}
