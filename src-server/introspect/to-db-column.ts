/** The one place a column as a dialect reports it becomes a `DbColumn`, so both dialects agree. */
import type { DbColumn } from './db-schema.ts';
import { normalizeDefault, type DefaultStyle } from './normalize-default.ts';
import { parseColumnType } from './parse-column-type.ts';

export interface RawColumn {
  readonly name: string;
  /** As declared (SQLite) or `COLUMN_TYPE` (MySQL). */
  readonly declaredType: string;
  readonly nullable: boolean;
  readonly rawDefault: unknown;
  readonly defaultStyle: DefaultStyle;
  readonly autoIncrement: boolean;
  readonly comment: string;
  /** Values of a SQLite `CHECK (col IN ('a','b'))` on a text column: read as a MySQL enum. */
  readonly checkedValues?: readonly string[] | null;
  /**
   * MySQL's CHARACTER_MAXIMUM_LENGTH, used only when the type text carries no length. Sizes are
   * otherwise read from the type (NUMERIC_PRECISION/SCALE equal the `decimal(p,s)` figures), so
   * that SQLite, which reports no sizes, gives the same values.
   */
  readonly reportedMaxLength?: number | null;
}

const SIZED_STRINGS = new Set(['char', 'varchar', 'binary', 'varbinary']);

/** Builds a frozen `DbColumn` from what the database reported. */
export function toDbColumn(raw: RawColumn): DbColumn {
  let type = parseColumnType(raw.declaredType);
  const checked = raw.checkedValues ?? null;
  if (
    checked !== null &&
    ['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'unknown'].includes(type.dataType)
  ) {
    type = parseColumnType(`enum(${checked.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`);
  }
  return Object.freeze({
    name: raw.name,
    dataType: type.dataType,
    columnType: type.columnType,
    nullable: raw.nullable,
    defaultValue: normalizeDefault(raw.rawDefault, raw.defaultStyle),
    autoIncrement: raw.autoIncrement,
    maxLength: type.maxLength ?? (SIZED_STRINGS.has(type.dataType) ? (raw.reportedMaxLength ?? null) : null),
    precision: type.precision,
    scale: type.scale,
    unsigned: type.unsigned,
    enumValues: type.enumValues === null ? null : Object.freeze([...type.enumValues]),
    comment: raw.comment,
  });
}
