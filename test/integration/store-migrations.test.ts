/**
 * The store's migrations: from an empty file, and from every earlier version with data written the
 * way that version wrote it, to the newest; refusal of a file from a newer build. When a migration
 * is added, add the rows its version can hold to `SEED` so the next migration is tested with them.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src-server/store/api-token.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src-server/store/migrations.ts';
import { openStore, storeFile, type Store } from '../../src-server/store/open-store.ts';
import { seal } from '../../src-server/store/secret-box.ts';
import { StoreVersionError } from '../../src-server/store/store-errors.ts';
import { tempDataDir } from '../support/temp-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function newDir(): string {
  const dir = tempDataDir('pas-migrate-');
  dirs.push(dir);
  return dir;
}

const TOKEN = 'pas_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg';

/** Rows each version can hold, inserted with that version's SQL, and how to check them at the newest. */
const SEED: Record<number, { insert(db: Database.Database, key: Buffer): void; check(store: Store): void }> = {
  1: {
    insert(db, key) {
      db.prepare("INSERT INTO settings (key, value) VALUES ('ui.theme', '\"dark\"')").run();
      db.prepare(
        `INSERT INTO connections (id, name, dialect, redacted_url, sealed_url, created_at, updated_at)
         VALUES ('conn_1', 'prod', 'mysql', 'mysql://app:***@db/perfex', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      ).run(seal(key, 'mysql://app:pw@db/perfex', 'connections:conn_1'));
    },
    check(store) {
      expect(store.settings.get('ui.theme')).toBe('dark');
      expect(store.connections.get('conn_1')?.redactedUrl).toBe('mysql://app:***@db/perfex');
      expect(store.connections.url('conn_1')).toBe('mysql://app:pw@db/perfex');
    },
  },
  2: {
    insert(db) {
      db.prepare(`INSERT INTO whitelist (id, config) VALUES (1, '{"expose":"all","prefix":"tbl"}')`).run();
      db.prepare(`INSERT INTO table_settings VALUES ('tblinvoices', '{"name":"bills","operations":["read"]}')`).run();
    },
    check(store) {
      const config = store.whitelist.get();
      expect(config.expose).toBe('all');
      expect(config.prefix).toBe('tbl');
      expect(store.whitelist.getTable('tblinvoices')).toEqual({ name: 'bills', operations: ['read'] });
    },
  },
  3: {
    insert(db) {
      db.prepare(
        `INSERT INTO tokens (id, name, hash, hint, created_at, scopes, rate_limit)
         VALUES ('tok_1', 'old', ?, 'pas_0123…', '2026-01-01T00:00:00.000Z', '["rest","write"]', 60)`,
      ).run(hashToken(TOKEN));
      db.prepare(`INSERT INTO token_grants VALUES ('tok_1', 'read', '*'), ('tok_1', 'delete', 'leads')`).run();
    },
    check(store) {
      const record = store.tokens.findBySecret(TOKEN);
      expect(record?.id).toBe('tok_1');
      expect(record?.grants).toEqual({
        scopes: ['rest', 'write'],
        read: '*',
        create: [],
        update: [],
        delete: ['leads'],
      });
      expect(record?.rateLimit).toBe(60);
      expect(record?.origins).toEqual([]);
    },
  },
  4: {
    insert(db) {
      db.prepare(
        `INSERT INTO audit (time, token_id, ip, method, path, status, rows, duration_ms, request_id)
         VALUES ('2026-01-01T00:00:00.000Z', 'tok_1', '::1', 'GET', '/api/v1/invoices', 200, 5, 1.5, 'r1')`,
      ).run();
    },
    check(store) {
      expect(store.audit.query({ tokenId: 'tok_1' }).entries).toMatchObject([{ path: '/api/v1/invoices', rows: 5 }]);
    },
  },
  5: {
    insert(db) {
      const definition = { name: 'overdue', resource: 'invoices', query: { 'filter[status]': '4', 'filter[duedate.lt]': ':today' }, params: { today: { type: 'date', default: '2026-06-30' } } };
      db.prepare(`INSERT INTO views VALUES ('overdue', ?, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')`).run(JSON.stringify(definition));
    },
    check(store) {
      const view = store.views.get('overdue');
      expect(view?.definition.query).toEqual({ 'filter[status]': '4', 'filter[duedate.lt]': ':today' });
      expect(view?.definition.params?.today).toEqual({ type: 'date', default: '2026-06-30' });
      expect(view?.updatedAt).toBe('2026-01-02T00:00:00.000Z');
      expect(store.views.list().map((v) => v.definition.name)).toEqual(['overdue']);
    },
  },
  6: {
    insert(db) {
      const request = { method: 'GET', path: '/api/v1/invoices?filter[status]=2', auth: { kind: 'studio' }, pii: true };
      db.prepare(`INSERT INTO requests (id, kind, name, request, status, duration_ms, created_at) VALUES ('req_1', 'saved', 'paid invoices', ?, NULL, NULL, '2026-01-03T00:00:00.000Z')`).run(JSON.stringify(request));
      db.prepare(`INSERT INTO tokens (id, name, hash, hint, created_at, scopes, rate_limit, sandbox) VALUES ('tok_6', 'sandboxed', ?, 'pas_6…', '2026-01-03T00:00:00.000Z', '["rest"]', 60, 1)`).run(hashToken(`${TOKEN.slice(0, -1)}6`));
    },
    check(store) {
      expect(store.requests.saved()).toMatchObject([{ id: 'req_1', name: 'paid invoices', request: { path: '/api/v1/invoices?filter[status]=2' } }]);
      expect(store.tokens.get('tok_6')?.sandbox).toBe(true);
      // Tokens from before version 6 are not sandboxed.
      const older = store.tokens.get('tok_1');
      if (older !== undefined) expect(older.sandbox).toBe(false);
    },
  },
};

describe('store migrations', () => {
  it('has one seed per migration, versions 1…N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(Object.keys(SEED).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('creates the newest schema in an empty file, in WAL mode with foreign keys on', () => {
    const dir = newDir();
    const store = openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) });
    store.close();
    const db = new Database(storeFile(dir));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  for (let from = 0; from < LATEST_VERSION; from++) {
    it(`migrates a version ${from} file with its data to version ${LATEST_VERSION}`, () => {
      const dir = newDir();
      const keyProvider = fileKeyProvider(dir);
      const db = new Database(storeFile(dir));
      expect(migrate(db, from)).toEqual(MIGRATIONS.filter((m) => m.version <= from).map((m) => m.version));
      for (let v = 1; v <= from; v++) SEED[v]?.insert(db, keyProvider.getKey());
      db.close();

      const store = openStore({ file: storeFile(dir), keyProvider });
      try {
        for (let v = 1; v <= from; v++) SEED[v]?.check(store);
        // Data written after the upgrade works as well.
        for (let v = from + 1; v <= LATEST_VERSION; v++) {
          const raw = new Database(storeFile(dir));
          SEED[v]?.insert(raw, keyProvider.getKey());
          raw.close();
          SEED[v]?.check(store);
        }
      } finally {
        store.close();
      }
    });
  }

  it('runs each migration in its own transaction: a failing one leaves the file at the previous version', () => {
    const dir = newDir();
    const db = new Database(storeFile(dir));
    migrate(db, 1);
    // A table the version 2 migration will try to create: it fails, and nothing of it stays.
    db.exec('CREATE TABLE whitelist (x INTEGER)');
    expect(() => migrate(db)).toThrow(/table whitelist already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'table_settings'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a file written by a newer version, saying what to do, without changing it', () => {
    const dir = newDir();
    const db = new Database(storeFile(dir));
    db.pragma(`user_version = ${LATEST_VERSION + 3}`);
    db.close();
    const before = fs.readFileSync(storeFile(dir));
    let error: unknown;
    try {
      openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreVersionError);
    expect((error as Error).message).toBe(
      `the local store ${storeFile(dir)} was written by a newer Perfex API Studio (file's schema version ${LATEST_VERSION + 3}, ` +
        `this build knows ${LATEST_VERSION}); upgrade Perfex API Studio, or use another --data-dir`,
    );
    expect(fs.readFileSync(storeFile(dir)).equals(before)).toBe(true);
  });

  it('refuses a file that is not a SQLite database', () => {
    const dir = newDir();
    fs.writeFileSync(storeFile(dir), 'x'.repeat(4096));
    expect(() => openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) })).toThrow(
      /is not a Perfex API Studio store \(not an SQLite database\)/,
    );
  });
});
