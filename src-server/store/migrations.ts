/**
 * The store's schema, as an ordered list of migrations. The file's version is SQLite's
 * `PRAGMA user_version`; each migration runs in its own transaction together with the version bump
 * (the header write is journaled like any page), so a crash leaves the file at the old version or the
 * new one, never between. Never edit a released migration: append a new one, and add its "data valid
 * at that version" case to test/integration/store-migrations.test.ts.
 */
import type Database from 'better-sqlite3';
import { StoreVersionError } from './store-errors.ts';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

// STRICT tables (SQLite ≥ 3.37) refuse a value of the wrong type instead of storing it silently.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings and connections',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
      ) STRICT;
      -- One value sealed with the store key, to tell "wrong key" apart from "tampered secret".
      CREATE TABLE key_check (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        source TEXT NOT NULL,          -- where the key came from, for the error message
        sealed TEXT NOT NULL
      ) STRICT;
      CREATE TABLE connections (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        dialect      TEXT NOT NULL CHECK (dialect IN ('mysql', 'sqlite')),
        redacted_url TEXT NOT NULL,    -- password replaced by ***, for lists
        sealed_url   TEXT NOT NULL,    -- the full URL, AES-256-GCM (secret-box.ts)
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;`,
  },
  {
    version: 2,
    description: 'whitelist and per-resource settings',
    sql: `
      -- The whitelist's top level (prefix, expose, relations) …
      CREATE TABLE whitelist (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        config TEXT NOT NULL           -- JSON, without "tables"
      ) STRICT;
      -- … and one row per table entry, so one resource's settings change on their own.
      CREATE TABLE table_settings (
        table_name TEXT PRIMARY KEY,
        settings   TEXT NOT NULL       -- JSON
      ) STRICT;`,
  },
  {
    version: 3,
    description: 'API tokens and their rights',
    sql: `
      CREATE TABLE tokens (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        hash         TEXT NOT NULL UNIQUE,  -- SHA-256 hex of the whole token; the token itself is never stored
        hint         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        last_used_at TEXT,
        expires_at   TEXT,
        revoked_at   TEXT,
        scopes       TEXT NOT NULL,         -- JSON array
        origins      TEXT NOT NULL DEFAULT '[]',
        ip_allow     TEXT NOT NULL DEFAULT '[]',
        rate_limit   INTEGER NOT NULL DEFAULT 600 CHECK (rate_limit > 0),
        sealed_hmac  TEXT                   -- HMAC secret, AES-256-GCM; NULL = no signing
      ) STRICT;
      CREATE TABLE token_grants (
        token_id  TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
        operation TEXT NOT NULL CHECK (operation IN ('read', 'create', 'update', 'delete')),
        resource  TEXT NOT NULL,            -- '*' = every exposed resource
        PRIMARY KEY (token_id, operation, resource)
      ) STRICT, WITHOUT ROWID;`,
  },
  {
    version: 4,
    description: 'audit log',
    sql: `
      CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,    -- rowid: insertion order, the paging cursor
        time        TEXT NOT NULL,
        token_id    TEXT,                   -- no foreign key: the log outlives the token
        ip          TEXT NOT NULL,
        method      TEXT NOT NULL,
        path        TEXT NOT NULL,
        status      INTEGER NOT NULL,
        rows        INTEGER,
        duration_ms REAL NOT NULL,
        request_id  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_time ON audit (time);
      CREATE INDEX audit_token ON audit (token_id, id);
      CREATE INDEX audit_status ON audit (status, id);
      CREATE INDEX audit_method ON audit (method, id);`,
  },
  {
    version: 5,
    description: 'saved views',
    sql: `
      CREATE TABLE views (
        name       TEXT PRIMARY KEY,        -- /api/v1/views/{name}
        definition TEXT NOT NULL,           -- JSON: resource, query, params (engine/view-definition.ts)
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;`,
  },
  {
    version: 6,
    description: 'explorer history and saved requests; sandbox tokens',
    sql: `
      CREATE TABLE requests (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('history', 'saved')),
        name        TEXT,                   -- saved requests only
        request     TEXT NOT NULL,          -- JSON: method, path, headers, body, auth kind, pii (never a token)
        status      INTEGER,                -- history: status of the send
        duration_ms REAL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX requests_kind ON requests (kind, created_at);
      -- 1: responses to this token have their PII randomised (the Studio's sandbox tokens).
      ALTER TABLE tokens ADD COLUMN sandbox INTEGER NOT NULL DEFAULT 0;`,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** The schema version of an open store file (0 = empty). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` to `target` (default: the newest version), one transaction per migration. Refuses a
 * file newer than this build. Returns the versions applied.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new StoreVersionError(db.name, current, LATEST_VERSION);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    const ran = db
      .transaction(() => {
        // Another process (the CLI beside a running server) may have migrated since we looked.
        if (schemaVersion(db) >= migration.version) return false;
        db.exec(migration.sql);
        // PRAGMA takes no bound parameters; the version is an integer from the list above.
        db.pragma(`user_version = ${migration.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
