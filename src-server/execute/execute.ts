/**
 * execute: runs compiled plans on a driver. Reads run the rows and the total concurrently (a pool
 * serves them on two connections); writes run in one transaction that also reads the row back.
 * A write that fails on a lost or timed-out connection says what became of it (`write-outcome.ts`).
 */
import { compile } from '../compile/compile.ts';
import { CommitUnknownError, isConnectionFailure } from '../db/connection-failure.ts';
import type { Driver, Queryable, Row, SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { traceable } from '../explorer/traceable.ts';
import type { CountPlan, DeletePlan, InsertPlan, SelectPlan, UpdatePlan } from '../plan/query-plan.ts';
import { keyWhere } from '../plan/plan-read.ts';
import { mapDatabaseError } from './map-database-error.ts';
import { learnOutcome, withOutcome, type RowExpectation } from './write-outcome.ts';

function rethrow(error: unknown): never {
  throw mapDatabaseError(error) ?? error;
}

/** Runs a SELECT. */
export async function executeSelect(db: Queryable & { dialect: Driver['dialect'] }, plan: SelectPlan): Promise<Row[]> {
  const { sql, params } = compile(plan, db.dialect);
  return traceable(db).query(sql, params).catch(rethrow);
}

/** Runs a COUNT and returns the number. */
export async function executeCount(db: Queryable & { dialect: Driver['dialect'] }, plan: CountPlan): Promise<number> {
  const { sql, params } = compile(plan, db.dialect);
  const rows = await traceable(db).query(sql, params).catch(rethrow);
  return Number(rows[0]?.total ?? 0);
}

/** Runs the rows query and, when planned, the count query, concurrently. */
export async function executeList(driver: Driver, select: SelectPlan, count: CountPlan | null): Promise<{ rows: Row[]; total: number | null }> {
  const [rows, total] = await Promise.all([executeSelect(driver, select), count === null ? null : executeCount(driver, count)]);
  return { rows, total };
}

/** Checks a row inside the write transaction before it changes (If-Match); throws to refuse. */
export type RowCheck = (row: Row) => void;

export interface WriteOptions {
  /** Checked against the current row, read under lock in the same transaction (PUT/PATCH/DELETE). */
  readonly check?: RowCheck;
  /** The exposed columns the check reads. */
  readonly checkColumns?: readonly string[];
  /** Run the write and read back its result, then roll back (`Prefer: tx=rollback`). */
  readonly dryRun?: boolean;
}

/** Carries a dry run's result out of the transaction it rolled back. */
class DryRun<T> {
  constructor(readonly result: T) {}
}

/** Records the rows a write changes, so a lost COMMIT can be checked afterwards. */
type Expect = (expectation: RowExpectation) => void;

/** The key values of created rows, as an id member (`1` or `1,2` for a composite key). */
function createdIds(expectations: readonly RowExpectation[]): Record<string, unknown> {
  const ids = expectations.filter((e) => e.before === null).map((e) => e.key.map((k) => String(k.value)).join(','));
  if (ids.length === 0) return {};
  return ids.length === 1 ? { id: ids[0] } : { ids };
}

/**
 * Runs `work` in a transaction; a dry run rolls it back and still returns what `work` produced.
 * Database unavailability (PAS501) and timeouts (PAS502) carry `outcome`: `not-applied` for any
 * failure before COMMIT; for a COMMIT whose reply was lost, the rows are read again once the lost
 * session is gone: applied → the write's normal result, else `not-applied` or `unknown`.
 */
async function inTransaction<T>(driver: Driver, dryRun: boolean, work: (tx: Queryable, expect: Expect) => Promise<T>): Promise<T> {
  const expectations: RowExpectation[] = [];
  let produced: { readonly result: T } | undefined;
  try {
    return await traceable(driver).transaction(async (tx) => {
      expectations.length = 0;
      const result = await work(tx, (e) => expectations.push(e));
      if (dryRun) throw new DryRun(result);
      produced = { result };
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result as T;
    if (error instanceof CommitUnknownError) {
      const outcome = await learnOutcome(driver, error, expectations);
      if (outcome === 'applied' && produced !== undefined) return produced.result;
      const lost = new Problem('PAS501', 'the connection to the database was lost while committing the write', { cause: error });
      throw withOutcome(lost, outcome === 'applied' ? 'unknown' : outcome, outcome === 'unknown' ? createdIds(expectations) : {});
    }
    const problem = mapDatabaseError(error);
    if (problem !== null && ['PAS501', 'PAS502', 'PAS504', 'PAS505'].includes(problem.code)) throw withOutcome(problem, 'not-applied');
    return rethrow(error);
  }
}

/** Reads the row by key under lock (FOR UPDATE on MySQL; SQLite's write transaction already holds it). */
async function lockRow(tx: Queryable, dialect: Driver['dialect'], table: string, columns: readonly string[], key: readonly { column: string; value: SqlValue }[]): Promise<Row | undefined> {
  const exists = compile(readBack(table, columns, key), dialect);
  return (await tx.query(dialect === 'mysql' ? `${exists.sql} FOR UPDATE` : exists.sql, exists.params))[0];
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
  options: WriteOptions = {},
): Promise<Row> {
  const rows = await executeInsertMany(driver, [plan], primaryKey, columns, options);
  return rows[0] as Row;
}

async function insertOne(tx: Queryable, dialect: Driver['dialect'], plan: InsertPlan, primaryKey: readonly string[], columns: readonly string[], expect: Expect): Promise<Row> {
  const result = await runIn(tx, dialect, plan);
  const key = primaryKey.map((column) => {
    const given = plan.values.find((v) => v.column === column);
    return { column, value: given?.value ?? result.insertId };
  });
  const back = compile(readBack(plan.table, columns, key), dialect);
  const row = (await tx.query(back.sql, back.params))[0];
  if (row === undefined) throw new Error(`inserted row of ${plan.table} could not be read back`);
  expect({ table: plan.table, key, columns, after: row, before: null });
  return row;
}

/**
 * Inserts rows in one transaction, all or nothing, reading each back. A database refusal names the
 * row (`index` in the problem), since nothing of the batch is kept.
 */
export async function executeInsertMany(
  driver: Driver,
  plans: readonly InsertPlan[],
  primaryKey: readonly string[],
  columns: readonly string[],
  options: WriteOptions = {},
): Promise<Row[]> {
  return inTransaction(driver, options.dryRun === true, async (tx, expect) => {
    const rows: Row[] = [];
    for (const [index, plan] of plans.entries()) {
      try {
        rows.push(await insertOne(tx, driver.dialect, plan, primaryKey, columns, expect));
      } catch (error) {
        const problem = mapDatabaseError(error);
        // A lost connection is about the whole batch, not this row.
        if (problem === null || plans.length === 1 || isConnectionFailure(error)) throw error;
        throw new Problem(problem.code, `row ${index}: ${problem.detail}`, { cause: error, extra: { ...problem.extra, index } });
      }
    }
    return rows;
  });
}

/** Updates a row and reads it back in one transaction; a missing row is a 404. */
export async function executeUpdate(
  driver: Driver,
  plan: UpdatePlan,
  columns: readonly string[],
  resourceName: string,
  options: WriteOptions = {},
): Promise<Row> {
  return inTransaction(driver, options.dryRun === true, async (tx, expect) => {
    // FOR UPDATE holds the row until commit on MySQL, so an If-Match check cannot race another writer.
    // It reads the returned columns too: the row before the write tells a lost COMMIT's outcome.
    const locked = [...new Set([...(options.checkColumns ?? [plan.key[0]?.column ?? '']), ...columns])];
    const current = await lockRow(tx, driver.dialect, plan.table, locked, plan.key);
    if (current === undefined) throw notFound(resourceName, plan.key);
    options.check?.(current);
    await runIn(tx, driver.dialect, plan);
    const back = compile(readBack(plan.table, columns, plan.key), driver.dialect);
    const rows = await tx.query(back.sql, back.params);
    if (rows[0] === undefined) throw notFound(resourceName, plan.key);
    expect({ table: plan.table, key: plan.key, columns, after: rows[0], before: current });
    return rows[0];
  });
}

/** Deletes a row; a missing row is a 404. */
export async function executeDelete(driver: Driver, plan: DeletePlan, resourceName: string, options: WriteOptions = {}): Promise<void> {
  await inTransaction(driver, options.dryRun === true, async (tx, expect) => {
    if (options.check !== undefined) {
      const current = await lockRow(tx, driver.dialect, plan.table, options.checkColumns ?? [plan.key[0]?.column ?? ''], plan.key);
      if (current === undefined) throw notFound(resourceName, plan.key);
      options.check(current);
    }
    const result = await runIn(tx, driver.dialect, plan);
    if (result.affectedRows === 0) throw notFound(resourceName, plan.key);
    expect({ table: plan.table, key: plan.key, columns: plan.key.map((k) => k.column), after: null, before: 'present' });
  });
}

export function notFound(resource: string, key: readonly { value: SqlValue }[]): Problem {
  return new Problem('PAS201', `\`${resource}\` has no row with id ${key.map((k) => String(k.value)).join(',')}`);
}
