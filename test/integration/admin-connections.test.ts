/**
 * The connections admin API against a real MariaDB and the real `serve`: add, test (prefix detected,
 * wrong password, refused port, unknown database, TLS), switch the running API to MariaDB and back
 * without a restart (requests in flight keep working), refusals (demo, active connection), and the
 * next launch serving the stored active connection, or the demo with a notice when it fails.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionInfo, ConnectionTest, Job, ProblemBody, ServerInfo } from '../../src-shared/admin-api.ts';
import { serve, type Serving } from '../../src-server/server/serve.ts';
import { createFilledDatabase, MYSQL_SERVER_URL, mysqlAvailable } from '../support/mysql.ts';
import { requester } from '../support/test-server.ts';

const available = await mysqlAvailable();
const server = new URL(MYSQL_SERVER_URL);
const HOST = server.hostname;
const PORT = Number(server.port || 3306);
const USER = decodeURIComponent(server.username);
const PASSWORD = decodeURIComponent(server.password);
let DATABASE = '';
const WRONG_PASSWORD = 'Wr0ng-Secret-7f3a';

type Answer<T> = { status: number; body: { data: T } & Partial<ProblemBody>; text: string };

/** A port nobody listens on: bound by the OS, then released. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe.skipIf(!available)('admin API: connections', () => {
  let dataDir: string;
  let serving: Serving;
  let logs = '';
  let token: string;
  let mariaInvoices: number;
  let demoInvoices: number;
  let connId: string;

  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString();
        done();
      },
    }),
  );
  const call = <T>(method: string, p: string, body?: unknown): Promise<Answer<T>> =>
    requester(serving.url)(method, `/admin/api${p}`, body, { 'x-pas-admin-token': serving.adminToken }) as Promise<Answer<T>>;
  const api = <T>(p: string, init: { method?: string; body?: unknown } = {}): Promise<Answer<T>> =>
    requester(serving.url)(init.method ?? 'GET', p, init.body, { authorization: `Bearer ${token}` }) as Promise<Answer<T>>;
  const input = (extra: Record<string, unknown> = {}) => ({ name: 'Local MariaDB', host: HOST, port: PORT, user: USER, password: PASSWORD, database: DATABASE, tls: false, ...extra });

  async function start(): Promise<void> {
    serving = await serve({ db: undefined, dataDir, port: 0, logger });
    token = serving.store.tokens.create({ name: 'reader', grants: { scopes: ['rest', 'graphql'], read: '*', create: [], update: [], delete: [] } }).token;
  }

  async function finished(job: Job): Promise<Job> {
    let current = job;
    const deadline = Date.now() + 30_000;
    while (current.state === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = (await call<Job>('GET', `/jobs/${job.id}`)).body.data;
    }
    return current;
  }

  let filled: Awaited<ReturnType<typeof createFilledDatabase>> | undefined;

  beforeAll(async () => {
    filled = await createFilledDatabase('e2e_conn', { scale: 0.1, seed: 7 });
    DATABASE = filled.name;
    mariaInvoices = filled.invoices;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-conn-'));
    await start();
    demoInvoices = Number((await serving.engine.driver.query('SELECT COUNT(*) AS n FROM tblinvoices'))[0]?.n);
    expect(demoInvoices).not.toBe(mariaInvoices);
  });

  afterAll(async () => {
    await serving?.close();
    if (dataDir !== undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    await filled?.drop();
  });

  it('lists the built-in demo first, active', async () => {
    const list = await call<ConnectionInfo[]>('GET', '/connections');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ id: 'demo', builtIn: true, dialect: 'sqlite', active: true, hasPassword: false })]);
  });

  it('adds a MariaDB connection; the password is never answered', async () => {
    const added = await call<ConnectionInfo>('POST', '/connections', input());
    expect(added.status).toBe(201);
    connId = added.body.data.id;
    expect(added.body.data).toMatchObject({ name: 'Local MariaDB', builtIn: false, dialect: 'mysql', host: HOST, port: PORT, user: USER, database: DATABASE, prefix: null, tls: false, hasPassword: true, active: false });
    expect(added.body.data).not.toHaveProperty('password');
    const list = await call<ConnectionInfo[]>('GET', '/connections');
    expect(list.body.data.map((c) => c.id)).toEqual(['demo', connId]);
    expect(list.text).not.toContain('"password"');
  });

  it('refuses invalid settings field by field', async () => {
    const bad = await call('POST', '/connections', { ...input(), port: 70000, host: 'mysql://x' });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('PAS401');
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['host', 'port']);
  });

  it('tests a stored connection: server version, tables, the tbl prefix, Perfex', async () => {
    const test = await call<ConnectionTest>('POST', '/connections/test', { id: connId });
    expect(test.status).toBe(200);
    expect(test.body.data).toMatchObject({ ok: true, detectedPrefix: 'tbl', looksLikePerfex: true });
    expect(test.body.data.serverVersion).toMatch(/^\d+\.\d+/);
    expect(test.body.data.tables).toBeGreaterThan(20);
    expect(test.body.data.durationMs).toBeLessThan(5000);
  });

  it('explains a wrong password without repeating it (PAS615)', async () => {
    const test = await call('POST', '/connections/test', input({ password: WRONG_PASSWORD }));
    expect(test.status).toBe(422);
    expect(test.body).toMatchObject({ code: 'PAS615', title: 'Access denied' });
    expect(test.body.detail).toContain(`user "${USER}"`);
    expect(test.body.hint).toMatch(/check the user and password/i);
    expect(test.text).not.toContain(WRONG_PASSWORD);
    expect(logs).not.toContain(WRONG_PASSWORD);
  });

  it('names the host and port that refused the connection (PAS613)', async () => {
    const port = await freePort();
    const started = performance.now();
    const test = await call('POST', '/connections/test', input({ port }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(test.status).toBe(502);
    expect(test.body).toMatchObject({ code: 'PAS613', detail: `connection refused by ${HOST}:${port}` });
    expect(test.body.hint).toMatch(/is MariaDB\/MySQL running/);
  });

  it('says when the database does not exist (PAS616)', async () => {
    const test = await call('POST', '/connections/test', input({ database: `${DATABASE}_nope` }));
    expect(test.status).toBe(422);
    expect(test.body).toMatchObject({ code: 'PAS616', detail: `database "${DATABASE}_nope" does not exist on ${HOST}:${PORT}` });
  });

  it('explains a TLS failure (PAS617): this server offers no TLS, or a certificate that is not trusted', async () => {
    const test = await call('POST', '/connections/test', input({ tls: true }));
    expect(test.status).toBe(422);
    expect(test.body.code).toBe('PAS617');
  });

  it('tests with the stored password when an edit gives none, and keeps it on PATCH', async () => {
    const test = await call<ConnectionTest>('POST', '/connections/test', { id: connId, database: DATABASE });
    expect(test.body.data.ok).toBe(true);
    const renamed = await call<ConnectionInfo>('PATCH', `/connections/${connId}`, { name: 'MariaDB (tests)' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ name: 'MariaDB (tests)', hasPassword: true, database: DATABASE });
    expect((await call<ConnectionTest>('POST', '/connections/test', { id: connId })).body.data.ok).toBe(true);
  });

  it('refuses to edit, delete or test the demo, and unknown ids', async () => {
    expect((await call('PATCH', '/connections/demo', { name: 'x' })).body.code).toBe('PAS611');
    expect((await call('DELETE', '/connections/demo')).status).toBe(409);
    expect((await call('POST', '/connections/nope/activate')).body.code).toBe('PAS610');
    expect((await call('GET', '/jobs/job_nope')).body.code).toBe('PAS619');
  });

  it('switches the running API to MariaDB with progress, without a restart', async () => {
    const before = await api<{ meta: { total: number } }>('/api/v1/invoices?per_page=1');
    expect(before.body.data).toBeDefined();
    expect(before.body).toMatchObject({ meta: { total: demoInvoices } });
    const started = await call<Job>('POST', `/connections/${connId}/activate`);
    expect(started.status).toBe(202);
    expect(started.body.data.steps.map((s) => s.name)).toEqual(['connect', 'introspect', 'build catalog', 'ready']);
    const job = await finished(started.body.data);
    expect(job).toMatchObject({ state: 'done', progress: 1 });
    expect(job.steps.every((s) => s.state === 'done')).toBe(true);
    expect(job.steps[1]?.detail).toMatch(/^\d+ tables$/);

    const info = await call<ServerInfo>('GET', '/server');
    expect(info.body.data.connection).toMatchObject({ id: connId, name: 'MariaDB (tests)', dialect: 'mysql', database: DATABASE });
    expect(info.body.data.connection.resources).toBeGreaterThan(10);
    expect(info.body.data.demoToken).toBeNull();
    const invoices = await api('/api/v1/invoices?per_page=1');
    expect(invoices.status).toBe(200);
    expect(invoices.body).toMatchObject({ meta: { total: mariaInvoices } });
    const graphql = await api<{ invoicesAggregate: { count: number }[] }>('/api/v1/graphql', { method: 'POST', body: { query: '{ invoicesAggregate { count } }' } });
    expect(graphql.body.data.invoicesAggregate[0]?.count).toBe(mariaInvoices);
    const health = (await requester(serving.url)('GET', '/api/v1/health')).body as { checks: Record<string, { componentId: string }[]> };
    expect(health.checks['database:responseTime']?.[0]?.componentId).toBe('mysql');
    const connections = await call<ConnectionInfo[]>('GET', '/connections');
    expect(connections.body.data.find((c) => c.active)?.id).toBe(connId);
  });

  it('refuses to delete the connection the API serves (PAS612)', async () => {
    const refused = await call('DELETE', `/connections/${connId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PAS612');
  });

  it('keeps requests in flight working while switching back to the demo', async () => {
    const statuses: number[] = [];
    const totals = new Set<number>();
    const burst = async (): Promise<void> => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0
            ? api<unknown>('/api/v1/invoices?per_page=20&include=client,payments')
            : api<{ invoicesAggregate: { count: number }[] }>('/api/v1/graphql', { method: 'POST', body: { query: '{ invoicesAggregate { count } invoices(limit: 10) { id client { company } } }' } }),
        ),
      );
      for (const a of answers) {
        statuses.push(a.status);
        const total = (a.body as { meta?: { total: number } }).meta?.total ?? (a.body.data as { invoicesAggregate?: { count: number }[] })?.invoicesAggregate?.[0]?.count;
        if (total !== undefined) totals.add(total);
      }
    };
    const first = burst();
    const started = await call<Job>('POST', '/connections/demo/activate');
    let job = started.body.data;
    const bursts: Promise<void>[] = [first];
    while (job.state === 'running') {
      bursts.push(burst());
      job = (await call<Job>('GET', `/jobs/${job.id}`)).body.data;
    }
    bursts.push(burst());
    await Promise.all(bursts);
    expect(job.state).toBe('done');
    expect(statuses.length).toBeGreaterThanOrEqual(24);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect([...totals].sort()).toEqual([demoInvoices, mariaInvoices].sort());
    expect((await call<ServerInfo>('GET', '/server')).body.data.connection).toMatchObject({ id: 'demo', dialect: 'sqlite' });
    expect((await api('/api/v1/invoices?per_page=1')).body).toMatchObject({ meta: { total: demoInvoices } });
  });

  it('reports a failed switch in its job and keeps serving the current database', async () => {
    const bad = await call<ConnectionInfo>('POST', '/connections', input({ name: 'Wrong password', password: WRONG_PASSWORD }));
    const job = await finished((await call<Job>('POST', `/connections/${bad.body.data.id}/activate`)).body.data);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'PAS615', status: 422 });
    expect(job.steps[0]).toMatchObject({ name: 'connect', state: 'failed' });
    expect(job.steps.slice(1).every((s) => s.state === 'pending')).toBe(true);
    expect(JSON.stringify(job)).not.toContain(WRONG_PASSWORD);
    expect((await call<ServerInfo>('GET', '/server')).body.data.connection.id).toBe('demo');
    expect((await api('/api/v1/invoices?per_page=1')).status).toBe(200);
    expect((await call('DELETE', `/connections/${bad.body.data.id}`)).status).toBe(204);
    expect(logs).not.toContain(WRONG_PASSWORD);
  });

  it('serves the stored active connection at the next launch, or the demo with a notice when it fails', async () => {
    const job = await finished((await call<Job>('POST', `/connections/${connId}/activate`)).body.data);
    expect(job.state).toBe('done');
    await serving.close();
    await start();
    expect((await call<ServerInfo>('GET', '/server')).body.data.connection).toMatchObject({ id: connId, dialect: 'mysql' });
    expect(serving.demoToken).toBeNull();
    expect((await api('/api/v1/invoices?per_page=1')).body).toMatchObject({ meta: { total: mariaInvoices } });

    // The stored connection now points at a port nobody listens on: the launch falls back to the demo.
    const port = await freePort();
    expect((await call('PATCH', `/connections/${connId}`, { port })).status).toBe(200);
    await serving.close();
    await start();
    const connection = (await call<ServerInfo>('GET', '/server')).body.data.connection;
    expect(connection).toMatchObject({ id: 'demo', dialect: 'sqlite' });
    expect(connection.notice).toContain(`connection refused by ${HOST}:${port}`);
    expect(logs).toContain('the demo database is served instead');
    // The connection is not active, so it can be deleted; the next launch then serves the demo without a notice.
    expect((await call('DELETE', `/connections/${connId}`)).status).toBe(204);
    await serving.close();
    await start();
    expect((await call<ServerInfo>('GET', '/server')).body.data.connection.notice).toBeUndefined();
  });
});
