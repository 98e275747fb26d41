/**
 * MySQL/MariaDB schema from information_schema in five statements for the whole database, whatever
 * its size (PostgREST reads its schema cache the same way: a fixed set of catalog queries, never one
 * per table). A Perfex install with modules easily has 200+ tables.
 */
import type { Queryable, Row } from '../db/driver.ts';
import type { DbForeignKey, DbSchema, DbTable } from './db-schema.ts';
import { deepFreeze } from './deep-freeze.ts';
import { toDbColumn } from './to-db-column.ts';
import { groupRows } from './group-rows.ts';

const TABLES_SQL = `SELECT TABLE_NAME AS tableName, TABLE_TYPE AS tableType, TABLE_ROWS AS tableRows, TABLE_COMMENT AS tableComment
FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'VIEW') ORDER BY TABLE_NAME`;

const COLUMNS_SQL = `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLUMN_TYPE AS columnType, IS_NULLABLE AS isNullable,
COLUMN_DEFAULT AS columnDefault, EXTRA AS extra, CHARACTER_MAXIMUM_LENGTH AS maxLength, COLUMN_COMMENT AS columnComment
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`;

// NUMERIC_PRECISION/SCALE are not read: they equal the figures in COLUMN_TYPE for decimals, and for
// integers and doubles they are storage facts (10 digits for int, 22 for double) that SQLite cannot match.

const UNIQUE_SQL = `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, COLUMN_NAME AS columnName
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 0
ORDER BY TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX`;

// Only references inside this database: the engine reads one schema.
const FOREIGN_KEYS_SQL = `SELECT TABLE_NAME AS tableName, CONSTRAINT_NAME AS constraintName, COLUMN_NAME AS columnName,
REFERENCED_TABLE_NAME AS referencedTable, REFERENCED_COLUMN_NAME AS referencedColumn
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_SCHEMA = TABLE_SCHEMA AND REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}


function keysOf(rows: readonly Row[]): { primaryKey: string[]; uniqueKeys: string[][] } {
  const primaryKey: string[] = [];
  const unique = new Map<string, string[]>();
  for (const row of rows) {
    const index = text(row.indexName);
    if (index === 'PRIMARY') {
      primaryKey.push(text(row.columnName));
    } else {
      const cols = unique.get(index) ?? [];
      cols.push(text(row.columnName));
      unique.set(index, cols);
    }
  }
  return { primaryKey, uniqueKeys: [...unique.values()] };
}

function foreignKeysOf(rows: readonly Row[]): DbForeignKey[] {
  return [...groupRows(rows, 'constraintName')].map(([name, cols]) => ({
    name,
    columns: cols.map((c) => text(c.columnName)),
    referencedTable: text(cols[0]?.referencedTable),
    referencedColumns: cols.map((c) => text(c.referencedColumn)),
  }));
}

/** Reads the current database of a MySQL or MariaDB connection. */
export async function introspectMysql(db: Queryable): Promise<DbSchema> {
  const [info] = await db.query('SELECT DATABASE() AS db, VERSION() AS version');
  const database = text(info?.db);
  if (database === '')
    throw new Error('the MySQL connection has no current database: add it to the URL (mysql://…/perfex)');
  // MariaDB ≥ 10.2.7 reports defaults as SQL text ('x', NULL); MySQL 8 reports bare values.
  const defaultStyle = /mariadb/i.test(text(info?.version)) ? 'sql-text' : 'bare';
  const [tables, columns, uniques, foreignKeys] = await Promise.all([
    db.query(TABLES_SQL, [database]),
    db.query(COLUMNS_SQL, [database]),
    db.query(UNIQUE_SQL, [database]),
    db.query(FOREIGN_KEYS_SQL, [database]),
  ]);
  const columnsByTable = groupRows(columns, 'tableName');
  const keysByTable = groupRows(uniques, 'tableName');
  const fksByTable = groupRows(foreignKeys, 'tableName');

  const result: DbTable[] = tables.map((t) => {
    const name = text(t.tableName);
    const { primaryKey, uniqueKeys } = keysOf(keysByTable.get(name) ?? []);
    return {
      name,
      columns: (columnsByTable.get(name) ?? []).map((c) =>
        toDbColumn({
          name: text(c.columnName),
          declaredType: text(c.columnType),
          nullable: text(c.isNullable) === 'YES',
          rawDefault: c.columnDefault,
          defaultStyle,
          autoIncrement: /\bauto_increment\b/i.test(text(c.extra)),
          comment: text(c.columnComment),
          reportedMaxLength: numberOrNull(c.maxLength),
        }),
      ),
      primaryKey,
      uniqueKeys,
      foreignKeys: foreignKeysOf(fksByTable.get(name) ?? []),
      // InnoDB's TABLE_ROWS is an estimate (MySQL manual, "The INFORMATION_SCHEMA TABLES Table"); NULL for views.
      rowEstimate: numberOrNull(t.tableRows) ?? 0,
      isView: text(t.tableType) === 'VIEW',
      comment: text(t.tableComment),
    };
  });
  return deepFreeze({ dialect: 'mysql', database, tables: result });
}
