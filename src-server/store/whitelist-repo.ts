/**
 * The whitelist, moved from the foundation's JSON file into the store. The top level (prefix,
 * expose, relation edits) is one row; each table entry is its own row, so the Studio can change one
 * resource's settings without rewriting the others. Everything is validated with the same zod schema
 * as the file (`parseWhitelistConfig`), and import/export speak that file's JSON.
 */
import type Database from 'better-sqlite3';
import {
  parseWhitelistConfig,
  WhitelistConfigError,
  type ResolvedWhitelistConfig,
  type TableSettings,
  type WhitelistConfig,
} from '../config/whitelist-config.ts';

export interface WhitelistRepo {
  /** The stored whitelist with defaults applied (the default whitelist when none is stored). */
  get(): ResolvedWhitelistConfig;
  /** Replaces the whole whitelist (validated). */
  set(config: WhitelistConfig): ResolvedWhitelistConfig;
  getTable(table: string): TableSettings | undefined;
  /** Sets one table's entry (validated); null removes it. */
  setTable(table: string, settings: TableSettings | null): void;
  /** Parses and validates the JSON of a whitelist file, then stores it. */
  importJson(text: string): ResolvedWhitelistConfig;
  /** The stored whitelist as the pretty JSON of a whitelist file; `importJson(exportJson())` is a no-op. */
  exportJson(): string;
}

export function createWhitelistRepo(db: Database.Database): WhitelistRepo {
  const selectTop = db.prepare<[], { config: string }>('SELECT config FROM whitelist WHERE id = 1');
  const upsertTop = db.prepare<[string]>(
    'INSERT INTO whitelist (id, config) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config',
  );
  const selectTables = db.prepare<[], { table_name: string; settings: string }>(
    'SELECT table_name, settings FROM table_settings ORDER BY table_name',
  );
  const selectTable = db.prepare<[string], { settings: string }>(
    'SELECT settings FROM table_settings WHERE table_name = ?',
  );
  const upsertTable = db.prepare<[string, string]>(
    'INSERT INTO table_settings (table_name, settings) VALUES (?, ?) ON CONFLICT (table_name) DO UPDATE SET settings = excluded.settings',
  );
  const deleteTable = db.prepare<[string]>('DELETE FROM table_settings WHERE table_name = ?');

  function get(): ResolvedWhitelistConfig {
    const top = selectTop.get();
    // fromEntries defines own properties, so even a table called __proto__ stays a plain entry.
    const tables = Object.fromEntries(selectTables.all().map((row) => [row.table_name, JSON.parse(row.settings)]));
    const stored = top === undefined ? {} : (JSON.parse(top.config) as Record<string, unknown>);
    return parseWhitelistConfig({ ...stored, tables }, 'in the store');
  }

  const replace = db.transaction((config: ResolvedWhitelistConfig) => {
    const { tables, ...top } = config;
    upsertTop.run(JSON.stringify(top));
    db.prepare('DELETE FROM table_settings').run();
    for (const [table, settings] of Object.entries(tables)) upsertTable.run(table, JSON.stringify(settings));
  });

  function set(config: WhitelistConfig, source = '(to store)'): ResolvedWhitelistConfig {
    const resolved = parseWhitelistConfig(config, source);
    replace.immediate(resolved);
    return resolved;
  }

  return {
    get,
    set: (config) => set(config),
    getTable(table) {
      const row = selectTable.get(table);
      if (row === undefined) return undefined;
      return parseWhitelistConfig({ tables: { [table]: JSON.parse(row.settings) } }, 'in the store').tables[table];
    },
    setTable(table, settings) {
      if (settings === null) {
        deleteTable.run(table);
        return;
      }
      // Validated through the whole-file schema, so a table entry obeys exactly the file's rules.
      const checked = parseWhitelistConfig({ tables: { [table]: settings } }, `entry of ${table}`).tables[table];
      upsertTable.run(table, JSON.stringify(checked));
    },
    importJson(text) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new WhitelistConfigError(`the whitelist to import is not valid JSON: ${(error as Error).message}`);
      }
      return set(json as WhitelistConfig, 'to import');
    },
    exportJson: () => `${JSON.stringify(get(), null, 2)}\n`,
  };
}
