/** Compiles where trees and related-column references (EXISTS / scalar subqueries per to-one hop). */
import type { SqlValue } from '../db/driver.ts';
import type { PlanColumn, PlanCondition, PlanExists, PlanWhere } from '../plan/query-plan.ts';
import type { SqlBuilder } from './compiled-query.ts';
import type { SqlDialect } from './sql-dialect.ts';

/** `!` escapes LIKE wildcards: unlike `\`, it is not an escape character inside MySQL string literals. */
const LIKE_ESCAPE = "ESCAPE '!'";

function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

const COMPARISON: Readonly<Record<string, string>> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

export interface WhereContext {
  readonly dialect: SqlDialect;
  readonly sql: SqlBuilder;
  /** Alias counter shared by one statement so nested subqueries never clash. */
  nextAlias: number;
}

function zeroDateLiteral(kind: 'date' | 'datetime'): string {
  return kind === 'date' ? '0000-00-00' : '0000-00-00 00:00:00';
}

/** The condition on the final column, written against `alias`. */
function compileTest(ctx: WhereContext, alias: string, condition: PlanCondition): void {
  const { sql, dialect } = ctx;
  const col = `${dialect.quote(alias)}.${dialect.quote(condition.column.column)}`;
  const value = condition.value;
  const list = (Array.isArray(value) ? value : [value]) as readonly SqlValue[];
  const zero = condition.column.zeroDate;
  switch (condition.op) {
    case 'is_null':
      if (zero === null) sql.text(`${col} ${value === true ? 'IS NULL' : 'IS NOT NULL'}`);
      else if (value === true) sql.text(`(${col} IS NULL OR ${col} = `).param(zeroDateLiteral(zero)).text(')');
      else sql.text(`(${col} IS NOT NULL AND ${col} <> `).param(zeroDateLiteral(zero)).text(')');
      return;
    case 'in':
    case 'not_in':
      sql.text(`${col} ${condition.op === 'in' ? 'IN' : 'NOT IN'} `).list(list);
      return;
    case 'between':
      sql.text(`${col} BETWEEN `).param(list[0] ?? null).text(' AND ').param(list[1] ?? null);
      return;
    case 'like':
    case 'not_like':
      sql.text(`${col} ${condition.op === 'like' ? 'LIKE' : 'NOT LIKE'} `).param(String(value));
      return;
    case 'contains':
      sql.text(`${col} LIKE `).param(`%${escapeLike(String(value))}%`).text(` ${LIKE_ESCAPE}`);
      return;
    case 'starts_with':
      sql.text(`${col} LIKE `).param(`${escapeLike(String(value))}%`).text(` ${LIKE_ESCAPE}`);
      return;
    case 'ends_with':
      sql.text(`${col} LIKE `).param(`%${escapeLike(String(value))}`).text(` ${LIKE_ESCAPE}`);
      return;
    default:
      sql.text(`${col} ${COMPARISON[condition.op] ?? '='} `).param(value as SqlValue);
  }
}

/** `t1.remote = t0.local [AND t0.local <> 0]`: the join of one hop. */
function compileHopJoin(ctx: WhereContext, outer: string, inner: string, column: PlanColumn, index: number): void {
  const hop = column.hops[index];
  if (hop === undefined) return;
  const q = ctx.dialect.quote;
  ctx.sql.text(`${q(inner)}.${q(hop.remoteColumn)} = ${q(outer)}.${q(hop.localColumn)}`);
  if (hop.zeroIsNull) ctx.sql.text(` AND ${q(outer)}.${q(hop.localColumn)} <> 0`);
}

/** A condition on a related column: nested EXISTS, one per hop. */
function compileRelated(ctx: WhereContext, outer: string, condition: PlanCondition, index: number): void {
  const hop = condition.column.hops[index];
  if (hop === undefined) {
    compileTest(ctx, outer, condition);
    return;
  }
  const inner = `t${ctx.nextAlias++}`;
  ctx.sql.text(`EXISTS (SELECT 1 FROM ${ctx.dialect.quote(hop.table)} AS ${ctx.dialect.quote(inner)} WHERE `);
  compileHopJoin(ctx, outer, inner, condition.column, index);
  ctx.sql.text(' AND ');
  compileRelated(ctx, inner, condition, index + 1);
  ctx.sql.text(')');
}

/** `[NOT] EXISTS (SELECT 1 FROM child WHERE child.remote = outer.local …)`: a row has (or lacks) related rows. */
function compileExists(ctx: WhereContext, outer: string, node: PlanExists): void {
  const q = ctx.dialect.quote;
  const inner = `t${ctx.nextAlias++}`;
  ctx.sql.text(`${node.negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${q(node.table)} AS ${q(inner)} WHERE `);
  ctx.sql.text(`${q(inner)}.${q(node.remoteColumn)} = ${q(outer)}.${q(node.localColumn)}`);
  if (node.zeroIsNull) ctx.sql.text(` AND ${q(outer)}.${q(node.localColumn)} <> 0`);
  if (node.typeFilter !== null) ctx.sql.text(` AND ${q(inner)}.${q(node.typeFilter.column)} = `).param(node.typeFilter.value);
  if (node.where !== null) {
    ctx.sql.text(' AND ');
    compileWhere(ctx, inner, node.where);
  }
  ctx.sql.text(')');
}

/** Compiles a where tree against the base table alias. */
export function compileWhere(ctx: WhereContext, alias: string, node: PlanWhere): void {
  switch (node.kind) {
    case 'condition':
      compileRelated(ctx, alias, node, 0);
      return;
    case 'exists':
      compileExists(ctx, alias, node);
      return;
    case 'and':
    case 'or':
      ctx.sql.text('(');
      node.items.forEach((item, i) => {
        if (i > 0) ctx.sql.text(node.kind === 'and' ? ' AND ' : ' OR ');
        compileWhere(ctx, alias, item);
      });
      ctx.sql.text(')');
      return;
    case 'not':
      ctx.sql.text('NOT (');
      compileWhere(ctx, alias, node.item);
      ctx.sql.text(')');
  }
}

/** A column reference for ORDER BY: plain, or a scalar subquery per hop. */
export function compileColumnValue(ctx: WhereContext, outer: string, column: PlanColumn, index = 0): void {
  const hop = column.hops[index];
  const q = ctx.dialect.quote;
  if (hop === undefined) {
    ctx.sql.text(`${q(outer)}.${q(column.column)}`);
    return;
  }
  const inner = `t${ctx.nextAlias++}`;
  ctx.sql.text('(SELECT ');
  compileColumnValue(ctx, inner, column, index + 1);
  ctx.sql.text(` FROM ${q(hop.table)} AS ${q(inner)} WHERE `);
  compileHopJoin(ctx, outer, inner, column, index);
  ctx.sql.text(' LIMIT 1)');
}
