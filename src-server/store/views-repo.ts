/**
 * Saved views (named list requests with parameters) in the local store, one row per view, the
 * definition as JSON validated with the same schema the admin API and the CLI use.
 */
import type Database from 'better-sqlite3';
import { parseViewDefinition, type ViewDefinition } from '../engine/view-definition.ts';

export interface ViewRecord {
  readonly definition: ViewDefinition;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ViewsRepo {
  list(): ViewRecord[];
  get(name: string): ViewRecord | undefined;
  /** Creates or replaces a view (validated); returns the stored record. */
  put(definition: unknown): ViewRecord;
  delete(name: string): boolean;
  /**
   * Changes whenever the views may have changed, here or in another process (the CLI), so readers
   * such as the GraphQL schema cache can reuse what they built from `list()` until then.
   */
  revision(): string;
}

interface ViewRow {
  definition: string;
  created_at: string;
  updated_at: string;
}

function record(row: ViewRow): ViewRecord {
  return {
    definition: parseViewDefinition(JSON.parse(row.definition)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createViewsRepo(db: Database.Database, now: () => Date): ViewsRepo {
  const selectAll = db.prepare<[], ViewRow>('SELECT definition, created_at, updated_at FROM views ORDER BY name');
  const selectOne = db.prepare<[string], ViewRow>(
    'SELECT definition, created_at, updated_at FROM views WHERE name = ?',
  );
  const upsert = db.prepare<[string, string, string, string]>(
    'INSERT INTO views (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at',
  );
  const remove = db.prepare<[string]>('DELETE FROM views WHERE name = ?');
  // SQLite's data_version moves when another connection commits; our own writes bump `local`.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let local = 0;
  return {
    revision: () => `${dataVersion.get()}.${local}`,
    list: () => selectAll.all().map(record),
    get(name) {
      const row = selectOne.get(name);
      return row === undefined ? undefined : record(row);
    },
    put(input) {
      const definition = parseViewDefinition(input);
      const time = now().toISOString();
      upsert.run(definition.name, JSON.stringify(definition), time, time);
      local++;
      return record(selectOne.get(definition.name) as ViewRow);
    },
    delete(name) {
      local++;
      return remove.run(name).changes > 0;
    },
  };
}
