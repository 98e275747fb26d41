/**
 * The local store: one SQLite file in the data directory (`studio.db`) holding connections,
 * the whitelist, tokens, the audit log and settings. Opened once per process by a composition root
 * and passed down. WAL lets a running server and the CLI use the file together (readers never block
 * the writer); every multi-row write is one transaction, so a crash leaves each change whole or absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAuditRepo, type AuditRepo } from './audit-repo.ts';
import { createConnectionsRepo, type ConnectionsRepo } from './connections-repo.ts';
import type { KeyProvider } from './key-provider.ts';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations.ts';
import { createRequestsRepo, type RequestsRepo } from './requests-repo.ts';
import { createSettingsRepo, type SettingsRepo } from './settings-repo.ts';
import { StoreVersionError } from './store-errors.ts';
import { createStoreSecrets } from './store-secrets.ts';
import { createTokensRepo, type TokensRepo } from './tokens-repo.ts';
import { createViewsRepo, type ViewsRepo } from './views-repo.ts';
import { createWhitelistRepo, type WhitelistRepo } from './whitelist-repo.ts';

export interface StoreOptions {
  readonly file: string;
  readonly keyProvider: KeyProvider;
  /** The clock for created/revoked times, expiry and retention (injectable for tests). */
  readonly now?: () => Date;
}

export interface Store {
  readonly file: string;
  readonly settings: SettingsRepo;
  readonly connections: ConnectionsRepo;
  readonly whitelist: WhitelistRepo;
  readonly tokens: TokensRepo;
  readonly audit: AuditRepo;
  readonly views: ViewsRepo;
  /** The explorer's history and saved requests. */
  readonly requests: RequestsRepo;
  close(): void;
}

/** The store file of a data directory. */
export function storeFile(dataDir: string): string {
  return path.join(dataDir, 'studio.db');
}

/** Opens (creating and migrating as needed) the store; throws `StoreVersionError` on a newer file. */
export function openStore(options: StoreOptions): Store {
  const now = options.now ?? (() => new Date());
  // Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
  if (!fs.existsSync(options.file)) fs.closeSync(fs.openSync(options.file, 'a', 0o600));
  const db = new Database(options.file);
  try {
    // Checked before anything writes to the file: a newer build's file is left exactly as it was.
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw new StoreVersionError(options.file, version, LATEST_VERSION);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a process crash; only an OS crash or
    // power loss can drop the last ones, and never corrupts the file (sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    const secrets = createStoreSecrets(db, options.keyProvider);
    return Object.freeze({
      file: options.file,
      settings: createSettingsRepo(db),
      connections: createConnectionsRepo(db, secrets, now),
      whitelist: createWhitelistRepo(db),
      tokens: createTokensRepo(db, secrets, now),
      audit: createAuditRepo(db, now),
      views: createViewsRepo(db, now),
      requests: createRequestsRepo(db, now),
      close: () => db.close(),
    });
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new Error(
        `${options.file} is not a Perfex API Studio store (not an SQLite database); move it away or use another --data-dir`,
        { cause: error },
      );
    }
    throw error;
  }
}
