/**
 * Database errors → problems, in one table (as PostgREST's mapSQLtoHTTP): duplicates and broken
 * references → 409, lost connections → 503, values the database refuses → 422. Anything else stays
 * an internal error, logged with the request id. What counts as a lost or refused connection is
 * decided in one place, `db/connection-failure.ts`, shared with the driver's retry rules.
 */
import { CommitUnknownError, isConnectionFailure, NoAnswerError } from '../db/connection-failure.ts';
import { Problem } from '../errors/problem.ts';

interface DbError {
  readonly code?: string;
  readonly errno?: number;
  readonly message?: string;
  readonly sqlMessage?: string;
}

const UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED',
]);
const TIMEOUT = new Set(['ER_QUERY_TIMEOUT', 'ER_STATEMENT_TIMEOUT', 'ER_QUERY_INTERRUPTED']);
/** mysql2 names only MySQL's codes: MariaDB's max_statement_time error (1969) arrives by number alone. */
const TIMEOUT_ERRNO = new Set([1969, 3024, 1317]);
const DUPLICATE = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const REFERENCE = new Set([
  'ER_NO_REFERENCED_ROW', 'ER_NO_REFERENCED_ROW_2', 'ER_ROW_IS_REFERENCED', 'ER_ROW_IS_REFERENCED_2',
  'SQLITE_CONSTRAINT_FOREIGNKEY',
]);
const REJECTED_VALUE = new Set([
  'ER_DATA_TOO_LONG', 'ER_TRUNCATED_WRONG_VALUE', 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD', 'ER_WARN_DATA_OUT_OF_RANGE',
  'ER_BAD_NULL_ERROR', 'ER_NO_DEFAULT_FOR_FIELD', 'ER_DATA_OUT_OF_RANGE', 'ER_CHECK_CONSTRAINT_VIOLATED',
  'ER_CONSTRAINT_FAILED', 'WARN_DATA_TRUNCATED', 'SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_CHECK',
  'SQLITE_MISMATCH', 'SQLITE_TOOBIG',
]);

/** The problem for a database error, or null when it is not one the API can explain. */
export function mapDatabaseError(error: unknown): Problem | null {
  if (error instanceof Problem) return error;
  if (typeof error !== 'object' || error === null) return null;
  const e = error as DbError;
  const code = e.code ?? '';
  const message = e.sqlMessage ?? e.message ?? code;
  if (DUPLICATE.has(code)) {
    return new Problem('PAS402', `a row with the same unique value already exists: ${message}`, { cause: error });
  }
  if (REFERENCE.has(code)) {
    return new Problem('PAS403', `the change breaks a reference between rows: ${message}`, { cause: error });
  }
  if (REJECTED_VALUE.has(code)) {
    return new Problem('PAS503', `the database rejected a value: ${message}`, { cause: error });
  }
  if (TIMEOUT.has(code) || (e.errno !== undefined && TIMEOUT_ERRNO.has(e.errno))) {
    return new Problem('PAS502', 'the query was stopped because it ran too long', { cause: error });
  }
  if (error instanceof NoAnswerError) return new Problem('PAS501', error.message, { cause: error });
  if (error instanceof CommitUnknownError) {
    // Normally settled by execute (which knows the rows); anywhere else the honest answer is "unknown".
    return new Problem('PAS501', 'the connection to the database was lost while committing', {
      cause: error,
      extra: { outcome: 'unknown' },
    });
  }
  if (UNAVAILABLE.has(code) || isConnectionFailure(error)) {
    return new Problem('PAS501', `the database is unavailable (${code || e.errno || 'connection lost'})`, { cause: error });
  }
  return null;
}
