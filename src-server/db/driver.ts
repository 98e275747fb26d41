/** The one interface the engine uses to talk to a database (mysql2 pool or better-sqlite3). */
export type Dialect = 'mysql' | 'sqlite';

export type SqlValue = string | number | bigint | boolean | null | Date | Buffer;

export type Row = Record<string, unknown>;

export interface WriteResult {
  readonly affectedRows: number;
  /** AUTO_INCREMENT / rowid of the inserted row, when the statement inserted one. */
  readonly insertId: number | null;
}

/** Query-level operations shared by a driver and an open transaction. */
export interface Queryable {
  /** Runs a statement that returns rows. Values travel only as bound parameters. */
  query(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement that changes data. */
  run(sql: string, params?: readonly SqlValue[]): Promise<WriteResult>;
}

/** The connections of a pooled driver, for the health endpoint and leak checks. */
export interface PoolState {
  /** Connections open to the server, busy or idle. */
  readonly open: number;
  readonly idle: number;
  /** Callers waiting for a connection (all `limit` are busy). */
  readonly waiting: number;
  readonly limit: number;
}

export interface Driver extends Queryable {
  readonly dialect: Dialect;
  /** Human-readable target for logs and errors, never containing a password. */
  readonly description: string;
  /**
   * Runs a SELECT and yields its rows as the database sends them (a cursor, not an array), pausing the
   * database while the consumer is busy. Ending the iteration early releases the cursor.
   */
  stream(sql: string, params?: readonly SqlValue[]): AsyncIterable<Row>;
  /**
   * Runs `work` in one transaction: commit when it resolves, roll back when it throws. When the
   * connection fails while COMMIT is on its way, it throws a `CommitUnknownError`: the outcome can
   * only be learnt from the database afterwards. Any other failure means nothing was committed.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The pool's connections now (null for a single-connection driver such as SQLite). */
  poolState(): PoolState | null;
  /** Registers a listener called with every SQL statement sent (tests count statements with it). */
  onStatement(listener: (sql: string, params: readonly SqlValue[]) => void): () => void;
  close(): Promise<void>;
}
