/**
 * What `introspect` reads from a database: plain, frozen data, dialect-neutral.
 * Column types are normalised to MySQL's vocabulary on both dialects (the demo SQLite database
 * declares MySQL type names, and SQLite keeps declared types verbatim), so the catalog needs no
 * per-dialect knowledge.
 */
import type { Dialect } from '../db/driver.ts';

export type DataType =
  | 'tinyint' | 'smallint' | 'mediumint' | 'int' | 'bigint'
  | 'decimal' | 'float' | 'double'
  | 'char' | 'varchar' | 'tinytext' | 'text' | 'mediumtext' | 'longtext'
  | 'date' | 'datetime' | 'timestamp' | 'time' | 'year'
  | 'enum' | 'set' | 'json'
  | 'binary' | 'varbinary' | 'blob' | 'tinyblob' | 'mediumblob' | 'longblob'
  | 'bit' | 'unknown';

export interface DbColumn {
  readonly name: string;
  /** Normalised base type, e.g. `int`, `varchar`, `decimal`. */
  readonly dataType: DataType;
  /** The full declared type, e.g. `tinyint(1)`, `decimal(15,2)`, `varchar(191)`, `int unsigned`. */
  readonly columnType: string;
  readonly nullable: boolean;
  /** Default as the database reports it (unquoted literal), or null when there is none. */
  readonly defaultValue: string | null;
  readonly autoIncrement: boolean;
  /** Character length for char/varchar/text types. */
  readonly maxLength: number | null;
  /** Total digits (decimal) or display width (int). */
  readonly precision: number | null;
  readonly scale: number | null;
  readonly unsigned: boolean;
  /** Values of an `enum(...)`/`set(...)` column. */
  readonly enumValues: readonly string[] | null;
  readonly comment: string;
}

export interface DbForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
}

export interface DbTable {
  readonly name: string;
  readonly columns: readonly DbColumn[];
  /** Column names of the primary key, in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  readonly uniqueKeys: readonly (readonly string[])[];
  readonly foreignKeys: readonly DbForeignKey[];
  /** Approximate row count (information_schema / sqlite_stat or COUNT on small tables). */
  readonly rowEstimate: number;
  readonly isView: boolean;
  /** Table comment (MySQL `TABLE_COMMENT`); absent or empty when there is none. */
  readonly comment?: string;
}

export interface DbSchema {
  readonly dialect: Dialect;
  /** Database (MySQL) or file (SQLite) name. */
  readonly database: string;
  readonly tables: readonly DbTable[];
}
