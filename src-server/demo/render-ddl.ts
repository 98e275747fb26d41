/**
 * CREATE TABLE statements for a demo table, per dialect. Both dialects declare the MySQL type
 * names (`decimal(15,2)`, `tinyint(1)`, `datetime`…), so introspecting either reads the same types.
 */
import type { Dialect } from '../db/driver.ts';
import type { DemoColumn, DemoTable } from './demo-schema.ts';

const NUMERIC_TYPE = /^(tinyint|smallint|mediumint|int|bigint|decimal|double|float)\b/;
const NUMERIC_LITERAL = /^-?\d+(\.\d+)?$/;

/** Quotes an identifier: backticks for MySQL, double quotes for SQLite. */
export function quoteIdentifier(name: string, dialect: Dialect): string {
  return dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

/** A string literal. MySQL also treats backslash as an escape unless NO_BACKSLASH_ESCAPES is set. */
function quoteString(value: string, dialect: Dialect): string {
  const escaped = dialect === 'mysql' ? value.replace(/\\/g, '\\\\') : value;
  return `'${escaped.replace(/'/g, "''")}'`;
}

function renderDefault(column: DemoColumn, dialect: Dialect): string {
  if (column.default === null)
    return column.nullable && dialect === 'mysql' && !/text$/.test(column.type) ? ' DEFAULT NULL' : '';
  // Numbers unquoted, so SQLite stores (and reports) 0 rather than the text '0'.
  const numeric = NUMERIC_TYPE.test(column.type) && NUMERIC_LITERAL.test(column.default);
  return ` DEFAULT ${numeric ? column.default : quoteString(column.default, dialect)}`;
}

/** The allowed values of an `enum('a','b')` type, or null for any other type. */
export function enumValues(type: string): string[] | null {
  const match = /^enum\((.*)\)$/i.exec(type);
  if (match === null) return null;
  return [...(match[1] ?? '').matchAll(/'((?:[^'\\]|\\.|'')*)'/g)].map((m) =>
    (m[1] ?? '').replace(/''/g, "'").replace(/\\(.)/g, '$1'),
  );
}

function isRowidKey(table: DemoTable, column: DemoColumn): boolean {
  return column.autoIncrement && table.primaryKey.length === 1 && table.primaryKey[0] === column.name;
}

function renderColumn(table: DemoTable, column: DemoColumn, dialect: Dialect): string {
  const name = quoteIdentifier(column.name, dialect);
  if (dialect === 'sqlite' && isRowidKey(table, column)) {
    // Only this exact spelling makes the column an alias of the rowid with a never-reused sequence.
    return `${name} INTEGER PRIMARY KEY AUTOINCREMENT`;
  }
  const values = dialect === 'sqlite' ? enumValues(column.type) : null;
  // SQLite's grammar takes only numbers inside a type's parentheses: `enum('a','b')` must be
  // quoted as a name, which PRAGMA table_info still reports as enum('a','b').
  let sql = `${name} ${values === null ? column.type : quoteIdentifier(column.type, 'sqlite')}`;
  if (!column.nullable) sql += ' NOT NULL';
  sql += renderDefault(column, dialect);
  if (dialect === 'mysql' && column.autoIncrement) sql += ' AUTO_INCREMENT';
  if (values !== null) {
    sql += ` CHECK (${name} IN (${values.map((v) => quoteString(v, dialect)).join(', ')}))`;
  }
  return sql;
}

/**
 * SQLite index names share one namespace with tables, so they carry the table name: a double
 * underscore keeps `tblleads` + `status` apart from the table `tblleads_status`.
 */
export function sqliteIndexName(table: string, index: string): string {
  return `${table}__${index}`;
}

/**
 * The statements that create `table`: one CREATE TABLE for MySQL (keys inline, InnoDB, utf8mb4),
 * or CREATE TABLE followed by one CREATE INDEX per secondary index for SQLite.
 */
export function renderCreateTable(table: DemoTable, dialect: Dialect): string[] {
  const q = (name: string): string => quoteIdentifier(name, dialect);
  const lines = table.columns.map((c) => `  ${renderColumn(table, c, dialect)}`);
  const rowidKey = table.columns.some((c) => isRowidKey(table, c));
  if (table.primaryKey.length > 0 && !(dialect === 'sqlite' && rowidKey)) {
    lines.push(`  PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  }
  if (dialect === 'mysql') {
    for (const index of table.indexes) {
      lines.push(`  ${index.unique ? 'UNIQUE KEY' : 'KEY'} ${q(index.name)} (${index.columns.map(q).join(', ')})`);
    }
    const options = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    return [`CREATE TABLE ${q(table.name)} (\n${lines.join(',\n')}\n) ${options}`];
  }
  const statements = [`CREATE TABLE ${q(table.name)} (\n${lines.join(',\n')}\n)`];
  for (const index of table.indexes) {
    const unique = index.unique ? 'UNIQUE ' : '';
    const columns = index.columns.map(q).join(', ');
    statements.push(
      `CREATE ${unique}INDEX ${q(sqliteIndexName(table.name, index.name))} ON ${q(table.name)} (${columns})`,
    );
  }
  return statements;
}

/** DROP TABLE IF EXISTS for one table. */
export function renderDropTable(table: string, dialect: Dialect): string {
  return `DROP TABLE IF EXISTS ${quoteIdentifier(table, dialect)}`;
}
