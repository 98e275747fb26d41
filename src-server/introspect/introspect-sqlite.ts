/**
 * SQLite schema from sqlite_master and the table-valued pragma functions
 * (https://sqlite.org/pragma.html#pragfunc), joined so the statement count does not grow with
 * the number of tables. Declared types are kept verbatim by SQLite and parsed like MySQL's.
 */
import path from 'node:path';
import type { Queryable, Row } from '../db/driver.ts';
import type { DbForeignKey, DbSchema, DbTable } from './db-schema.ts';
import { deepFreeze } from './deep-freeze.ts';
import { parseEnumValues } from './parse-column-type.ts';
import { toDbColumn } from './to-db-column.ts';
import { groupRows } from './group-rows.ts';

// sqlite_% are SQLite's own tables (sqlite_sequence, sqlite_stat1…).
const OBJECTS_SQL = `SELECT name, type, sql FROM sqlite_master
WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`;

const COLUMNS_SQL = `SELECT m.name AS tableName, p.name AS columnName, p.type AS declaredType, p."notnull" AS requiredFlag,
p.dflt_value AS defaultValue, p.pk AS pk
FROM sqlite_master m JOIN pragma_table_info(m.name) p
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, p.cid`;

const UNIQUE_SQL = `SELECT m.name AS tableName, il.name AS indexName, ii.name AS columnName
FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND il."unique" = 1 AND il.origin <> 'pk' AND il.partial = 0
ORDER BY m.name, il.name, ii.seqno`;

const FOREIGN_KEYS_SQL = `SELECT m.name AS tableName, fk.id AS id, fk."table" AS referencedTable, fk."from" AS columnName, fk."to" AS referencedColumn
FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, fk.id, fk.seq`;

/** SQLite refuses compound SELECTs of more than 500 terms (SQLITE_MAX_COMPOUND_SELECT). */
const COUNT_BATCH = 400;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}


/**
 * `CHECK ("status" IN ('a','b'))` on a column: SQLite has no ENUM, so a MySQL-shaped file declares
 * the allowed values this way (or spells the type as a quoted name, `"enum('a','b')"`).
 */
function checkedValues(createSql: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const pattern = /CHECK\s*\(\s*["`[]?(\w+)["`\]]?\s+IN\s*\(((?:\s*'(?:[^']|'')*'\s*,?)+)\)\s*\)/gi;
  for (const m of createSql.matchAll(pattern)) values.set(m[1] ?? '', parseEnumValues(m[2] ?? ''));
  return values;
}

/**
 * A column is the rowid's alias, and so numbered by SQLite, only when declared exactly `INTEGER`
 * as the sole primary key of a rowid table (https://sqlite.org/lang_createtable.html#rowid).
 */
function rowidAlias(columns: readonly Row[], createSql: string): string | null {
  const keys = columns.filter((c) => Number(c.pk) > 0);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only === undefined || text(only.declaredType).toUpperCase() !== 'INTEGER') return null;
  if (/\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(createSql)) return null;
  return text(only.columnName);
}

function foreignKeysOf(
  table: string,
  rows: readonly Row[],
  primaryKeys: ReadonlyMap<string, readonly string[]>,
): DbForeignKey[] {
  return [...groupRows(rows, 'id')].map(([id, cols]) => {
    const referencedTable = text(cols[0]?.referencedTable);
    // `REFERENCES parent` without columns means the parent's primary key.
    const parentKey = primaryKeys.get(referencedTable) ?? [];
    return {
      name: `${table}_fk_${id}`,
      columns: cols.map((c) => text(c.columnName)),
      referencedTable,
      referencedColumns: cols.map((c, i) => text(c.referencedColumn) || (parentKey[i] ?? '')),
    };
  });
}

async function countRows(db: Queryable, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < tables.length; i += COUNT_BATCH) {
    const batch = tables.slice(i, i + COUNT_BATCH);
    const sql = batch
      .map((t) => `SELECT '${t.replace(/'/g, "''")}' AS t, COUNT(*) AS n FROM ${quote(t)}`)
      .join(' UNION ALL ');
    for (const row of await db.query(sql)) counts.set(text(row.t), Number(row.n));
  }
  return counts;
}

/** Reads every table and view of a SQLite database. */
export async function introspectSqlite(db: Queryable): Promise<DbSchema> {
  const objects = await db.query(OBJECTS_SQL);
  const columnsByTable = groupRows(await db.query(COLUMNS_SQL), 'tableName');
  const uniqueByTable = groupRows(await db.query(UNIQUE_SQL), 'tableName');
  const fksByTable = groupRows(await db.query(FOREIGN_KEYS_SQL), 'tableName');
  const baseTables = objects.filter((o) => o.type === 'table').map((o) => text(o.name));
  // COUNT(*) is exact and cheap at the demo's size; SQLite keeps no row estimate without ANALYZE.
  const counts = await countRows(db, baseTables);
  const [main] = await db.query("SELECT file FROM pragma_database_list WHERE name = 'main'");

  const primaryKeys = new Map<string, string[]>();
  for (const [table, cols] of columnsByTable) {
    primaryKeys.set(
      table,
      cols
        .filter((c) => Number(c.pk) > 0)
        .sort((a, b) => Number(a.pk) - Number(b.pk))
        .map((c) => text(c.columnName)),
    );
  }

  const tables: DbTable[] = objects.map((o) => {
    const name = text(o.name);
    const createSql = text(o.sql);
    const isView = o.type === 'view';
    const rawColumns = columnsByTable.get(name) ?? [];
    const alias = isView ? null : rowidAlias(rawColumns, createSql);
    const checks = checkedValues(createSql);
    const uniqueKeys = [...groupRows(uniqueByTable.get(name) ?? [], 'indexName').values()].map((cols) =>
      cols.map((c) => text(c.columnName)),
    );
    return {
      name,
      columns: rawColumns.map((c) => {
        const columnName = text(c.columnName);
        return toDbColumn({
          name: columnName,
          declaredType: text(c.declaredType),
          // A primary key column cannot hold NULL in MySQL; SQLite only enforces it for the rowid alias.
          nullable: Number(c.requiredFlag) === 0 && Number(c.pk) === 0,
          rawDefault: c.defaultValue,
          defaultStyle: 'sql-text',
          autoIncrement: columnName === alias,
          comment: '',
          checkedValues: checks.get(columnName) ?? null,
        });
      }),
      primaryKey: isView ? [] : (primaryKeys.get(name) ?? []),
      uniqueKeys,
      foreignKeys: foreignKeysOf(name, fksByTable.get(name) ?? [], primaryKeys),
      rowEstimate: counts.get(name) ?? 0,
      isView,
      comment: '',
    };
  });
  const file = text(main?.file);
  return deepFreeze({ dialect: 'sqlite', database: file === '' ? ':memory:' : path.basename(file), tables });
}
