/**
 * Errors that mean "the database no longer has what the catalog says" (a column dropped, a table
 * renamed while the server runs). They are not the caller's fault and not an outage: the answer is
 * to refresh the catalog and try again, after which the request either works or gets a clear 4xx.
 */
import { Problem } from '../errors/problem.ts';

const MYSQL_CODES = new Set(['ER_BAD_FIELD_ERROR', 'ER_NO_SUCH_TABLE', 'ER_BAD_TABLE_ERROR']);
const MYSQL_ERRNOS = new Set([1054, 1146, 1051]);

export function isSchemaDrift(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (typeof e.code === 'string' && MYSQL_CODES.has(e.code)) return true;
  if (
    typeof e.errno === 'number' &&
    MYSQL_ERRNOS.has(e.errno) &&
    typeof e.code === 'string' &&
    e.code.startsWith('ER_')
  )
    return true;
  // better-sqlite3: SqliteError with code SQLITE_ERROR and SQLite's own wording.
  return e.code === 'SQLITE_ERROR' && typeof e.message === 'string' && /^no such (column|table)\b/.test(e.message);
}

/** The answer when drift persists after a refresh (or cannot be retried): a 503 the caller may retry. */
export function schemaChanged(error: unknown): Problem {
  const message = (error as { sqlMessage?: string; message?: string }).sqlMessage ?? (error as Error).message;
  return new Problem('PAS210', `the database schema changed while the request ran (${String(message).slice(0, 200)})`, {
    cause: error,
  });
}
