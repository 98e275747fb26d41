/** Drops and re-creates every demo table on a driver, in the driver's dialect. */
import type { Driver } from '../db/driver.ts';
import { demoSchema } from './demo-schema.ts';
import { renderCreateTable, renderDropTable } from './render-ddl.ts';

/** Drops the demo tables that exist (other tables are left alone), then creates them all empty. */
export async function createDemoTables(driver: Driver): Promise<void> {
  for (const table of [...demoSchema.tables].reverse()) {
    await driver.run(renderDropTable(table.name, driver.dialect));
  }
  for (const table of demoSchema.tables) {
    for (const statement of renderCreateTable(table, driver.dialect)) await driver.run(statement);
  }
}
