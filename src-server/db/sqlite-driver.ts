/** better-sqlite3 behind the `Driver` interface. */
import Database from 'better-sqlite3';
import type { Driver, Queryable, Row, SqlValue, WriteResult } from './driver.ts';
import { DriverClosedError } from './connection-failure.ts';

type Listener = (sql: string, params: readonly SqlValue[]) => void;

/** SQLite has no Date or boolean type: bind them as Perfex would store them. */
function toSqlite(value: SqlValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  return value;
}

export function createSqliteDriver(file: string, options: { readonly readonly?: boolean } = {}): Driver {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: false });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const listeners = new Set<Listener>();
  // better-sqlite3 is synchronous on one connection. An async transaction yields between its
  // statements, so other requests must wait for it to finish or they would run inside it.
  let inTransaction: Promise<unknown> = Promise.resolve();
  let txDepth = 0;

  function prepare(sql: string): Database.Statement {
    // A request finishing during shutdown gets a clear error, not better-sqlite3's "not open".
    if (!db.open) throw new DriverClosedError();
    let stmt = statements.get(sql);
    if (stmt === undefined) {
      stmt = db.prepare(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, stmt);
    }
    return stmt;
  }

  function notify(sql: string, params: readonly SqlValue[]): void {
    for (const l of listeners) l(sql, params);
  }

  const direct: Queryable = {
    async query(sql, params = []) {
      notify(sql, params);
      return prepare(sql).all(...params.map(toSqlite)) as Row[];
    },
    async run(sql, params = []): Promise<WriteResult> {
      notify(sql, params);
      const stmt = prepare(sql);
      if (stmt.reader) {
        stmt.all(...params.map(toSqlite));
        return { affectedRows: 0, insertId: null };
      }
      const r = stmt.run(...params.map(toSqlite));
      return { affectedRows: r.changes, insertId: r.changes > 0 ? Number(r.lastInsertRowid) : null };
    },
  };

  /**
   * A cursor on a second, read-only connection: better-sqlite3 refuses other statements on a
   * connection while an iterator is open, and a stream yields to other requests between chunks.
   * WAL lets the two connections read side by side. Rows come in chunks of 500 per event-loop turn.
   */
  async function* stream(sql: string, params: readonly SqlValue[] = []): AsyncGenerator<Row> {
    notify(sql, params);
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const iterator = reader.prepare(sql).iterate(...params.map(toSqlite)) as IterableIterator<Row>;
      let chunk = 0;
      for (const row of iterator) {
        yield row;
        if (++chunk === 500) {
          chunk = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      reader.close();
    }
  }

  async function waitForTransaction(): Promise<void> {
    if (txDepth > 0) await inTransaction.catch(() => undefined);
  }

  return {
    dialect: 'sqlite',
    description: `sqlite:${file}`,
    async query(sql, params) {
      await waitForTransaction();
      return direct.query(sql, params);
    },
    async run(sql, params) {
      await waitForTransaction();
      return direct.run(sql, params);
    },
    stream,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      while (txDepth > 0) await waitForTransaction();
      if (!db.open) throw new DriverClosedError();
      txDepth++;
      const done = (async () => {
        notify('BEGIN', []);
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          notify('COMMIT', []);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          notify('ROLLBACK', []);
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      })();
      inTransaction = done;
      try {
        return await done;
      } finally {
        txDepth--;
      }
    },
    poolState: () => null,
    onStatement(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      // A transaction under way (it yields between statements) finishes first.
      await waitForTransaction();
      statements.clear();
      if (db.open) db.close();
    },
  };
}
