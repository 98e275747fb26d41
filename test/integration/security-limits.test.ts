/**
 * Security behaviour that needs a real MariaDB or real network addresses: the statement timeout
 * (503), graceful shutdown (in-flight requests finish within a bound, audit flushed), the LAN
 * split (data API shared, Studio and admin API loopback-only), and 50 concurrent
 * clients from 50 addresses for 20 s where only the over-limit token sees 429s.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import mysql from 'mysql2/promise';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src-server/server/serve.ts';
import { fileKeyProvider } from '../../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../../src-server/store/open-store.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createMysqlDemo, createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

describe.skipIf(!withMysql)('statement timeout on MariaDB', () => {
  let db: DemoDatabase;
  let api: SecureServer;
  beforeAll(async () => {
    db = await createMysqlDemo('timeout');
    api = await startSecureServer(db.url, { statementTimeoutMs: 400 });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('cancels a query that runs past the limit and answers 503 (PAS502), then serves again', async () => {
    const token = api.token({ read: '*' }).token;
    // Another session holds a write lock on the table: the API's SELECT waits until the server stops it.
    const blocker = await mysql.createConnection({ uri: db.url });
    try {
      await blocker.query('LOCK TABLES `tblinvoices` WRITE');
      const started = Date.now();
      const r = await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(token));
      expect([r.status, r.body.code]).toEqual([503, 'PAS502']);
      expect(Date.now() - started).toBeLessThan(5000);
      await blocker.query('UNLOCK TABLES');
    } finally {
      await blocker.end();
    }
    const after = await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(token));
    expect(after.status).toBe(200);
  });
});

describe.skipIf(!withMysql)('graceful shutdown on MariaDB', () => {
  it('lets a request in flight finish, then flushes its audit entry and closes the store', async () => {
    const db = await createMysqlDemo('shutdown');
    const api = await startSecureServer(db.url);
    const blocker = await mysql.createConnection({ uri: db.url });
    try {
      const { token, id } = api.token({ read: '*' });
      await blocker.query('LOCK TABLES `tblinvoices` WRITE');
      const inFlight = api.request('GET', '/api/v1/invoices?per_page=2', undefined, bearer(token));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const closed = api.serving.close(5000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await blocker.query('UNLOCK TABLES');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.data).toHaveLength(2);
      await closed;
      // New connections are refused once closed.
      await expect(fetch(`${api.url}/api/v1/invoices`)).rejects.toThrow();
      const store = openStore({ file: storeFile(api.dataDir), keyProvider: fileKeyProvider(api.dataDir) });
      try {
        const entries = store.audit.query({ tokenId: id }).entries;
        expect(entries.map((e) => [e.status, e.rows])).toEqual([[200, 2]]);
      } finally {
        store.close();
      }
    } finally {
      await blocker.end();
      fs.rmSync(api.dataDir, { recursive: true, force: true });
      await db.drop();
    }
  });

  it('cuts a request that outlives the grace period instead of hanging', async () => {
    const db = await createMysqlDemo('shutdown_cut');
    const api = await startSecureServer(db.url, { statementTimeoutMs: 10_000 });
    const blocker = await mysql.createConnection({ uri: db.url });
    try {
      const token = api.token({ read: '*' }).token;
      await blocker.query('LOCK TABLES `tblinvoices` WRITE');
      const inFlight = api.request('GET', '/api/v1/invoices?per_page=2', undefined, bearer(token)).catch((error: Error) => error);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const closing = api.serving.close(300);
      expect(await inFlight).toBeInstanceOf(Error);
      await blocker.query('UNLOCK TABLES');
      await closing;
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await blocker.end();
      fs.rmSync(api.dataDir, { recursive: true, force: true });
      await db.drop();
    }
  });
});

/** GET through node's http with a chosen local (source) address. */
function getFrom(localAddress: string, url: string, headers: Record<string, string>, agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, localAddress, ...(agent === undefined ? {} : { agent }) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a !== undefined && !a.internal && a.family === 'IPv4')?.address;
if (lanAddress === undefined) console.warn('skipping the --lan test: this machine has no non-loopback IPv4 address');

describe.skipIf(lanAddress === undefined)('--lan', () => {
  it('shares the data API on the LAN address, while the Studio and admin API refuse non-loopback peers', async () => {
    const db = await createSqliteDemo();
    const dataDir = fs.mkdtempSync(`${os.tmpdir()}/pas-lan-`);
    const serving = await serve({ db: db.url, dataDir, port: 0, lan: true, logger: pino({ level: 'silent' }) });
    try {
      expect(serving.lanUrls).toContain(`http://${lanAddress}:${serving.port}`);
      const token = serving.store.tokens.create({ name: 'phone', grants: { scopes: ['rest'], read: '*', create: [], update: [], delete: [] } }).token;
      const lan = `http://${lanAddress}:${serving.port}`;
      const data = await getFrom(lanAddress ?? '', `${lan}/api/v1/invoices?per_page=1`, bearer(token));
      expect(data.status).toBe(200);
      // The same admin token that works from loopback is refused from the LAN address: the peer is not local.
      const admin = await getFrom(lanAddress ?? '', `${lan}/admin/api/tokens`, { 'x-pas-admin-token': serving.adminToken, host: `127.0.0.1:${serving.port}` });
      expect(admin.status).toBe(404);
      const studio = await getFrom(lanAddress ?? '', `${lan}/`, { host: `127.0.0.1:${serving.port}` });
      expect(studio.status).toBe(404);
      const local = await getFrom('127.0.0.1', `http://127.0.0.1:${serving.port}/admin/api/tokens`, { 'x-pas-admin-token': serving.adminToken });
      expect(local.status).toBe(200);
    } finally {
      await serving.close();
      await db.drop();
    }
  });
});

describe('load: 50 concurrent clients for 20 s', () => {
  it('serves every valid request; only the over-limit token gets 429s, and exactly its overflow', async () => {
    const db = await createSqliteDemo();
    const api = await startSecureServer(db.url);
    try {
      const CLIENTS = 50;
      const LIMITED_BUDGET = 100;
      const tokens = Array.from({ length: CLIENTS }, (_, i) =>
        api.token({ read: ['invoices', 'clients'] }, { rateLimit: i === 0 ? LIMITED_BUDGET : 100_000 }).token,
      );
      const until = Date.now() + 20_000;
      const results = await Promise.all(
        tokens.map(async (token, i) => {
          // Each client has its own loopback address (127.0.0.10…59), as 50 devices would have their own.
          const address = `127.0.0.${10 + i}`;
          const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
          const counts = new Map<number, number>();
          let n = 0;
          while (Date.now() < until) {
            const path = n++ % 2 === 0 ? '/api/v1/invoices?per_page=5&sort=-total' : '/api/v1/clients?per_page=5';
            const r = await getFrom(address, `${api.url}${path}`, bearer(token), agent);
            counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
          }
          agent.destroy();
          return counts;
        }),
      );
      const total = results.reduce((sum, c) => sum + [...c.values()].reduce((a, b) => a + b, 0), 0);
      const [limited, ...others] = results;
      for (const counts of others) expect([...counts.keys()]).toEqual([200]);
      expect(limited?.get(200)).toBe(LIMITED_BUDGET);
      expect(limited?.get(429)).toBeGreaterThan(0);
      expect([...(limited?.keys() ?? [])].sort()).toEqual([200, 429]);
      console.warn(`load: ${total} requests in 20 s from ${CLIENTS} clients (${Math.round(total / 20)} req/s), limited token: ${limited?.get(429)} × 429`);
    } finally {
      await api.close();
      await db.drop();
    }
  }, 60_000);
});
