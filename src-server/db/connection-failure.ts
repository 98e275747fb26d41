/**
 * Errors that mean "the connection, not the statement, failed", and the two errors the driver raises
 * itself when a database stops answering or a COMMIT's reply is lost. The engine maps all of them to
 * 503 (PAS501); the distinction matters for retries and for telling a caller what became of a write.
 */

/** mysql2's own codes for a connection that failed or was closed under a command. */
const LOST = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'PROTOCOL_ENQUEUE_HANDSHAKE_TWICE',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Server errors that end or refuse the session rather than the statement: shutdown in progress
 * (1053), connection killed (1927, MariaDB), too many connections (1040, 1203), aborted connection
 * (1152), network read/write errors reported by the server (1158–1161). mysql2 names MySQL's codes
 * only, so MariaDB's arrive by number.
 */
const SESSION_ERRNOS = new Set([1040, 1053, 1152, 1158, 1159, 1160, 1161, 1203, 1927]);

/** Raised by the driver when the database gave no answer within its deadline (a hung or frozen server). */
export class NoAnswerError extends Error {
  readonly code = 'DB_NO_ANSWER';
  readonly fatal = true;
  constructor(
    readonly waitedMs: number,
    what: string,
  ) {
    super(`the database did not answer ${what} within ${(waitedMs / 1000).toFixed(1)} s`);
    this.name = 'NoAnswerError';
  }
}

/** Raised for an operation asked of a driver after `close()` (a request finishing during shutdown). */
export class DriverClosedError extends Error {
  readonly code = 'DB_CLOSED';
  readonly fatal = true;
  constructor() {
    super('the database connection is closed because the server is shutting down');
    this.name = 'DriverClosedError';
  }
}

/**
 * Raised by the MySQL driver at once, without trying, while a recent connection attempt failed
 * slowly (the host dropped it or never answered the handshake): repeating a 5 s wait on every request
 * helps nobody. One request at a time probes the database after `retryAfterMs`.
 */
export class UnreachableError extends Error {
  readonly fatal = true;
  constructor(
    /** The code of the failed attempt (ETIMEDOUT, DB_NO_ANSWER…). */
    readonly code: string,
    readonly retryAfterMs: number,
    failedAgoMs: number,
  ) {
    super(
      `the database could not be reached (${code}, ${(failedAgoMs / 1000).toFixed(1)} s ago); ` +
        `the next attempt is in ${(retryAfterMs / 1000).toFixed(1)} s`,
    );
    this.name = 'UnreachableError';
  }
}

/**
 * Raised by `Driver.transaction` when the connection failed after COMMIT was sent (or while it was
 * being sent): the database may have committed or not. `settle` waits, within `windowMs`, until the
 * lost session can no longer commit (it ended, was killed, or the server restarted) and resolves true;
 * false when the database could not be reached in time. Only then can reading the rows tell the outcome.
 */
export class CommitUnknownError extends Error {
  constructor(
    readonly failure: unknown,
    readonly settle: (windowMs: number) => Promise<boolean>,
  ) {
    super(`the connection failed while committing: ${(failure as Error)?.message ?? String(failure)}`, {
      cause: failure,
    });
    this.name = 'CommitUnknownError';
  }
}

/** Whether `error` means the connection is unusable (as opposed to a statement the server refused). */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof NoAnswerError || error instanceof CommitUnknownError || error instanceof UnreachableError) return true;
  const e = error as { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown };
  if (typeof e.code === 'string' && LOST.has(e.code)) return true;
  if (typeof e.errno === 'number' && SESSION_ERRNOS.has(e.errno)) return true;
  if (e.fatal === true) return true;
  // mysql2 refuses commands on a connection it already closed with a plain Error and this wording.
  return typeof e.message === 'string' && /closed state|Pool is closed/i.test(e.message);
}
