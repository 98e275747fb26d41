/**
 * Buffers generated rows and writes them in batches: every `batchSize` parent entities (an invoice
 * with its lines, taxes and payments counts as one), the buffered rows of every table go out as
 * multi-row INSERTs in one transaction. Memory stays bounded whatever the scale.
 */
import type { Driver, Queryable, SqlValue } from '../db/driver.ts';
import { demoSchema, demoTable } from './demo-schema.ts';
import { buildInserts, type DemoRow } from './insert-statements.ts';
import type { ProgressTracker } from './progress-tracker.ts';

/** A statement with its bound values. */
export interface BoundStatement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Batched, transactional writer of demo rows. */
export class RowWriter {
  private readonly buffer = new Map<string, DemoRow[]>();
  private parents = 0;
  private units = 0;
  private readonly written = new Map<string, number>();

  constructor(
    private readonly driver: Driver,
    private readonly batchSize: number,
    private readonly progress: ProgressTracker,
  ) {}

  /** Queues one row of `table`. */
  add(table: string, row: DemoRow): void {
    let rows = this.buffer.get(table);
    if (rows === undefined) {
      demoTable(table); // throws on a table the demo schema does not define
      rows = [];
      this.buffer.set(table, rows);
    }
    rows.push(row);
  }

  /**
   * Marks one parent entity complete; writes the batch once `batchSize` parents are queued.
   * `progressUnits` is what it counts for on the progress bar (0 for cheap bookkeeping rows).
   */
  async parentDone(progressUnits = 1): Promise<void> {
    this.parents++;
    this.units += progressUnits;
    if (this.parents >= this.batchSize) await this.flush();
  }

  /** Writes everything queued, in one transaction. */
  async flush(): Promise<void> {
    const units = this.units;
    this.parents = 0;
    this.units = 0;
    if (this.buffer.size > 0) {
      // Schema order: lookups and parents before the rows that point at them.
      const tables = demoSchema.tables.filter((t) => this.buffer.has(t.name));
      await this.inTransaction(async (tx) => {
        for (const table of tables) {
          const rows = this.buffer.get(table.name) ?? [];
          for (const statement of buildInserts(table, rows, this.driver.dialect, this.batchSize)) {
            await tx.run(statement.sql, statement.params);
          }
          this.written.set(table.name, (this.written.get(table.name) ?? 0) + rows.length);
        }
      });
      this.buffer.clear();
    }
    this.progress.advance(units);
  }

  /** Runs `statements` (fix-ups such as UPDATEs) in one transaction, after flushing the queue. */
  async execute(statements: readonly BoundStatement[]): Promise<void> {
    await this.flush();
    await this.inTransaction(async (tx) => {
      for (const s of statements) await tx.run(s.sql, s.params);
    });
  }

  /** Rows written so far, per table. */
  rowCounts(): Record<string, number> {
    return Object.fromEntries(demoSchema.tables.map((t) => [t.name, this.written.get(t.name) ?? 0]));
  }

  private async inTransaction(work: (tx: Queryable) => Promise<void>): Promise<void> {
    await this.driver.transaction(async (tx) => {
      if (this.driver.dialect !== 'mysql') return work(tx);
      // Like Perfex's installer: without strict mode and NO_ZERO_DATE, so '0000-00-00' is
      // accepted. Restored afterwards because the pooled connection goes back to the engine.
      await tx.run('SET @pas_demo_sql_mode = @@SESSION.sql_mode');
      await tx.run("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'");
      try {
        await work(tx);
      } finally {
        await tx.run('SET SESSION sql_mode = @pas_demo_sql_mode');
      }
    });
  }
}
