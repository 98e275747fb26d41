/**
 * The audit log of `/api/v1` requests. The pipeline buffers entries and calls `append` off the hot
 * path in batches: one prepared statement in one transaction, so a batch costs one WAL commit.
 * Queries page newest first by id (a stable cursor, unlike time, which can repeat), with an index for
 * each filter; `after` reads forward from an id instead (the Studio's live tail, oldest first).
 * Each entry carries the name of its token, looked up by a join (the log has no foreign key: it
 * outlives the token). `prune` applies the retention policy by age and by row count.
 */
import type Database from 'better-sqlite3';
import { StoreInputError } from './store-errors.ts';

export interface AuditEntry {
  readonly time: string;
  readonly tokenId: string | null;
  readonly ip: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly rows: number | null;
  readonly durationMs: number;
  readonly requestId: string;
}

export interface AuditQuery {
  /** Inclusive lower bound (ISO date or date-time). */
  readonly from?: string;
  /** Exclusive upper bound (ISO date or date-time). */
  readonly to?: string;
  readonly tokenId?: string;
  readonly status?: number;
  /** 2 = 2xx … 5 = 5xx. */
  readonly statusClass?: 2 | 3 | 4 | 5;
  readonly method?: string;
  readonly pathPrefix?: string;
  /** Default 100, at most 1000. */
  readonly limit?: number;
  /** Entries with an id below this one (the previous page's `nextBefore`). */
  readonly before?: number;
  /** Entries with an id above this one, oldest first (a live tail polling for what is new). */
  readonly after?: number;
}

/** A stored entry as read back: its id, and its token's name while that token exists. */
export type AuditRecord = AuditEntry & { readonly id: number; readonly tokenName?: string };

export interface AuditPage {
  readonly entries: AuditRecord[];
  /** The cursor of the next (older) page, or null on the last page (always null with `after`). */
  readonly nextBefore: number | null;
  /** With `after`: the cursor of the next (newer) page when more entries matched than `limit`, else null. */
  readonly nextAfter: number | null;
}

export interface AuditRepo {
  append(entries: readonly AuditEntry[]): void;
  query(q: AuditQuery): AuditPage;
  /** Deletes entries older than `maxDays` and beyond the newest `maxRows`; returns how many. */
  prune(policy: { maxDays: number; maxRows: number }): number;
}

interface Row {
  id: number;
  time: string;
  token_id: string | null;
  ip: string;
  method: string;
  path: string;
  status: number;
  rows: number | null;
  duration_ms: number;
  request_id: string;
  token_name: string | null;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** Times are stored as `Date#toISOString`, so bounds are normalised to the same form to compare as text. */
function isoBound(field: string, value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new StoreInputError(field, `"${value}" is not a date; use ISO 8601, e.g. 2026-05-01`);
  return new Date(time).toISOString();
}

function toEntry(row: Row): AuditRecord {
  return {
    id: row.id,
    time: row.time,
    tokenId: row.token_id,
    ip: row.ip,
    method: row.method,
    path: row.path,
    status: row.status,
    rows: row.rows,
    durationMs: row.duration_ms,
    requestId: row.request_id,
    // Absent rather than null when the token is gone, so an entry reads back exactly as appended.
    ...(row.token_name === null ? {} : { tokenName: row.token_name }),
  };
}

export function createAuditRepo(db: Database.Database, now: () => Date): AuditRepo {
  const insert = db.prepare(
    `INSERT INTO audit (time, token_id, ip, method, path, status, rows, duration_ms, request_id)
     VALUES (@time, @tokenId, @ip, @method, @path, @status, @rows, @durationMs, @requestId)`,
  );
  const appendAll = db.transaction((entries: readonly AuditEntry[]) => {
    for (const e of entries) insert.run(e);
  });

  return {
    append(entries) {
      if (entries.length > 0) appendAll.immediate(entries);
    },

    query(q) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (sql: string, ...values: (string | number)[]): void => {
        where.push(sql);
        params.push(...values);
      };
      if (q.from !== undefined) add('a.time >= ?', isoBound('from', q.from));
      if (q.to !== undefined) add('a.time < ?', isoBound('to', q.to));
      if (q.tokenId !== undefined) add('a.token_id = ?', q.tokenId);
      if (q.status !== undefined) add('a.status = ?', q.status);
      if (q.statusClass !== undefined) add('a.status BETWEEN ? AND ?', q.statusClass * 100, q.statusClass * 100 + 99);
      if (q.method !== undefined) add('a.method = ?', q.method.toUpperCase());
      // substr rather than LIKE: LIKE treats % and _ in the prefix as wildcards and ignores ASCII case.
      if (q.pathPrefix !== undefined) add('substr(a.path, 1, ?) = ?', [...q.pathPrefix].length, q.pathPrefix);
      if (q.before !== undefined) add('a.id < ?', q.before);
      if (q.after !== undefined) add('a.id > ?', q.after);
      const forward = q.after !== undefined;
      const limit = Math.min(Math.max(Math.trunc(q.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      // 'studio' is the Studio explorer's own calls (no token; security/authenticate.ts STUDIO_EXPLORER).
      const sql = `SELECT a.*, COALESCE(t.name, CASE a.token_id WHEN 'studio' THEN 'Studio explorer' END) AS token_name FROM audit a LEFT JOIN tokens t ON t.id = a.token_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id ${forward ? 'ASC' : 'DESC'} LIMIT ?`;
      // One row more than asked tells whether another page exists without a COUNT.
      const rows = db.prepare<(string | number)[], Row>(sql).all(...params, limit + 1);
      const page = rows.slice(0, limit).map(toEntry);
      const more = rows.length > limit ? (page.at(-1)?.id ?? null) : null;
      return forward ? { entries: page, nextBefore: null, nextAfter: more } : { entries: page, nextBefore: more, nextAfter: null };
    },

    prune({ maxDays, maxRows }) {
      const cutoff = new Date(now().getTime() - maxDays * 86_400_000).toISOString();
      return db
        .transaction(() => {
          const byAge = db.prepare('DELETE FROM audit WHERE time < ?').run(cutoff).changes;
          if (maxRows <= 0) return byAge + db.prepare('DELETE FROM audit').run().changes;
          const keepFrom = db
            .prepare<[number], { id: number }>('SELECT id FROM audit ORDER BY id DESC LIMIT 1 OFFSET ?')
            .get(maxRows - 1);
          const byCount =
            keepFrom === undefined ? 0 : db.prepare('DELETE FROM audit WHERE id < ?').run(keepFrom.id).changes;
          return byAge + byCount;
        })
        .immediate();
    },
  };
}
