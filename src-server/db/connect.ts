/**
 * Opens a driver from a connection URL and checks it answers, turning the usual failures (wrong
 * URL, refused connection, bad credentials, unknown database) into one clear sentence each.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from './driver.ts';
import { createMysqlDriver } from './mysql-driver.ts';
import { createSqliteDriver } from './sqlite-driver.ts';

export class ConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

export type ConnectionTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'mysql';
      readonly host: string;
      readonly port: number;
      readonly user: string;
      readonly password: string;
      readonly database: string;
      readonly ssl: boolean;
    };

/** Parses `mysql://user:pass@host:3306/db`, `mariadb://…`, `sqlite:path` or `sqlite:///abs/path`. */
export function parseConnectionUrl(url: string): ConnectionTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('sqlite:')) {
    let file = trimmed.slice('sqlite:'.length);
    if (file.startsWith('//')) file = file.slice(2);
    if (file === '') throw new ConnectionError(`"${url}" names no SQLite file; use sqlite:path/to/file.db`);
    return { kind: 'sqlite', file };
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new ConnectionError(
      `"${redactUrl(url)}" is not a connection URL; use mysql://user:password@host:3306/database or sqlite:path/to/file.db`,
    );
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new ConnectionError(
      `unsupported database scheme "${parsed.protocol.replace(/:$/, '')}"; use mysql://, mariadb:// or sqlite:`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '') {
    throw new ConnectionError(`"${redactUrl(url)}" names no database; add it after the host: mysql://user@host:3306/perfex`);
  }
  const port = parsed.port === '' ? 3306 : Number(parsed.port);
  return {
    kind: 'mysql',
    host: parsed.hostname || '127.0.0.1',
    port,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database,
    ssl: parsed.searchParams.get('ssl') === 'true' || parsed.searchParams.get('tls') === 'true',
  };
}

/** The URL with its password replaced, safe for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

function explainMysqlError(error: unknown, target: Extract<ConnectionTarget, { kind: 'mysql' }>): string {
  const e = error as { code?: string; message?: string };
  const where = `${target.host}:${target.port}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where}: is MySQL/MariaDB running and listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host "${target.host}" not found`;
    case 'ETIMEDOUT':
      return `no answer from ${where} within 5 s (firewall, wrong host or port?)`;
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return `access denied for user "${target.user}" on ${where}: check the user name and password`;
    case 'ER_BAD_DB_ERROR':
      return `database "${target.database}" does not exist on ${where}`;
    default:
      return `cannot connect to ${where}: ${e.message ?? String(error)}`;
  }
}

/** Opens and checks a connection. The SQLite file must exist unless `create` is set. */
export interface ConnectOptions {
  /** Create a missing SQLite file (demo generation, tests). */
  readonly create?: boolean;
  /** Server-side limit on statement run time (MySQL/MariaDB; SQLite statements cannot be interrupted). */
  readonly statementTimeoutMs?: number;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<Driver> {
  const target = parseConnectionUrl(url);
  if (target.kind === 'sqlite') {
    const file = path.resolve(target.file);
    if (options.create !== true && !fs.existsSync(file)) {
      throw new ConnectionError(`SQLite file ${file} does not exist`);
    }
    try {
      const driver = createSqliteDriver(file);
      await driver.query('SELECT 1');
      return driver;
    } catch (error) {
      throw new ConnectionError(`cannot open SQLite file ${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  const driver = createMysqlDriver({ ...target, ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }) });
  try {
    await driver.query('SELECT 1');
    return driver;
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw new ConnectionError(explainMysqlError(error, target), { cause: error });
  }
}
