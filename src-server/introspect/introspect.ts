/** The introspect stage: what tables, columns, keys and foreign keys a database has. */
import type { Driver } from '../db/driver.ts';
import type { DbSchema } from './db-schema.ts';
import { introspectMysql } from './introspect-mysql.ts';
import { introspectSqlite } from './introspect-sqlite.ts';

/** Reads the schema of the driver's database into frozen, dialect-neutral `DbSchema` data. */
export async function introspect(driver: Driver): Promise<DbSchema> {
  return driver.dialect === 'mysql' ? introspectMysql(driver) : introspectSqlite(driver);
}
