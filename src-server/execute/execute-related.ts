/**
 * execute: statements that answer many parents at once. Rows come back grouped by the parent key
 * they belong to, in the planned order, so a transport can hand each parent its own rows without
 * a statement per parent.
 */
import { compile } from '../compile/compile.ts';
import type { Driver, Row } from '../db/driver.ts';
import { traceable } from '../explorer/traceable.ts';
import type { AggregatePlan, GroupCountPlan, RelatedSelectPlan, SelectPlan } from '../plan/query-plan.ts';
import { mapDatabaseError } from './map-database-error.ts';

function rethrow(error: unknown): never {
  throw mapDatabaseError(error) ?? error;
}

/**
 * The text that identifies a key value whatever its JavaScript type: a parent's `rel_id` may come
 * back as a number and the child's key as a string (or a bigint) for the same row.
 */
export function keyText(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return String(value);
}

/** Runs a batched SELECT and groups its rows by `keyColumn`. */
export async function executeRelated(
  driver: Driver,
  plan: SelectPlan | RelatedSelectPlan,
  keyColumn: string,
): Promise<Map<string, Row[]>> {
  const { sql, params } = compile(plan, driver.dialect);
  const rows = await traceable(driver).query(sql, params).catch(rethrow);
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyText(row[keyColumn]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return groups;
}

/** Runs an aggregate; rows carry `g0…` (group keys) and `m0…` (measures). */
export async function executeAggregate(driver: Driver, plan: AggregatePlan): Promise<Row[]> {
  const { sql, params } = compile(plan, driver.dialect);
  return traceable(driver).query(sql, params).catch(rethrow);
}

/** Runs a group count (the number of groups of an aggregate). */
export async function executeGroupCount(driver: Driver, plan: GroupCountPlan): Promise<number> {
  const { sql, params } = compile(plan, driver.dialect);
  const rows = await traceable(driver).query(sql, params).catch(rethrow);
  return Number(rows[0]?.total ?? 0);
}
