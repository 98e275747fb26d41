/**
 * "Test" on the connections screen: a real connection with a short timeout (the MySQL driver gives up
 * connecting after 5 s; statements are cut at 5 s), then what the Studio needs to know before using
 * the database: server version, number of tables, the table prefix it would detect, and whether it
 * looks like Perfex. Nothing is kept open.
 */
import type { ConnectionTest } from '../../src-shared/admin-api.ts';
import { detectPrefix } from '../catalog/detect-prefix.ts';
import { connect, parseConnectionUrl } from '../db/connect.ts';
import { Problem } from '../errors/problem.ts';
import { connectionProblem } from './connection-problem.ts';

const PROBE_TIMEOUT_MS = 5000;
/** Tables every Perfex installation has (NOTES.md §1), without the prefix. */
const PERFEX_CORE = ['clients', 'contacts', 'invoices', 'itemable', 'staff'];

/** Connects to `url` and describes what is there; refusals are problems (PAS613…PAS618). */
export async function probeConnection(url: string, prefix?: string): Promise<ConnectionTest> {
  const started = performance.now();
  const target = parseConnectionUrl(url);
  let driver;
  try {
    driver = await connect(url, { statementTimeoutMs: PROBE_TIMEOUT_MS });
  } catch (error) {
    if (target.kind === 'mysql') {
      const problem = connectionProblem(error, { host: target.host, port: target.port, user: target.user, database: target.database, tls: target.ssl });
      if (problem !== null) throw problem;
    }
    throw new Problem('PAS618', (error as Error).message, { cause: error });
  }
  try {
    const mysql = driver.dialect === 'mysql';
    const [version] = await driver.query(mysql ? 'SELECT VERSION() AS v' : "SELECT 'SQLite ' || sqlite_version() AS v");
    const rows = await driver.query(
      mysql
        ? "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    );
    const tables = rows.map((r) => String(r.name));
    // detectPrefix assumes Perfex's `tbl` for an empty database; a test reports what is really there.
    const detectedPrefix = tables.length === 0 ? '' : detectPrefix(tables);
    const used = prefix !== undefined && prefix !== '' ? prefix : detectedPrefix;
    const present = new Set(tables);
    return {
      ok: true,
      serverVersion: String(version?.v ?? 'unknown'),
      tables: tables.length,
      detectedPrefix,
      looksLikePerfex: PERFEX_CORE.every((t) => present.has(`${used}${t}`)),
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    throw new Problem('PAS618', `connected, but the tables could not be listed: ${String((error as Error).message).slice(0, 300)}`, { cause: error });
  } finally {
    await driver.close().catch(() => undefined);
  }
}
