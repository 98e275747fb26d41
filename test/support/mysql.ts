/**
 * Real MariaDB for integration tests. Each test file gets its own database, dropped afterwards.
 * Under CI (CI=true) MariaDB is required: a missing server fails the run instead of skipping.
 */
import mysql from 'mysql2/promise';
import { connect } from '../../src-server/db/connect.ts';
import { createDemoDatabase } from '../../src-server/demo/create-demo-database.ts';

/** Server URL without a database, e.g. mysql://pas:pas@127.0.0.1:3306/ */
export const MYSQL_SERVER_URL = process.env.PAS_TEST_MYSQL_URL ?? 'mysql://pas:pas@127.0.0.1:3306/';

let reachable: boolean | undefined;

/** Whether MariaDB answers; outside CI, integration tests skip (saying why) when it does not. */
export async function mysqlAvailable(): Promise<boolean> {
  if (reachable !== undefined) return reachable;
  try {
    const conn = await mysql.createConnection({ uri: MYSQL_SERVER_URL, connectTimeout: 3000 });
    await conn.end();
    reachable = true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`CI requires MariaDB at ${MYSQL_SERVER_URL}: ${(error as Error).message}`, { cause: error });
    }
    console.warn(`skipping MariaDB tests: no server at ${MYSQL_SERVER_URL} (${(error as Error).message})`);
    reachable = false;
  }
  return reachable;
}

/** Creates an empty database with a unique name and returns its URL and a drop function. */
export async function createTestDatabase(label: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `pas_test_${label.replace(/[^a-z0-9_]/gi, '_')}_${process.pid}`;
  const conn = await mysql.createConnection({ uri: MYSQL_SERVER_URL });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    url: `${MYSQL_SERVER_URL.replace(/\/$/, '')}/${name}`,
    name,
    async drop() {
      const c = await mysql.createConnection({ uri: MYSQL_SERVER_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/**
 * A fresh MariaDB database filled by the demo generator, for tests that type its name into a form
 * (connections): its name, URL, invoice count, and a drop function.
 */
export async function createFilledDatabase(label: string, options: { scale: number; seed: number }): Promise<{ url: string; name: string; invoices: number; drop: () => Promise<void> }> {
  const db = await createTestDatabase(label);
  const driver = await connect(db.url);
  try {
    await createDemoDatabase(driver, options);
    const invoices = Number((await driver.query('SELECT COUNT(*) AS n FROM tblinvoices'))[0]?.n);
    return { ...db, invoices };
  } finally {
    await driver.close();
  }
}
