/**
 * mysql2 connection pool behind the `Driver` interface, made to survive a database that restarts,
 * crashes, hangs or drops connections while the server keeps running:
 * - every operation has a deadline (the statement timeout plus a second): the server's own
 *   max_statement_time answers first when it is alive, and a frozen server cannot hold a request longer;
 * - a connection that failed is destroyed, never returned to the pool, so the pool reconnects by itself;
 * - a read or a BEGIN that fails on a connection which sat idle in the pool is retried once on a fresh
 *   one (the server restarted or a NAT forgot the socket while it was idle; nothing had been applied);
 * - a connection lost while COMMIT was under way raises `CommitUnknownError` with a way to wait until
 *   the lost session can no longer commit, so the caller can read what really happened;
 * - a connection attempt that fails slowly opens a breaker (`connect-breaker.ts`): for the next second
 *   requests fail at once (`UnreachableError`), then one request at a time tries again;
 * - `close()` refuses new operations, lets the ones under way finish (bounded), then ends the pool, so
 *   a shutdown under load never meets mysql2's "Pool is closed".
 */
import mysql from 'mysql2';
import type { Driver, PoolState, Queryable, Row, SqlValue, WriteResult } from './driver.ts';
import {
  CommitUnknownError,
  DriverClosedError,
  isConnectionFailure,
  NoAnswerError,
} from './connection-failure.ts';
import { createConnectBreaker } from './connect-breaker.ts';

type Listener = (sql: string, params: readonly SqlValue[]) => void;
type Connection = mysql.PoolConnection;

export interface MysqlOptions {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly connectionLimit?: number;
  readonly ssl?: boolean;
  /** Statements running longer are stopped by the server (MariaDB max_statement_time, MySQL max_execution_time). */
  readonly statementTimeoutMs?: number;
  /**
   * How long one operation (waiting for a connection, then the statement) may take before the driver
   * gives up on the database: default the statement timeout + 1 s, or 60 s without one.
   */
  readonly answerTimeoutMs?: number;
}

/** Connection attempts give up after this (a host that drops packets); refused connections fail at once. */
const CONNECT_TIMEOUT_MS = 5000;
/** How long `close()` waits for operations under way before ending the pool anyway. */
const CLOSE_WAIT_MS = 5000;

/**
 * Asks the server to stop long statements on every new pooled connection. MariaDB names the limit
 * max_statement_time (seconds, all statements); MySQL max_execution_time (milliseconds, SELECTs).
 * mysql2 runs commands of one connection in order, so this precedes the connection's first query.
 */
function limitStatementTime(conn: Connection, ms: number): void {
  conn.query('SET SESSION max_statement_time = ?', [ms / 1000], (error) => {
    if (error !== null) conn.query('SET SESSION max_execution_time = ?', [ms], () => undefined);
  });
}

/** A statement's outcome as the Driver reports it (a SELECT sent through `run` changed nothing). */
function writeResult(value: unknown): WriteResult {
  const header = value as Partial<mysql.ResultSetHeader> | null;
  if (typeof header !== 'object' || header === null || Array.isArray(header) || header.affectedRows === undefined) {
    return { affectedRows: 0, insertId: null };
  }
  return { affectedRows: header.affectedRows, insertId: (header.insertId ?? 0) > 0 ? (header.insertId as number) : null };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The pool's private bookkeeping (mysql2 has no public API for it). */
interface PoolInternals {
  readonly _allConnections: { readonly length: number };
  readonly _freeConnections: { readonly length: number; get(index: number): Connection };
  readonly _connectionQueue: { readonly length: number };
}

export function createMysqlDriver(options: MysqlOptions): Driver {
  const limit = options.connectionLimit ?? 10;
  const pool = mysql.createPool({
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
    connectionLimit: limit,
    waitForConnections: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Dates come back exactly as stored ('YYYY-MM-DD', zero dates included): serialize types them,
    // so no timezone conversion happens behind the engine's back.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    charset: 'utf8mb4',
    // TCP keepalive finds sockets a sleeping laptop or a NAT silently dropped while they were idle.
    enableKeepAlive: true,
    ...(options.ssl === true ? { ssl: {} } : {}),
  });
  const statementTimeout = options.statementTimeoutMs;
  const answerTimeout = options.answerTimeoutMs ?? (statementTimeout === undefined ? 60_000 : statementTimeout + 1000);
  /** When each connection was opened (performance.now()), to tell whether the server restarted since. */
  const openedAt = new WeakMap<Connection, number>();
  /** Connections handed out at least once: a failure on one of them may just mean it went stale. */
  const used = new WeakSet<Connection>();
  pool.on('connection', (conn) => {
    openedAt.set(conn, performance.now());
    if (statementTimeout !== undefined) limitStatementTime(conn, statementTimeout);
  });
  const listeners = new Set<Listener>();
  const notify = (sql: string, params: readonly SqlValue[]): void => {
    for (const l of listeners) l(sql, params);
  };
  const internals = pool as unknown as Partial<PoolInternals>;

  const breaker = createConnectBreaker();

  let closed = false;

  /** A pooled connection within `ms`; one that arrives too late goes straight back to the pool. */
  function acquire(ms: number): Promise<{ conn: Connection; reused: boolean }> {
    if (closed) return Promise.reject(new DriverClosedError());
    const refusal = breaker.admit();
    if (refusal !== null) return Promise.reject(refusal);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        // The attempt goes on (mysql2's connect timeout ends it), and its outcome moves the breaker:
        // a deadline alone may be a busy pool or a server frozen for a moment, not an unreachable host.
        reject(new NoAnswerError(ms, 'with a free connection'));
      }, ms);
      pool.getConnection((error, conn) => {
        breaker.record(error as { code?: string } | null, started);
        if (late) {
          if (error === null) conn.release();
          return;
        }
        clearTimeout(timer);
        if (error !== null) return reject(error);
        const reused = used.has(conn);
        used.add(conn);
        resolve({ conn, reused });
      });
    });
  }

  /**
   * Sends one command on `conn`: a prepared statement (`execute` binds values server-side and caches
   * the statement per connection) or, for transaction control, a plain query. Past `ms` the
   * connection is destroyed, since its reply may still come and would answer the next command.
   */
  function send(
    conn: Connection,
    sql: string,
    params: readonly SqlValue[],
    ms: number,
    prepared = true,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        conn.destroy();
        reject(new NoAnswerError(ms, 'the statement'));
      }, ms);
      const done = (error: Error | null, result?: unknown): void => {
        if (late) return;
        clearTimeout(timer);
        if (error !== null) reject(error);
        else resolve(result);
      };
      if (prepared) conn.execute(sql, params as SqlValue[], (error, result) => done(error, result));
      else conn.query(sql, (error, result) => done(error, result));
    });
  }

  /** Gives a connection back after `error` (or none): a failed one is destroyed so the pool opens a new one. */
  function giveBack(conn: Connection, error?: unknown): void {
    if (error !== undefined && isConnectionFailure(error)) conn.destroy();
    else conn.release();
  }

  /**
   * Whether a failure on a connection taken from the pool means it went stale while idle (the server
   * restarted, a NAT or a sleeping laptop dropped the socket). The other idle connections share its
   * fate, so they are closed too, and the caller retries once on a fresh connection. A deadline is not
   * staleness: the database is slow or hung, and a retry would only double the wait.
   */
  function wentStale(error: unknown, attempt: number, reused: boolean): boolean {
    if (attempt > 1 || !reused || !isConnectionFailure(error) || error instanceof NoAnswerError) return false;
    const free = (pool as unknown as PoolInternals)._freeConnections;
    const idle: Connection[] = [];
    for (let i = 0; i < free.length; i++) idle.push(free.get(i));
    for (const conn of idle) conn.destroy();
    return true;
  }

  /** Runs one statement on a pooled connection, retrying once when a reused connection turns out stale. */
  async function once(
    sql: string,
    params: readonly SqlValue[],
    retryStale: boolean,
    prepared = true,
    deadlineMs = answerTimeout,
  ): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const { conn, reused } = await acquire(deadlineMs);
      try {
        const result = await send(conn, sql, params, Math.max(1, deadlineMs - (performance.now() - started)), prepared);
        giveBack(conn);
        return result;
      } catch (error) {
        giveBack(conn, error);
        if (retryStale && wentStale(error, attempt, reused)) continue;
        throw error;
      }
    }
  }

  function queryableOf(conn: Connection): Queryable {
    return {
      async query(sql, params = []) {
        notify(sql, params);
        return (await send(conn, sql, params, answerTimeout)) as Row[];
      },
      async run(sql, params = []): Promise<WriteResult> {
        notify(sql, params);
        return writeResult(await send(conn, sql, params, answerTimeout));
      },
    };
  }

  /** Waits until the session `threadId` (opened at `opened`) can no longer commit; false if the database stays out of reach. */
  async function sessionGone(threadId: number, opened: number, windowMs: number): Promise<boolean> {
    const until = performance.now() + windowMs;
    let killed = false;
    // Each statement gets what is left of the window: a database still hung must not stretch it.
    const left = (): number => Math.max(1, until - performance.now());
    while (performance.now() < until) {
      try {
        const status = (await once("SHOW GLOBAL STATUS LIKE 'Uptime'", [], true, false, left())) as {
          Value?: string;
        }[];
        const uptimeS = Number(status[0]?.Value ?? Number.POSITIVE_INFINITY);
        // The server restarted after the session was opened: the session died with it.
        if (uptimeS + 1 < (performance.now() - opened) / 1000) return true;
        const alive = (await once(
          'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ? AND ID <> CONNECTION_ID()',
          [threadId],
          true,
          true,
          left(),
        )) as { n: number }[];
        if (Number(alive[0]?.n ?? 0) === 0) return true;
        // Still there (the network failed, not the server): end it, so it cannot commit later.
        if (!killed) {
          await once(`KILL CONNECTION ${Math.trunc(threadId)}`, [], true, false, left()).catch(() => undefined);
          killed = true;
        }
      } catch {
        // The database is not back yet.
      }
      await sleep(100);
    }
    return false;
  }

  /**
   * A cursor on its own pooled connection: mysql2's row stream pauses the socket when the readable's
   * buffer is full (backpressure reaches the server through TCP), so memory stays bounded whatever
   * the number of rows. A cursor left before its end cannot be reused: the connection is destroyed.
   * Each wait for the next row has the operation deadline, so a server that hangs mid-export fails it.
   */
  async function* stream(sql: string, params: readonly SqlValue[] = []): AsyncGenerator<Row> {
    const { conn } = await acquire(answerTimeout);
    notify(sql, params);
    let finished = false;
    try {
      const rows = conn.execute(sql, params as SqlValue[]).stream({ highWaterMark: 256 });
      const iterator = rows[Symbol.asyncIterator]();
      for (;;) {
        let timer: NodeJS.Timeout | undefined;
        const pending = iterator.next();
        // Past the deadline nobody awaits it; its rejection (the connection destroyed) is expected.
        pending.catch(() => undefined);
        const next = await Promise.race([
          pending,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new NoAnswerError(answerTimeout, 'the next row')), answerTimeout);
          }),
        ]).finally(() => clearTimeout(timer));
        if (next.done === true) break;
        yield next.value as Row;
      }
      finished = true;
    } finally {
      if (finished) conn.release();
      else conn.destroy();
    }
  }

  const safeTarget = `mysql://${options.user}@${options.host}:${options.port}/${options.database}`;

  return {
    dialect: 'mysql',
    description: safeTarget,
    async query(sql, params = []) {
      notify(sql, params);
      // Reads are safe to repeat, so a stale pooled connection costs a retry, not a 503.
      return (await once(sql, params, true)) as Row[];
    },
    async run(sql, params = []): Promise<WriteResult> {
      notify(sql, params);
      return writeResult(await once(sql, params, false));
    },
    stream,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      let conn: Connection;
      for (let attempt = 1; ; attempt++) {
        const acquired = await acquire(answerTimeout);
        conn = acquired.conn;
        notify('BEGIN', []);
        try {
          await send(conn, 'START TRANSACTION', [], answerTimeout, false);
          break;
        } catch (error) {
          giveBack(conn, error);
          // Nothing was sent but BEGIN: a stale connection is replaced without failing the write.
          if (wentStale(error, attempt, acquired.reused)) continue;
          throw error;
        }
      }
      let result: T;
      try {
        result = await work(queryableOf(conn));
      } catch (error) {
        notify('ROLLBACK', []);
        if (isConnectionFailure(error)) {
          // COMMIT was never sent: the server rolls the transaction back when it sees the session end.
          conn.destroy();
        } else {
          await send(conn, 'ROLLBACK', [], answerTimeout, false).then(
            () => conn.release(),
            () => conn.destroy(),
          );
        }
        throw error;
      }
      notify('COMMIT', []);
      const threadId = conn.threadId;
      const opened = openedAt.get(conn) ?? 0;
      try {
        await send(conn, 'COMMIT', [], answerTimeout, false);
      } catch (error) {
        if (!isConnectionFailure(error)) {
          // The server refused the COMMIT and said so: the transaction did not commit.
          await send(conn, 'ROLLBACK', [], answerTimeout, false).then(
            () => conn.release(),
            () => conn.destroy(),
          );
          throw error;
        }
        conn.destroy();
        throw new CommitUnknownError(error, (windowMs) => sessionGone(threadId, opened, windowMs));
      }
      conn.release();
      return result;
    },
    poolState(): PoolState {
      // Private fields of mysql2's pool: read defensively so a mysql2 upgrade cannot break health.
      return {
        open: internals._allConnections?.length ?? 0,
        idle: internals._freeConnections?.length ?? 0,
        waiting: internals._connectionQueue?.length ?? 0,
        limit,
      };
    },
    onStatement(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      // Operations under way (a connection checked out, or a caller queued for one) finish first.
      const deadline = performance.now() + CLOSE_WAIT_MS;
      const busy = (): number =>
        (internals._allConnections?.length ?? 0) -
        (internals._freeConnections?.length ?? 0) +
        (internals._connectionQueue?.length ?? 0);
      while (busy() > 0 && performance.now() < deadline) await sleep(20);
      await new Promise<void>((resolve, reject) => pool.end((error) => (error ? reject(error) : resolve())));
    },
  };
}
