/** mysql2 connection pool behind the `Driver` interface. */
import type { PoolConnection as CorePoolConnection } from 'mysql2';
import mysql from 'mysql2/promise';
import type { Driver, Queryable, Row, SqlValue, WriteResult } from './driver.ts';

type Listener = (sql: string, params: readonly SqlValue[]) => void;

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
}

/**
 * Asks the server to stop long statements on every new pooled connection. MariaDB names the limit
 * max_statement_time (seconds, all statements); MySQL max_execution_time (milliseconds, SELECTs).
 * mysql2 runs commands of one connection in order, so this precedes the connection's first query.
 */
function limitStatementTime(conn: { query: (sql: string, values: unknown[], cb: (error: Error | null) => void) => unknown }, ms: number): void {
  conn.query('SET SESSION max_statement_time = ?', [ms / 1000], (error) => {
    if (error !== null) conn.query('SET SESSION max_execution_time = ?', [ms], () => undefined);
  });
}

function isResultHeader(value: unknown): value is mysql.ResultSetHeader {
  return typeof value === 'object' && value !== null && 'affectedRows' in value && !Array.isArray(value);
}

export function createMysqlDriver(options: MysqlOptions): Driver {
  const pool = mysql.createPool({
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
    connectionLimit: options.connectionLimit ?? 10,
    waitForConnections: true,
    connectTimeout: 5000,
    // Dates come back exactly as stored ('YYYY-MM-DD', zero dates included): serialize types them,
    // so no timezone conversion happens behind the engine's back.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    charset: 'utf8mb4',
    enableKeepAlive: true,
    ...(options.ssl === true ? { ssl: {} } : {}),
  });
  const timeout = options.statementTimeoutMs;
  if (timeout !== undefined) {
    pool.pool.on('connection', (conn) => limitStatementTime(conn as unknown as Parameters<typeof limitStatementTime>[0], timeout));
  }
  const listeners = new Set<Listener>();
  const notify = (sql: string, params: readonly SqlValue[]): void => {
    for (const l of listeners) l(sql, params);
  };

  function queryableOf(conn: mysql.Pool | mysql.PoolConnection): Queryable {
    return {
      async query(sql, params = []) {
        notify(sql, params);
        // `execute` binds values server-side (prepared statements, cached per connection).
        const [rows] = await conn.execute(sql, params as SqlValue[]);
        return rows as Row[];
      },
      async run(sql, params = []): Promise<WriteResult> {
        notify(sql, params);
        const [result] = await conn.execute(sql, params as SqlValue[]);
        if (isResultHeader(result)) {
          return { affectedRows: result.affectedRows, insertId: result.insertId > 0 ? result.insertId : null };
        }
        return { affectedRows: 0, insertId: null };
      },
    };
  }

  const direct = queryableOf(pool);

  /**
   * A cursor on its own pooled connection: mysql2's row stream pauses the socket when the readable's
   * buffer is full (backpressure reaches the server through TCP), so memory stays bounded whatever
   * the number of rows. A cursor left before its end cannot be reused: the connection is destroyed.
   */
  async function* stream(sql: string, params: readonly SqlValue[] = []): AsyncGenerator<Row> {
    const conn = await new Promise<CorePoolConnection>((resolve, reject) =>
      pool.pool.getConnection((error, c) => (error ? reject(error) : resolve(c))),
    );
    notify(sql, params);
    let finished = false;
    try {
      const rows = conn.execute(sql, params as SqlValue[]).stream({ highWaterMark: 256 });
      for await (const row of rows) yield row as Row;
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
    query: direct.query,
    run: direct.run,
    stream,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const conn = await pool.getConnection();
      try {
        notify('BEGIN', []);
        await conn.beginTransaction();
        try {
          const result = await work(queryableOf(conn));
          notify('COMMIT', []);
          await conn.commit();
          return result;
        } catch (error) {
          notify('ROLLBACK', []);
          await conn.rollback().catch(() => undefined);
          throw error;
        }
      } finally {
        conn.release();
      }
    },
    onStatement(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await pool.end();
    },
  };
}
