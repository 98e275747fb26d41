/**
 * A database host that swallows connection attempts (a blackhole: TCP accepted, no handshake ever)
 * must not cost every request the connect deadline. After one slow failure the MySQL driver's breaker
 * answers at once for a second (503 PAS501 with Retry-After), then lets one request at a time probe.
 * Refused connections fail fast by themselves and never open it. Real MariaDB behind a TCP proxy the
 * test switches into a blackhole, real server (`serve`), no mocks.
 * Set PAS_OUTAGE_FIGURES=1 to print the figures.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreachableError } from '../../src-server/db/connection-failure.ts';
import { createMysqlDriver } from '../../src-server/db/mysql-driver.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createMysqlDemo, type DemoDatabase } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

function figure(label: string, ms: number): void {
  if (process.env.PAS_OUTAGE_FIGURES === '1') console.warn(`db-breaker: ${label}: ${Math.round(ms)} ms`);
}

/** A TCP proxy to MariaDB that can turn into a blackhole (accepts, never answers) and back. */
interface Proxy {
  readonly port: number;
  /** Connection attempts received while in blackhole mode. */
  readonly swallowed: number;
  blackhole(): void;
  heal(): void;
  close(): Promise<void>;
}

async function startProxy(targetPort: number): Promise<Proxy> {
  let hole = false;
  let swallowed = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (hole) {
      swallowed++;
      return; // accepted, then silence: no handshake, as a frozen or firewalled host
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get swallowed() {
      return swallowed;
    },
    blackhole() {
      hole = true;
      for (const s of sockets) s.destroy();
    },
    heal() {
      hole = false;
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe.skipIf(!withMysql)('a blackholed database host fails fast after the first attempt', () => {
  let db: DemoDatabase;
  let proxy: Proxy;
  let api: SecureServer;
  let auth: Record<string, string>;
  // The driver's deadline (statement timeout + 1 s) outlasts the 5 s connect timeout, as by default
  // (10 s + 1 s): the first request meets the connect failure itself.
  const STATEMENT_TIMEOUT_MS = 6000;
  const CONNECT_TIMEOUT_MS = 5000;

  beforeAll(async () => {
    db = await createMysqlDemo('breaker');
    proxy = await startProxy(Number(new URL(db.url).port || 3306));
    const url = new URL(db.url);
    url.port = String(proxy.port);
    api = await startSecureServer(url.toString(), { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    auth = bearer(api.token({ read: '*' }).token);
  });

  afterAll(async () => {
    await api?.close();
    await proxy?.close();
    await db?.drop();
  });

  const get = () => api.request('GET', '/api/v1/leads?per_page=1', undefined, auth);

  it('one slow 503, then 503 at once with Retry-After, one probe at a time, and back when the host answers', async () => {
    expect((await get()).status).toBe(200);
    proxy.blackhole();

    const first = await timed(get);
    expect(first.value.status).toBe(503);
    expect(first.value.body).toMatchObject({ code: 'PAS501' });
    expect(first.value.body.detail).toContain('ETIMEDOUT');
    expect(first.ms).toBeGreaterThan(CONNECT_TIMEOUT_MS - 100);
    expect(first.ms).toBeLessThan(STATEMENT_TIMEOUT_MS);
    figure('first request into the blackhole', first.ms);

    // The breaker is open: a burst answers at once, without a single new connection attempt.
    const before = proxy.swallowed;
    const burst = await timed(() => Promise.all(Array.from({ length: 10 }, get)));
    for (const r of burst.value) {
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ code: 'PAS501' });
      expect(r.body.detail).toMatch(/could not be reached .* next attempt/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(burst.ms).toBeLessThan(300);
    expect(proxy.swallowed).toBe(before);
    figure('10 concurrent requests while the breaker is open', burst.ms);

    // After a second, one connection attempt probes the host; every other operation still answers at
    // once (a list needs two connections, rows and total, so even the probing request answers early).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const probing = await timed(() => Promise.all(Array.from({ length: 5 }, get)));
    for (const r of probing.value) expect(r.status).toBe(503);
    expect(probing.ms).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.swallowed).toBe(before + 1);

    proxy.heal();
    const healed = performance.now();
    let back = await get();
    while (back.status !== 200 && performance.now() - healed < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await get();
    }
    expect(back.status).toBe(200);
    figure('back after the host answers again', performance.now() - healed);
  }, 30_000);
});

describe('the breaker at the driver', () => {
  it('opens on a connect timeout (ETIMEDOUT after 5 s), not on refused connections', async () => {
    // A blackhole without any database behind it: mysql2's own connect timeout fires.
    const hole = net.createServer(() => undefined);
    await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
    const holePort = (hole.address() as net.AddressInfo).port;
    const driver = createMysqlDriver({ host: '127.0.0.1', port: holePort, user: 'x', password: 'x', database: 'x' });
    try {
      const first = await timed(() => driver.query('SELECT 1').catch((e: unknown) => e));
      expect((first.value as { code?: string }).code).toBe('ETIMEDOUT');
      expect(first.ms).toBeGreaterThan(4500);
      const next = await timed(() => driver.query('SELECT 1').catch((e: unknown) => e));
      expect(next.value).toBeInstanceOf(UnreachableError);
      expect((next.value as UnreachableError).code).toBe('ETIMEDOUT');
      expect(next.ms).toBeLessThan(50);
    } finally {
      await driver.close();
      hole.close();
    }

    // A port nobody listens on refuses at once, every time: no breaker needed, none opened.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = createMysqlDriver({ host: '127.0.0.1', port: closedPort, user: 'x', password: 'x', database: 'x' });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await timed(() => refused.query('SELECT 1').catch((e: unknown) => e));
        expect((r.value as { code?: string }).code).toBe('ECONNREFUSED');
        expect(r.ms).toBeLessThan(500);
      }
    } finally {
      await refused.close();
    }
  }, 20_000);
});
