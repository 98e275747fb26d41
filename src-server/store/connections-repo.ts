/**
 * Saved database connections. The full URL (with its password) is stored only sealed with the store
 * key; lists show the redacted URL, and `url(id)` opens the sealed one when a connection is used.
 * The sealed value is bound to the connection's id, so it cannot be moved to another row.
 * The Studio's fields (host, port, user, database, TLS, table prefix) are read back from the redacted
 * URL: TLS travels as `?ssl=true` (what `connect` reads) and the prefix as `?prefix=`, so one URL
 * stays the whole definition of a connection and the store needs no column per option.
 */
import type Database from 'better-sqlite3';
import { parseConnectionUrl, redactUrl } from '../db/connect.ts';
import type { Dialect } from '../db/driver.ts';
import { randomId } from './random-id.ts';
import { StoreInputError } from './store-errors.ts';
import type { StoreSecrets } from './store-secrets.ts';

export interface ConnectionRecord {
  readonly id: string;
  readonly name: string;
  readonly dialect: Dialect;
  readonly redactedUrl: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** MySQL/MariaDB: where and as whom (null for SQLite). */
  readonly host: string | null;
  readonly port: number | null;
  readonly user: string | null;
  /** The database name (MySQL) or file (SQLite). */
  readonly database: string;
  readonly tls: boolean;
  /** Table prefix override; null = detect. */
  readonly prefix: string | null;
  readonly hasPassword: boolean;
}

/** A MySQL/MariaDB connection as the Studio's form gives it. */
export interface ConnectionFields {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly tls: boolean;
  /** '' or absent = detect. */
  readonly prefix?: string | undefined;
}

/** The URL of a form's fields: `mysql://user:password@host:port/database?ssl=true&prefix=tbl`. */
export function connectionUrl(fields: ConnectionFields): string {
  const auth = encodeURIComponent(fields.user) + (fields.password === '' ? '' : `:${encodeURIComponent(fields.password)}`);
  const host = fields.host.includes(':') && !fields.host.startsWith('[') ? `[${fields.host}]` : fields.host;
  const query = new URLSearchParams();
  if (fields.tls) query.set('ssl', 'true');
  if (fields.prefix !== undefined && fields.prefix !== '') query.set('prefix', fields.prefix);
  const search = query.size === 0 ? '' : `?${query.toString()}`;
  return `mysql://${auth}@${host}:${fields.port}/${encodeURIComponent(fields.database)}${search}`;
}

/** The table prefix a URL carries (`?prefix=`), or null. */
export function prefixOf(url: string): string | null {
  if (url.trim().startsWith('sqlite:')) return null;
  try {
    const prefix = new URL(url.trim()).searchParams.get('prefix');
    return prefix === null || prefix === '' ? null : prefix;
  } catch {
    return null;
  }
}

/** The form's fields of a stored URL (the password only if the URL has it, i.e. not a redacted one). */
export function fieldsOf(url: string): Omit<ConnectionFields, 'password'> & { readonly password: string } {
  const target = parseConnectionUrl(url);
  if (target.kind !== 'mysql') throw new StoreInputError('url', 'only MySQL/MariaDB connections have host, user and password');
  const prefix = prefixOf(url);
  return { host: target.host, port: target.port, user: target.user, password: target.password, database: target.database, tls: target.ssl, ...(prefix === null ? {} : { prefix }) };
}

export interface ConnectionsRepo {
  add(input: { name: string; url: string }): ConnectionRecord;
  list(): ConnectionRecord[];
  get(id: string): ConnectionRecord | undefined;
  update(id: string, patch: { name?: string; url?: string }): ConnectionRecord;
  remove(id: string): boolean;
  /** The full URL, password included (decrypted). */
  url(id: string): string;
}

interface Row {
  id: string;
  name: string;
  dialect: Dialect;
  redacted_url: string;
  sealed_url: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, dialect, redacted_url, created_at, updated_at';

function toRecord(row: Omit<Row, 'sealed_url'>): ConnectionRecord {
  const target = parseConnectionUrl(row.redacted_url);
  const mysql = target.kind === 'mysql' ? target : null;
  return Object.freeze({
    id: row.id,
    name: row.name,
    dialect: row.dialect,
    redactedUrl: row.redacted_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    host: mysql?.host ?? null,
    port: mysql?.port ?? null,
    user: mysql?.user ?? null,
    database: mysql?.database ?? (target.kind === 'sqlite' ? target.file : ''),
    tls: mysql?.ssl ?? false,
    prefix: prefixOf(row.redacted_url),
    // redactUrl puts *** where a password was; a URL without one has no `:` after the user.
    hasPassword: mysql !== null && mysql.password !== '',
  });
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100)
    throw new StoreInputError('name', 'a connection needs a name of 1 to 100 characters');
  return trimmed;
}

/** The dialect of a URL, with the parser's clear message on a bad one. */
function dialectOf(url: string): Dialect {
  try {
    return parseConnectionUrl(url).kind;
  } catch (error) {
    throw new StoreInputError('url', (error as Error).message);
  }
}

export function createConnectionsRepo(db: Database.Database, secrets: StoreSecrets, now: () => Date): ConnectionsRepo {
  const byId = db.prepare<[string], Omit<Row, 'sealed_url'>>(`SELECT ${COLUMNS} FROM connections WHERE id = ?`);
  const context = (id: string): string => `connections:${id}`;

  function get(id: string): ConnectionRecord | undefined {
    const row = byId.get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  function mustGet(id: string): ConnectionRecord {
    const record = get(id);
    if (record === undefined) throw new StoreInputError('id', `there is no connection with id "${id}"`);
    return record;
  }

  /** Runs `write`, turning a duplicate name into a clear error. */
  function uniqueName<T>(name: string, write: () => T): T {
    try {
      return write();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new StoreInputError('name', `a connection named "${name}" already exists`);
      }
      throw error;
    }
  }

  return {
    add({ name, url }) {
      const id = randomId('conn');
      const cleanName = checkName(name);
      const dialect = dialectOf(url);
      const time = now().toISOString();
      const sealed = secrets.seal(url, context(id));
      uniqueName(cleanName, () =>
        db
          .prepare(
            'INSERT INTO connections (id, name, dialect, redacted_url, sealed_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(id, cleanName, dialect, redactUrl(url), sealed, time, time),
      );
      return mustGet(id);
    },
    list: () =>
      db
        .prepare<[], Omit<Row, 'sealed_url'>>(`SELECT ${COLUMNS} FROM connections ORDER BY name COLLATE NOCASE, id`)
        .all()
        .map(toRecord),
    get,
    update(id, patch) {
      const current = mustGet(id);
      const name = patch.name === undefined ? current.name : checkName(patch.name);
      const time = now().toISOString();
      uniqueName(name, () => {
        if (patch.url === undefined) {
          db.prepare('UPDATE connections SET name = ?, updated_at = ? WHERE id = ?').run(name, time, id);
        } else {
          db.prepare(
            'UPDATE connections SET name = ?, dialect = ?, redacted_url = ?, sealed_url = ?, updated_at = ? WHERE id = ?',
          ).run(name, dialectOf(patch.url), redactUrl(patch.url), secrets.seal(patch.url, context(id)), time, id);
        }
      });
      return mustGet(id);
    },
    remove: (id) => db.prepare('DELETE FROM connections WHERE id = ?').run(id).changes > 0,
    url(id) {
      const row = db
        .prepare<[string], { sealed_url: string }>('SELECT sealed_url FROM connections WHERE id = ?')
        .get(id);
      if (row === undefined) throw new StoreInputError('id', `there is no connection with id "${id}"`);
      return secrets.open(row.sealed_url, context(id));
    },
  };
}
