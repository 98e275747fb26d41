/**
 * Compiles a `RelatedSelectPlan`: the rows of many parents in one statement, each parent's rows
 * numbered in the requested order by `ROW_NUMBER() OVER (PARTITION BY key …)` and cut to the window.
 * Window functions exist in MariaDB since 10.2 and SQLite since 3.25, so both dialects share it.
 */
import type { PlanOrder, RelatedSelectPlan } from '../plan/query-plan.ts';
import { compileColumnValue, compileWhere, type WhereContext } from './compile-where.ts';

const BASE = 't0';
const WINDOW = 'w';
/** The row-number column; not a Perfex column name, and never returned to callers. */
const ROW_NUMBER = 'pas_row_number';

/** `ORDER BY`-style keys (no keyword), written against `alias`. */
export function compileOrderKeys(ctx: WhereContext, alias: string, orderBy: readonly PlanOrder[]): void {
  orderBy.forEach((order, i) => {
    if (i > 0) ctx.sql.text(', ');
    compileColumnValue(ctx, alias, order.column);
    ctx.sql.text(order.direction === 'desc' ? ' DESC' : ' ASC');
  });
}

export function compileRelatedSelect(ctx: WhereContext, plan: RelatedSelectPlan): void {
  const q = ctx.dialect.quote;
  const { select } = plan;
  const outer = select.columns.map((c) => `${q(WINDOW)}.${q(c)}`).join(', ');
  const inner = select.columns.map((c) => `${q(BASE)}.${q(c)}`).join(', ');
  ctx.sql.text(
    `SELECT ${outer} FROM (SELECT ${inner}, ROW_NUMBER() OVER (PARTITION BY ${q(BASE)}.${q(plan.partitionBy)}`,
  );
  if (select.orderBy.length > 0) {
    ctx.sql.text(' ORDER BY ');
    compileOrderKeys(ctx, BASE, select.orderBy);
  }
  ctx.sql.text(`) AS ${q(ROW_NUMBER)} FROM ${q(select.table)} AS ${q(BASE)}`);
  if (select.where !== null) {
    ctx.sql.text(' WHERE ');
    compileWhere(ctx, BASE, select.where);
  }
  ctx.sql.text(`) AS ${q(WINDOW)} WHERE ${q(WINDOW)}.${q(ROW_NUMBER)} > `).param(plan.offset);
  ctx.sql.text(` AND ${q(WINDOW)}.${q(ROW_NUMBER)} <= `).param(plan.offset + plan.limit);
  ctx.sql.text(` ORDER BY ${q(WINDOW)}.${q(ROW_NUMBER)}`);
}
