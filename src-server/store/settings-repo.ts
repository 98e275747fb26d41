/** Application settings: small JSON values under string keys (window size, retention, last connection…). */
import type Database from 'better-sqlite3';

export interface SettingsRepo {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): boolean;
}

export function createSettingsRepo(db: Database.Database): SettingsRepo {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  return {
    get<T>(key: string): T | undefined {
      const row = select.get(key);
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },
    set(key, value) {
      const json = JSON.stringify(value);
      // undefined, functions and symbols have no JSON form; storing "undefined" would fail to read back.
      if (json === undefined)
        throw new TypeError(`setting "${key}": the value has no JSON form; use delete() to remove it`);
      upsert.run(key, json);
    },
    delete: (key) => remove.run(key).changes > 0,
  };
}
