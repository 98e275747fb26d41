/**
 * The explorer's history and saved requests (`requests` table, migration 6). A stored request never
 * holds a token: its type only has room for the auth kind, so a pasted token cannot reach the file
 * (the explorer strips it before calling, and `stripToken` here makes sure). History keeps the
 * newest 200 sends.
 */
import type Database from 'better-sqlite3';
import type { SavedRequest } from '../../src-shared/admin-api.ts';
import { randomId } from './random-id.ts';

export type StoredRequest = SavedRequest['request'];

export const HISTORY_LIMIT = 200;

export interface RequestsRepo {
  /** Newest first. */
  history(limit?: number): SavedRequest[];
  appendHistory(request: StoredRequest, status: number | null, durationMs: number | null): SavedRequest;
  clearHistory(): number;
  /** By name. */
  saved(): SavedRequest[];
  getSaved(id: string): SavedRequest | undefined;
  createSaved(name: string, request: StoredRequest): SavedRequest;
  /** Undefined when there is no such saved request. */
  updateSaved(id: string, change: { readonly name?: string; readonly request?: StoredRequest }): SavedRequest | undefined;
  deleteSaved(id: string): boolean;
}

interface Row {
  id: string;
  name: string | null;
  request: string;
  status: number | null;
  duration_ms: number | null;
  created_at: string;
}

function toRecord(row: Row): SavedRequest {
  return {
    id: row.id,
    name: row.name,
    request: JSON.parse(row.request) as StoredRequest,
    status: row.status,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
}

/** The request with its auth reduced to the kind, whatever the caller passed at run time. */
function stripToken(request: StoredRequest): string {
  return JSON.stringify({ ...request, auth: { kind: request.auth.kind } });
}

export function createRequestsRepo(db: Database.Database, now: () => Date): RequestsRepo {
  const columns = 'id, name, request, status, duration_ms, created_at';
  const insert = db.prepare<[string, 'history' | 'saved', string | null, string, number | null, number | null, string]>(
    'INSERT INTO requests (id, kind, name, request, status, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const selectHistory = db.prepare<[number], Row>(
    `SELECT ${columns} FROM requests WHERE kind = 'history' ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  // rowid breaks ties between sends within the same millisecond.
  const trimHistory = db.prepare<[number]>(
    `DELETE FROM requests WHERE kind = 'history' AND rowid NOT IN
       (SELECT rowid FROM requests WHERE kind = 'history' ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
  );
  const clearHistory = db.prepare(`DELETE FROM requests WHERE kind = 'history'`);
  const selectSaved = db.prepare<[], Row>(
    `SELECT ${columns} FROM requests WHERE kind = 'saved' ORDER BY name COLLATE NOCASE, created_at`,
  );
  const selectOne = db.prepare<[string], Row>(`SELECT ${columns} FROM requests WHERE kind = 'saved' AND id = ?`);
  const update = db.prepare<[string | null, string, string]>(
    `UPDATE requests SET name = ?, request = ? WHERE kind = 'saved' AND id = ?`,
  );
  const remove = db.prepare<[string]>(`DELETE FROM requests WHERE kind = 'saved' AND id = ?`);

  const append = db.transaction((row: Row) => {
    insert.run(row.id, 'history', null, row.request, row.status, row.duration_ms, row.created_at);
    trimHistory.run(HISTORY_LIMIT);
  });

  return {
    history: (limit = HISTORY_LIMIT) => selectHistory.all(Math.min(Math.max(Math.trunc(limit), 1), HISTORY_LIMIT)).map(toRecord),
    appendHistory(request, status, durationMs) {
      const row: Row = {
        id: randomId('req'),
        name: null,
        request: stripToken(request),
        status,
        duration_ms: durationMs,
        created_at: now().toISOString(),
      };
      append.immediate(row);
      return toRecord(row);
    },
    clearHistory: () => clearHistory.run().changes,
    saved: () => selectSaved.all().map(toRecord),
    getSaved(id) {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    createSaved(name, request) {
      const row: Row = { id: randomId('req'), name, request: stripToken(request), status: null, duration_ms: null, created_at: now().toISOString() };
      insert.run(row.id, 'saved', row.name, row.request, null, null, row.created_at);
      return toRecord(row);
    },
    updateSaved(id, change) {
      const current = selectOne.get(id);
      if (current === undefined) return undefined;
      const request = change.request === undefined ? current.request : stripToken(change.request);
      update.run(change.name ?? current.name, request, id);
      return toRecord({ ...current, name: change.name ?? current.name, request });
    },
    deleteSaved: (id) => remove.run(id).changes > 0,
  };
}
