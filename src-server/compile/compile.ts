/** compile: plan → `{ sql, params }` for one dialect. Pure: no database needed. */
import type { Dialect } from '../db/driver.ts';
import type { CountPlan, DeletePlan, InsertPlan, Plan, PlanWhere, SelectPlan, UpdatePlan } from '../plan/query-plan.ts';
import { SqlBuilder, type CompiledQuery } from './compiled-query.ts';
import { compileAggregate, compileGroupCount } from './compile-aggregate.ts';
import { compileRelatedSelect } from './compile-related.ts';
import { compileColumnValue, compileWhere, type WhereContext } from './compile-where.ts';
import { sqlDialect } from './sql-dialect.ts';

const BASE = 't0';

function whereClause(ctx: WhereContext, where: PlanWhere | null): void {
  if (where === null) return;
  ctx.sql.text(' WHERE ');
  compileWhere(ctx, BASE, where);
}

function compileSelect(ctx: WhereContext, plan: SelectPlan): void {
  const q = ctx.dialect.quote;
  ctx.sql.text(`SELECT ${plan.columns.map((c) => `${q(BASE)}.${q(c)}`).join(', ')} FROM ${q(plan.table)} AS ${q(BASE)}`);
  whereClause(ctx, plan.where);
  if (plan.orderBy.length > 0) {
    // NULLs sort as the smallest value on both MySQL and SQLite (first ascending, last descending),
    // so no NULLS FIRST/LAST clause is needed for the two dialects to agree.
    ctx.sql.text(' ORDER BY ');
    plan.orderBy.forEach((order, i) => {
      if (i > 0) ctx.sql.text(', ');
      compileColumnValue(ctx, BASE, order.column);
      ctx.sql.text(order.direction === 'desc' ? ' DESC' : ' ASC');
    });
  }
  if (plan.limit !== null) ctx.sql.text(' LIMIT ').param(plan.limit);
  if (plan.offset > 0) {
    if (plan.limit === null) ctx.sql.text(ctx.dialect.name === 'mysql' ? ' LIMIT 18446744073709551615' : ' LIMIT -1');
    ctx.sql.text(' OFFSET ').param(plan.offset);
  }
}

function compileCount(ctx: WhereContext, plan: CountPlan): void {
  const q = ctx.dialect.quote;
  ctx.sql.text(`SELECT COUNT(*) AS ${q('total')} FROM ${q(plan.table)} AS ${q(BASE)}`);
  whereClause(ctx, plan.where);
}

function compileInsert(ctx: WhereContext, plan: InsertPlan): void {
  const q = ctx.dialect.quote;
  if (plan.values.length === 0) {
    ctx.sql.text(`INSERT INTO ${q(plan.table)} ${ctx.dialect.name === 'mysql' ? '() VALUES ()' : 'DEFAULT VALUES'}`);
    return;
  }
  ctx.sql.text(`INSERT INTO ${q(plan.table)} (${plan.values.map((v) => q(v.column)).join(', ')}) VALUES `);
  ctx.sql.list(plan.values.map((v) => v.value));
}

function keyCondition(ctx: WhereContext, key: UpdatePlan['key']): void {
  const q = ctx.dialect.quote;
  key.forEach((k, i) => {
    ctx.sql.text(`${i === 0 ? ' WHERE ' : ' AND '}${q(k.column)} = `).param(k.value);
  });
}

function compileUpdate(ctx: WhereContext, plan: UpdatePlan): void {
  const q = ctx.dialect.quote;
  ctx.sql.text(`UPDATE ${q(plan.table)} SET `);
  plan.values.forEach((v, i) => {
    if (i > 0) ctx.sql.text(', ');
    ctx.sql.text(`${q(v.column)} = `).param(v.value);
  });
  keyCondition(ctx, plan.key);
}

function compileDelete(ctx: WhereContext, plan: DeletePlan): void {
  ctx.sql.text(`DELETE FROM ${ctx.dialect.quote(plan.table)}`);
  keyCondition(ctx, plan.key);
}

/** Compiles any plan for `dialect`. */
export function compile(plan: Plan, dialect: Dialect): CompiledQuery {
  const ctx: WhereContext = { dialect: sqlDialect(dialect), sql: new SqlBuilder(), nextAlias: 1 };
  switch (plan.kind) {
    case 'select':
      compileSelect(ctx, plan);
      break;
    case 'count':
      compileCount(ctx, plan);
      break;
    case 'insert':
      compileInsert(ctx, plan);
      break;
    case 'update':
      compileUpdate(ctx, plan);
      break;
    case 'delete':
      compileDelete(ctx, plan);
      break;
    case 'related-select':
      compileRelatedSelect(ctx, plan);
      break;
    case 'aggregate':
      compileAggregate(ctx, plan);
      break;
    case 'group-count':
      compileGroupCount(ctx, plan);
      break;
  }
  return ctx.sql.build();
}
