/**
 * execute: a SELECT as a stream of rows from the database cursor (`Driver.stream`), for CSV and
 * NDJSON exports: memory stays bounded by the cursor's buffer, not by the number of rows.
 */
import { compile } from '../compile/compile.ts';
import type { Driver, Row } from '../db/driver.ts';
import { traceable } from '../explorer/traceable.ts';
import type { SelectPlan } from '../plan/query-plan.ts';
import { mapDatabaseError } from './map-database-error.ts';

export async function* executeStream(driver: Driver, plan: SelectPlan): AsyncGenerator<Row> {
  const { sql, params } = compile(plan, driver.dialect);
  try {
    yield* traceable(driver).stream(sql, params);
  } catch (error) {
    throw mapDatabaseError(error) ?? error;
  }
}
