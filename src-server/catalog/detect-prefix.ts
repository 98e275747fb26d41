/**
 * The table prefix to strip from resource names. Perfex prefixes every table with `db_prefix()`,
 * `tbl` unless `APP_DB_PREFIX` says otherwise (NOTES.md §1); other apps often use `xyz_`.
 */

const PERFEX_PREFIX = 'tbl';

/** `tbl` when most tables start with it, else the most common `xyz_` shared by most tables, else ''. */
export function detectPrefix(tables: readonly string[]): string {
  if (tables.length === 0) return PERFEX_PREFIX;
  const majority = (count: number): boolean => count * 2 > tables.length;
  if (majority(tables.filter((t) => t.startsWith(PERFEX_PREFIX)).length)) return PERFEX_PREFIX;
  const counts = new Map<string, number>();
  for (const t of tables) {
    const m = /^[A-Za-z0-9]+_/.exec(t);
    if (m !== null) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best !== undefined && best[1] >= 2 && majority(best[1]) ? best[0] : '';
}

/** The table name without the prefix, when it has it (and something is left). */
export function stripPrefix(table: string, prefix: string): string {
  return prefix !== '' && table.startsWith(prefix) && table.length > prefix.length ? table.slice(prefix.length) : table;
}
