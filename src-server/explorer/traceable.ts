/**
 * The execute stage's hook for the explorer's SQL trace: `traceable(driver)` is the driver itself
 * unless the running request is traced, and then a view of it that records every statement (SQL,
 * bound values, duration) into the request's trace. Taken at each execute call rather than wrapped
 * around a driver once, so it follows whatever driver the engine serves at that moment (the active
 * connection can change at run time) and costs untraced requests one lookup, no allocation.
 */
import type { Driver, Queryable, Row, SqlValue } from '../db/driver.ts';
import { currentTrace, type RequestTrace } from './request-trace.ts';

async function timed<T>(trace: RequestTrace, sql: string, params: readonly SqlValue[], run: () => Promise<T>): Promise<T> {
  const end = trace.begin(sql, params);
  try {
    return await run();
  } finally {
    end();
  }
}

async function* timedStream(trace: RequestTrace, sql: string, params: readonly SqlValue[], rows: AsyncIterable<Row>): AsyncGenerator<Row> {
  const end = trace.begin(sql, params);
  try {
    yield* rows;
  } finally {
    end();
  }
}

/** `db` with its statements recorded into `trace`; everything else is inherited unchanged. */
function tracing<T extends Queryable>(db: T, trace: RequestTrace): T {
  const view = Object.create(db) as T & Partial<Pick<Driver, 'stream' | 'transaction'>>;
  view.query = (sql, params = []) => timed(trace, sql, params, () => db.query(sql, params));
  view.run = (sql, params = []) => timed(trace, sql, params, () => db.run(sql, params));
  const driver = db as Partial<Driver>;
  if (driver.stream !== undefined) {
    const stream = driver.stream.bind(db);
    view.stream = (sql, params = []) => timedStream(trace, sql, params, stream(sql, params));
  }
  if (driver.transaction !== undefined) {
    const transaction = driver.transaction.bind(db);
    view.transaction = (work) => transaction((tx) => work(tracing(tx, trace)));
  }
  return view;
}

/** `db`, or while a traced request runs, `db` recording its statements into that request's trace. */
export function traceable<T extends Queryable>(db: T): T {
  const trace = currentTrace();
  return trace === undefined ? db : tracing(db, trace);
}
