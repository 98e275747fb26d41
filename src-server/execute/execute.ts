/**
 * execute: runs compiled plans on a driver. Reads run the rows and the total concurrently (a pool
 * serves them on two connections); writes run in one transaction that also reads the row back.
 */
import { compile } from '../compile/compile.ts';
import type { Driver, Queryable, Row, SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import type { CountPlan, DeletePlan, InsertPlan, SelectPlan, UpdatePlan } from '../plan/query-plan.ts';
import { keyWhere } from '../plan/plan-read.ts';
import { mapDatabaseError } from './map-database-error.ts';

function rethrow(error: unknown): never {
  throw mapDatabaseError(error) ?? error;
}

/** Runs a SELECT. */
export async function executeSelect(db: Queryable & { dialect: Driver['dialect'] }, plan: SelectPlan): Promise<Row[]> {
  const { sql, params } = compile(plan, db.dialect);
  return db.query(sql, params).catch(rethrow);
}

/** Runs a COUNT and returns the number. */
export async function executeCount(db: Queryable & { dialect: Driver['dialect'] }, plan: CountPlan): Promise<number> {
  const { sql, params } = compile(plan, db.dialect);
  const rows = await db.query(sql, params).catch(rethrow);
  return Number(rows[0]?.total ?? 0);
}

/** Runs the rows query and, when planned, the count query, concurrently. */
export async function executeList(driver: Driver, select: SelectPlan, count: CountPlan | null): Promise<{ rows: Row[]; total: number | null }> {
  const [rows, total] = await Promise.all([executeSelect(driver, select), count === null ? null : executeCount(driver, count)]);
  return { rows, total };
}

function readBack(table: string, columns: readonly string[], key: readonly { column: string; value: SqlValue }[]): SelectPlan {
  return { kind: 'select', table, columns, where: keyWhere(key), orderBy: [], limit: 1, offset: 0 };
}

async function runIn(tx: Queryable, dialect: Driver['dialect'], plan: InsertPlan | UpdatePlan | DeletePlan) {
  const { sql, params } = compile(plan, dialect);
  return tx.run(sql, params);
}

/**
 * Inserts a row and reads it back in the same transaction. `primaryKey` names the key columns;
 * an auto-increment key is taken from the insert result, any other from the inserted values.
 */
export async function executeInsert(
  driver: Driver,
  plan: InsertPlan,
  primaryKey: readonly string[],
  columns: readonly string[],
): Promise<Row> {
  try {
    return await driver.transaction(async (tx) => {
      const result = await runIn(tx, driver.dialect, plan);
      const key = primaryKey.map((column) => {
        const given = plan.values.find((v) => v.column === column);
        return { column, value: given?.value ?? result.insertId };
      });
      const back = compile(readBack(plan.table, columns, key), driver.dialect);
      const row = (await tx.query(back.sql, back.params))[0];
      if (row === undefined) throw new Error(`inserted row of ${plan.table} could not be read back`);
      return row;
    });
  } catch (error) {
    return rethrow(error);
  }
}

/** Updates a row and reads it back in one transaction; a missing row is a 404. */
export async function executeUpdate(driver: Driver, plan: UpdatePlan, columns: readonly string[], resourceName: string): Promise<Row> {
  try {
    return await driver.transaction(async (tx) => {
      const exists = compile(readBack(plan.table, [plan.key[0]?.column ?? ''], plan.key), driver.dialect);
      // FOR UPDATE holds the row until commit on MySQL; SQLite's write transaction already does.
      const lock = driver.dialect === 'mysql' ? `${exists.sql} FOR UPDATE` : exists.sql;
      if ((await tx.query(lock, exists.params)).length === 0) throw notFound(resourceName, plan.key);
      await runIn(tx, driver.dialect, plan);
      const back = compile(readBack(plan.table, columns, plan.key), driver.dialect);
      const rows = await tx.query(back.sql, back.params);
      if (rows[0] === undefined) throw notFound(resourceName, plan.key);
      return rows[0];
    });
  } catch (error) {
    return rethrow(error);
  }
}

/** Deletes a row; a missing row is a 404. */
export async function executeDelete(driver: Driver, plan: DeletePlan, resourceName: string): Promise<void> {
  try {
    await driver.transaction(async (tx) => {
      const result = await runIn(tx, driver.dialect, plan);
      if (result.affectedRows === 0) throw notFound(resourceName, plan.key);
    });
  } catch (error) {
    rethrow(error);
  }
}

export function notFound(resource: string, key: readonly { value: SqlValue }[]): Problem {
  return new Problem('PAS201', `\`${resource}\` has no row with id ${key.map((k) => String(k.value)).join(',')}`);
}
