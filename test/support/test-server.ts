/**
 * A real HTTP server over a real database for integration tests: the demo Perfex database at a small
 * scale on SQLite (temp file) or MariaDB (a private database), plus two module-like tables that the
 * demo lacks (one with a UNIQUE key for 409s, one without a primary key).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { WhitelistConfig } from '../../src-server/config/whitelist-config.ts';
import { connect } from '../../src-server/db/connect.ts';
import type { Driver } from '../../src-server/db/driver.ts';
import { createDemoDatabase } from '../../src-server/demo/create-demo-database.ts';
import type { Engine } from '../../src-server/engine/engine.ts';
import { loadEngine } from '../../src-server/engine/load-engine.ts';
import { createApp } from '../../src-server/http/create-app.ts';
import { startServer } from '../../src-server/server/start-server.ts';
import { createTestDatabase } from './mysql.ts';
import { openGuard } from './open-guard.ts';

/** Small but complete: every table filled, fast to generate. */
export const TEST_SCALE = 0.2;
export const TEST_SEED = 42;

export interface DemoDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

const EXTRA_TABLES: Record<Driver['dialect'], string[]> = {
  mysql: [
    'CREATE TABLE `tblpas_tags` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(50) NOT NULL, `color` varchar(7) DEFAULT NULL, PRIMARY KEY (`id`), UNIQUE KEY `name` (`name`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    "INSERT INTO `tblpas_tags` (`name`, `color`) VALUES ('vip', '#ff0000'), ('late payer', NULL)",
    'CREATE TABLE `tblpas_keyless` (`staff_id` int NOT NULL, `feature` varchar(40) NOT NULL) ENGINE=InnoDB',
    "INSERT INTO `tblpas_keyless` VALUES (1, 'invoices'), (2, 'leads')",
  ],
  sqlite: [
    'CREATE TABLE "tblpas_tags" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" varchar(50) NOT NULL UNIQUE, "color" varchar(7) DEFAULT NULL)',
    "INSERT INTO \"tblpas_tags\" (\"name\", \"color\") VALUES ('vip', '#ff0000'), ('late payer', NULL)",
    'CREATE TABLE "tblpas_keyless" ("staff_id" int NOT NULL, "feature" varchar(40) NOT NULL)',
    "INSERT INTO \"tblpas_keyless\" VALUES (1, 'invoices'), (2, 'leads')",
  ],
};

async function fill(url: string): Promise<void> {
  const driver = await connect(url, { create: true });
  try {
    await createDemoDatabase(driver, { scale: TEST_SCALE, seed: TEST_SEED });
    for (const sql of EXTRA_TABLES[driver.dialect]) await driver.run(sql);
  } finally {
    await driver.close();
  }
}

/** The demo database on SQLite, in a temp dir. */
export async function createSqliteDemo(): Promise<DemoDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-test-'));
  const url = `sqlite:${path.join(dir, 'demo.db')}`;
  await fill(url);
  return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The demo database in a fresh MariaDB database. */
export async function createMysqlDemo(label: string): Promise<DemoDatabase> {
  const db = await createTestDatabase(label);
  await fill(db.url);
  return { url: db.url, drop: db.drop };
}

/** Whitelist for the tests: core tables readable, a few writable, the two extra tables exposed. */
export const TEST_WHITELIST: WhitelistConfig = {
  prefix: 'tbl',
  expose: 'core',
  tables: {
    tblleads: { operations: ['read', 'create', 'update', 'delete'] },
    tblinvoices: { operations: ['read', 'create', 'update', 'delete'], hiddenColumns: ['adminnote'], readOnlyColumns: ['datesend'] },
    tblpas_tags: { expose: true, operations: ['read', 'create', 'update', 'delete'] },
    tblpas_keyless: { expose: true, operations: ['read', 'create', 'update', 'delete'] },
  },
};

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any shape
  readonly text: string;
}

export interface TestServer {
  readonly url: string;
  readonly engine: Engine;
  request(method: string, pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(pathAndQuery: string): Promise<Reply>;
  close(): Promise<void>;
}

/** `fetch` bound to a base URL, parsing JSON answers (problems included). */
export function requester(baseUrl: string): TestServer['request'] {
  return async (method, pathAndQuery, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${pathAndQuery}`, init);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
}

export async function startTestServer(dbUrl: string, whitelist: WhitelistConfig = TEST_WHITELIST): Promise<TestServer> {
  const engine = await loadEngine({ db: dbUrl, whitelist, now: () => new Date(2026, 5, 30, 12, 0, 0) });
  const server = await startServer(createApp(engine, { logger: pino({ level: 'silent' }), guard: openGuard(engine.catalog) }), '127.0.0.1', 0);
  const request = requester(server.url);
  return {
    url: server.url,
    engine,
    request,
    get: (p) => request('GET', p),
    async close() {
      await server.close();
      await engine.driver.close();
    },
  };
}

/** The two dialects every REST integration test runs on; MariaDB is skipped (with a printed reason) only outside CI. */
export function demoDialects(label: string, withMysql: boolean) {
  return [
    { name: 'sqlite', create: createSqliteDemo, skip: false },
    { name: 'mariadb', create: () => createMysqlDemo(label), skip: !withMysql },
  ] as const;
}

/** Creates the demo database and a server over it for one describe block; `ctx.api` is ready in tests. */
export function useDemoServer(create: () => Promise<DemoDatabase>, skip: boolean): { api: TestServer } {
  const ctx = {} as { api: TestServer; db?: DemoDatabase };
  beforeAll(async () => {
    if (skip) return;
    ctx.db = await create();
    ctx.api = await startTestServer(ctx.db.url);
  });
  afterAll(async () => {
    await ctx.api?.close();
    await ctx.db?.drop();
  });
  return ctx;
}
