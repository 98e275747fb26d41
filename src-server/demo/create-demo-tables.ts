/** Drops and re-creates every demo table on a driver, in the driver's dialect. */
import type { Driver } from '../db/driver.ts';
import { demoSchema } from './demo-schema.ts';
import { renderCreateTable, renderDropTable } from './render-ddl.ts';

/** Whether the target holds a real Perfex install: its settings table (not a demo table) has rows. */
async function looksLikeLivePerfex(driver: Driver): Promise<boolean> {
  const exists =
    driver.dialect === 'mysql'
      ? await driver.query(
          "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tbloptions'",
        )
      : await driver.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tbloptions'");
  if (exists.length === 0) return false;
  return (await driver.query('SELECT 1 FROM tbloptions LIMIT 1')).length > 0;
}

/**
 * Drops the demo tables that exist (other tables are left alone), then creates them all empty.
 * Refuses to touch a database that looks like a live Perfex install, whose data it would destroy.
 */
export async function createDemoTables(driver: Driver): Promise<void> {
  if (await looksLikeLivePerfex(driver)) {
    throw new Error(
      `${driver.description} looks like a live Perfex install (tbloptions has rows): the demo would replace its tables; use an empty database`,
    );
  }
  for (const table of [...demoSchema.tables].reverse()) {
    await driver.run(renderDropTable(table.name, driver.dialect));
  }
  for (const table of demoSchema.tables) {
    for (const statement of renderCreateTable(table, driver.dialect)) await driver.run(statement);
  }
}
