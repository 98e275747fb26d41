/**
 * Database errors → problems, in one table (as PostgREST's mapSQLtoHTTP): duplicates and broken
 * references → 409, values the database refuses → 422, lost connections → 503 (PAS501), and the
 * failures of the database server itself, which are never the caller's fault:
 * - a transaction rolled back by a deadlock or a lock wait → 503 PAS504, `Retry-After: 1`;
 * - out of connections, memory, threads or disk → 503 PAS505, `Retry-After: 5`;
 * - internal failures (file system `EE_*` errors, storage engine errors, crashed tables, any other
 *   general `HY000` server error) → 500 PAS506, where retrying will not help;
 * - a missing privilege or a read-only server → 500 PAS507 (the connection's configuration).
 * MariaDB numbers (mysql2 names MySQL's codes only) key the table; the SQLSTATE class covers the
 * rest. Details name the code and number, not the server's message (it can name the database user
 * and host); the log has it. Schema drift (1054, 1146, 1051) stays unmapped: the transports refresh
 * the catalog for it. Anything else stays an internal error (a bug), logged with the request id.
 * What counts as a lost or refused connection is decided in one place, `db/connection-failure.ts`,
 * shared with the driver's retry rules.
 */
import {
  CommitUnknownError,
  DriverClosedError,
  isConnectionFailure,
  NoAnswerError,
  UnreachableError,
} from '../db/connection-failure.ts';
import { Problem } from '../errors/problem.ts';
import type { ProblemCode } from '../errors/problem-catalogue.ts';

interface DbError {
  readonly code?: string;
  readonly errno?: number;
  readonly sqlState?: string;
  readonly message?: string;
  readonly sqlMessage?: string;
}

/** A server failure: its problem, what happened in words, and whether a retry after some seconds helps. */
interface ServerFailure {
  readonly problem: ProblemCode;
  readonly what: string;
  readonly retryAfterS?: number;
}

const CONFLICT = (what: string): ServerFailure => ({ problem: 'PAS504', what, retryAfterS: 1 });
const SHORT_OF = (what: string): ServerFailure => ({ problem: 'PAS505', what, retryAfterS: 5 });
const INTERNAL = (what: string): ServerFailure => ({ problem: 'PAS506', what });
const REFUSED = (what: string): ServerFailure => ({ problem: 'PAS507', what });

/** By MariaDB error number (https://mariadb.com/kb/en/mariadb-error-code-reference/). */
const SERVER_FAILURES: ReadonlyMap<number, ServerFailure> = new Map([
  [1213, CONFLICT('the database rolled the transaction back to break a deadlock')],
  [1205, CONFLICT('a lock wait timed out (innodb_lock_wait_timeout) and the transaction was rolled back')],
  [1040, SHORT_OF('the database has too many connections (max_connections)')],
  [1203, SHORT_OF("the database user has too many connections (max_user_connections)")],
  [1037, SHORT_OF('the database server is out of memory')],
  [1038, SHORT_OF('the database server is out of sort memory')],
  [1041, SHORT_OF('the database server is out of memory or another resource')],
  [1135, SHORT_OF('the database server cannot create a thread')],
  [1021, SHORT_OF('the database server’s disk is full')],
  [1114, SHORT_OF('a table of the database is full')],
  [1206, SHORT_OF('the database server’s lock table is full')],
  [1637, SHORT_OF('the database server has too many active transactions')],
  [1044, REFUSED('the database user may not use this database')],
  [1142, REFUSED('the database user lacks a privilege on a table')],
  [1143, REFUSED('the database user lacks a privilege on a column')],
  [1227, REFUSED('the database user lacks a privilege')],
  [1036, REFUSED('a table is read-only')],
  [1290, REFUSED('the database server is read-only')],
  [1836, REFUSED('the database server is read-only')],
  [1792, REFUSED('the transaction is read-only')],
  [1004, INTERNAL('the database server could not create a file')],
  [1005, INTERNAL('the database server could not create a table')],
  [1016, INTERNAL('the database server could not open a table file')],
  [1024, INTERNAL('the database server could not read a file')],
  [1026, INTERNAL('the database server could not write a file')],
  [1030, INTERNAL('the storage engine failed')],
  [1034, INTERNAL('a table index is corrupt')],
  [1035, INTERNAL('a table index is in an old format')],
  [1105, INTERNAL('the database server failed with an unknown error')],
  [1180, INTERNAL('the database server failed during COMMIT')],
  [1181, INTERNAL('the database server failed during ROLLBACK')],
  [1194, INTERNAL('a table is marked as crashed')],
  [1195, INTERNAL('a table is marked as crashed and its repair failed')],
  [1815, INTERNAL('the database server failed internally')],
]);

/** mysys (`EE_*`, below 1000): file system failures; out of memory and disk full are shortages. */
const EE_SHORTAGES: ReadonlyMap<number, string> = new Map([
  [5, 'the database server is out of memory'],
  [20, 'the database server’s disk is full'],
]);

/** Left to the schema-drift check of the transports (engine/schema-drift.ts): refresh, then retry or 400. */
const DRIFT_ERRNOS = new Set([1054, 1146, 1051]);

/** "Got error 28 …" / "Errcode: 28" / "No space left on device": a file error that is a full disk (ENOSPC). */
const NO_SPACE = /\b(?:error|errcode:?)\s*28\b|no space left/i;

/** The server failure `e` is, if it is one. */
function serverFailure(e: DbError): ServerFailure | null {
  // Node's system errors (ECONNREFUSED…) carry a negative errno; the server's are positive.
  const errno = typeof e.errno === 'number' && e.errno > 0 ? e.errno : undefined;
  const fromServer = typeof e.sqlState === 'string' || /^(?:ER|EE)_/.test(e.code ?? '');
  if (errno === undefined || !fromServer || DRIFT_ERRNOS.has(errno)) return null;
  const sqlState = e.sqlState ?? '';
  const message = e.sqlMessage ?? e.message ?? '';
  const known = SERVER_FAILURES.get(errno);
  if (known !== undefined) {
    if (known.problem === 'PAS506' && NO_SPACE.test(message)) return SHORT_OF('the database server’s disk is full');
    return known;
  }
  if (errno < 1000) {
    const shortage = EE_SHORTAGES.get(errno);
    if (shortage !== undefined || NO_SPACE.test(message)) return SHORT_OF(shortage ?? 'the database server’s disk is full');
    return INTERNAL('the database server failed on a file');
  }
  if (sqlState.startsWith('40')) return CONFLICT('the database rolled the transaction back');
  if (sqlState === 'HY000') return NO_SPACE.test(message) ? SHORT_OF('the database server’s disk is full') : INTERNAL('the database server failed');
  return null;
}

function serverProblem(failure: ServerFailure, e: DbError, cause: unknown): Problem {
  const id = [e.code, e.errno].filter((part) => part !== undefined).join(' ');
  return new Problem(failure.problem, `${failure.what} (${id})`, {
    cause,
    ...(failure.retryAfterS === undefined ? {} : { extra: { retryAfter: failure.retryAfterS } }),
  });
}

const UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY', 'SQLITE_LOCKED',
]);
/** Seconds after which a request refused for an unreachable database may be tried again. */
const UNAVAILABLE_RETRY_S = 1;
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
  if (error instanceof DriverClosedError) {
    return new Problem('PAS902', error.message, { cause: error, extra: { retryAfter: 5 } });
  }
  if (error instanceof UnreachableError) {
    return new Problem('PAS501', error.message, {
      cause: error,
      extra: { retryAfter: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) },
    });
  }
  if (error instanceof NoAnswerError) {
    return new Problem('PAS501', error.message, { cause: error, extra: { retryAfter: UNAVAILABLE_RETRY_S } });
  }
  if (error instanceof CommitUnknownError) {
    // Normally settled by execute (which knows the rows); anywhere else the honest answer is "unknown".
    return new Problem('PAS501', 'the connection to the database was lost while committing', {
      cause: error,
      extra: { outcome: 'unknown' },
    });
  }
  const failure = serverFailure(e);
  if (failure !== null) return serverProblem(failure, e, error);
  if (UNAVAILABLE.has(code) || isConnectionFailure(error) || e.sqlState?.startsWith('08') === true) {
    return new Problem('PAS501', `the database is unavailable (${code || e.errno || 'connection lost'})`, {
      cause: error,
      extra: { retryAfter: UNAVAILABLE_RETRY_S },
    });
  }
  return null;
}
