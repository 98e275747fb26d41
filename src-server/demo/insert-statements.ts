/**
 * Multi-row INSERT statements with bound parameters only, cut to respect the per-statement
 * placeholder limits (SQLite: 32766 since 3.32; MySQL/MariaDB: 65535 in the prepared-statement
 * protocol) and a maximum number of rows per statement.
 */
import type { Dialect, SqlValue } from '../db/driver.ts';
import type { DemoColumn, DemoTable } from './demo-schema.ts';
import { quoteIdentifier } from './render-ddl.ts';

/** Placeholders one statement may bind, per dialect. */
export const PLACEHOLDER_LIMIT: Readonly<Record<Dialect, number>> = { sqlite: 32_766, mysql: 65_535 };

/** A demo row: column name → value. Missing columns take the column's default. */
export type DemoRow = Readonly<Record<string, SqlValue>>;

/** One INSERT with its values. */
export interface InsertStatement {
  readonly sql: string;
  readonly params: SqlValue[];
  readonly rows: number;
}

/** The value Perfex's schema would give a column left out of an INSERT. */
export function columnDefault(table: string, column: DemoColumn): SqlValue {
  if (column.default !== null) {
    return /^(tinyint|int|bigint|decimal)/.test(column.type) ? Number(column.default) : column.default;
  }
  if (column.nullable) return null;
  // The demo writes explicit values everywhere SQLite would refuse the row and MySQL would invent one.
  throw new Error(`${table}.${column.name} is NOT NULL without a default: the generator must set it`);
}

/**
 * Statement sizes for `total` rows: full chunks of `max`, then the remainder split in powers of
 * two, so a long run re-uses a handful of statement texts (MariaDB caps prepared statements at
 * 16382 per server, and both drivers cache statements by text).
 */
export function chunkSizes(total: number, max: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left >= max) {
    sizes.push(max);
    left -= max;
  }
  for (let power = 1 << 30; left > 0; power >>= 1) {
    if (power <= left) {
      sizes.push(power);
      left -= power;
    }
  }
  return sizes;
}

/** The largest number of rows of `table` one INSERT may carry. */
export function maxRowsPerInsert(table: DemoTable, dialect: Dialect, maxRows: number): number {
  return Math.max(1, Math.min(maxRows, Math.floor(PLACEHOLDER_LIMIT[dialect] / table.columns.length)));
}

/** Builds the INSERT statements for `rows` (every column listed, in schema order). */
export function buildInserts(
  table: DemoTable,
  rows: readonly DemoRow[],
  dialect: Dialect,
  maxRows: number,
): InsertStatement[] {
  const known = new Set(table.columns.map((c) => c.name));
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) throw new Error(`${table.name} has no column ${key}`);
    }
  }
  const defaults = new Map<string, SqlValue>();
  const fallback = (column: DemoColumn): SqlValue => {
    if (!defaults.has(column.name)) defaults.set(column.name, columnDefault(table.name, column));
    return defaults.get(column.name) ?? null;
  };
  const columnList = table.columns.map((c) => quoteIdentifier(c.name, dialect)).join(', ');
  const tuple = `(${table.columns.map(() => '?').join(', ')})`;
  const statements: InsertStatement[] = [];
  let offset = 0;
  for (const size of chunkSizes(rows.length, maxRowsPerInsert(table, dialect, maxRows))) {
    const params: SqlValue[] = [];
    for (const row of rows.slice(offset, offset + size)) {
      for (const column of table.columns) {
        params.push(column.name in row ? (row[column.name] ?? null) : fallback(column));
      }
    }
    const values = new Array<string>(size).fill(tuple).join(', ');
    statements.push({
      sql: `INSERT INTO ${quoteIdentifier(table.name, dialect)} (${columnList}) VALUES ${values}`,
      params,
      rows: size,
    });
    offset += size;
  }
  return statements;
}
