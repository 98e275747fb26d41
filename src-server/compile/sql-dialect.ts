/**
 * The per-dialect part of compile: identifier quoting only (placeholders are `?` on both).
 * Identifiers come from the catalog, never from callers; quoting protects reserved words such as
 * Perfex's `date`, `status` and `order` columns.
 */
import type { Dialect } from '../db/driver.ts';

export interface SqlDialect {
  readonly name: Dialect;
  quote(identifier: string): string;
}

/** MySQL quotes with backticks; a backtick inside a name is doubled (MySQL 8.4 ref. §11.2). */
const mysqlDialect: SqlDialect = {
  name: 'mysql',
  quote: (id) => `\`${id.replaceAll('`', '``')}\``,
};

/** SQLite uses standard double quotes, doubled inside a name (sqlite.org/lang_keywords.html). */
const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  quote: (id) => `"${id.replaceAll('"', '""')}"`,
};

export function sqlDialect(dialect: Dialect): SqlDialect {
  return dialect === 'mysql' ? mysqlDialect : sqliteDialect;
}
