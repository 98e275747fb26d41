/**
 * Database outages against a real MariaDB that the test stops, kills, freezes and restarts (a private
 * instance: its own data directory and port), under the real `serve` with tokens. The contract:
 * requests answer 503 problem+json (PAS501) quickly, GraphQL too; the server stays up; the pool
 * reconnects by itself; `GET /api/v1/health` tells the state; a write cut off by the outage is
 * either fully applied or not at all, and the answer says which.
 * Set PAS_OUTAGE_FIGURES=1 to print the measured times.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { privateMariadbAvailable, startPrivateDemo, type PrivateMariadb } from '../support/private-mariadb.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import type { Reply } from '../support/test-server.ts';

const available = privateMariadbAvailable();

/** The statement timeout of this server: a frozen database must fail requests within it + 1 s. */
const STATEMENT_TIMEOUT_MS = 2000;

function figure(label: string, value: number | string): void {
  const shown = typeof value === 'number' ? `${Math.round(value)} ms` : value;
  if (process.env.PAS_OUTAGE_FIGURES === '1') console.warn(`db-outage: ${label}: ${shown}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Polls `check` every 25 ms until it holds (no fixed sleeps); fails after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function expectUnavailable(r: Reply): void {
  expect(r.status, r.text).toBe(503);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body).toMatchObject({ status: 503, code: 'PAS501', type: '/api_docs/errors#database-unavailable' });
}

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src-server/cli/main.ts');

const newLead = (name: string) => ({
  name,
  company: 'Outage Ltd',
  email: 'outage@example.com',
  status: 1,
  source: 1,
  addedfrom: 1,
});

describe.skipIf(!available)('database outages (private MariaDB)', () => {
  let db: PrivateMariadb;
  let api: SecureServer;
  let auth: Record<string, string>;

  const get = (path: string) => api.request('GET', path, undefined, auth);
  const gql = (query: string) => api.request('POST', '/api/v1/graphql', { query }, auth);
  const health = () => api.request('GET', '/api/v1/health');
  const leadRow = async (id: number) =>
    ((await db.sql('SELECT name, company FROM perfex.tblleads WHERE id = ?', [id])) as Record<string, unknown>[])[0];

  /**
   * Waits until `n` requests in flight run a statement on tblleads while another session holds its
   * lock (so they are blocked there), for the outage to strike mid-request. InnoDB shows a row-lock
   * wait under varying states ("Statistics", "Sending data"), so the statement itself is the signal.
   */
  async function waitingOnLock(n = 1): Promise<void> {
    await until(`${n} statement(s) blocked on tblleads`, async () => {
      const rows = (await db.sql(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = 'pas' AND COMMAND <> 'Sleep' AND INFO LIKE '%tblleads%'",
      )) as { n: number }[];
      return Number(rows[0]?.n) >= n;
    });
  }

  beforeAll(async () => {
    db = await startPrivateDemo();
    api = await startSecureServer(db.url('perfex'), { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    const { token } = api.token({
      scopes: ['rest', 'graphql', 'write'],
      read: '*',
      create: ['leads'],
      update: ['leads'],
      delete: ['leads'],
    });
    auth = bearer(token);
  });

  // A failed test must not leave the next one without a database.
  afterEach(async () => {
    db?.thaw();
    if (db !== undefined && !db.running) await db.start();
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('database stopped between requests: REST, GraphQL and writes answer 503 at once; health fails; all recover after restart', async () => {
    expect((await get('/api/v1/leads?per_page=1')).status).toBe(200);
    expect((await health()).body.status).toBe('pass');

    await db.stop();
    const read = await timed(() => get('/api/v1/leads?per_page=1'));
    expectUnavailable(read.value);
    expect(read.value.body.detail).toContain('ECONNREFUSED');
    expect(read.ms).toBeLessThan(1000);
    figure('503 with the database stopped (refused)', read.ms);

    // An export fails before its headers go out, so it too is a problem, not a truncated file.
    const exported = await get('/api/v1/leads?format=ndjson');
    expectUnavailable(exported);

    const graphql = await gql('{ leads(limit: 1) { id name } }');
    expect(graphql.status).toBe(200);
    expect(graphql.body.errors[0].extensions).toMatchObject({ code: 'PAS501', status: 503 });

    const write = await api.request('POST', '/api/v1/leads', newLead('Never Written'), auth);
    expectUnavailable(write);
    expect(write.body.outcome).toBe('not-applied');
    const mutation = await gql(
      'mutation { createLead(input: {name: "Never Written Either", status: 1, source: 1, addedfrom: 1}) { success } }',
    );
    expect(mutation.body.errors[0].extensions).toMatchObject({ code: 'PAS501', outcome: 'not-applied' });

    // The probe is shared for one second, so "fail" shows within a second of the outage.
    const seen = await timed(() => until('health to fail', async () => (await health()).status === 503, 2000));
    figure('health fails after the database stopped (shared one-second probe)', seen.ms);
    const down = await health();
    expect(down.headers.get('content-type')).toContain('application/health+json');
    expect(down.body.status).toBe('fail');
    expect(down.body.checks['database:responseTime'][0]).toMatchObject({ status: 'fail', output: 'ECONNREFUSED' });

    const restarted = performance.now();
    await db.start();
    const back = await timed(() => get('/api/v1/leads?per_page=1'));
    expect(back.value.status).toBe(200);
    figure('first request after the database accepts logins again', back.ms);
    figure('restart (mariadbd start until logins) + first answer', performance.now() - restarted);
    expect((await gql('{ leads(limit: 1) { id } }')).body.data.leads).toHaveLength(1);
    // The one-second shared probe may still hold the "fail" seen above: poll, do not sleep.
    await until('health to pass', async () => (await health()).status === 200, 3000);
    const up = (await health()).body;
    expect(up.checks['database:connections'][0]).toMatchObject({ status: 'pass', waiting: 0, limit: 10 });
    expect(
      (await db.sql("SELECT COUNT(*) AS n FROM perfex.tblleads WHERE name LIKE 'Never Written%'")) as { n: number }[],
    ).toEqual([{ n: 0 }]);
  });

  it('database crashed (SIGKILL) between requests: 503 at once, then back after crash recovery', async () => {
    expect((await get('/api/v1/leads?per_page=1')).status).toBe(200);
    await db.kill();
    const read = await timed(() => get('/api/v1/leads/1'));
    expectUnavailable(read.value);
    expect(read.ms).toBeLessThan(1000);
    figure('503 with the database killed', read.ms);
    const started = performance.now();
    await db.start();
    figure('crash recovery until logins', performance.now() - started);
    expect((await get('/api/v1/leads/1')).status).toBe(200);
  });

  it.each(['kill', 'stop'] as const)(
    'a read waiting on a table lock when the database goes down (%s) answers at once',
    async (how) => {
      const holder = await db.connection('perfex');
      await holder.query('LOCK TABLES tblleads WRITE');
      const inFlight = get('/api/v1/leads?per_page=5');
      await waitingOnLock();
      const cut = performance.now();
      await db[how]();
      const r = await inFlight;
      const ms = performance.now() - cut;
      if (how === 'kill' || r.status !== 200) expectUnavailable(r);
      // A clean shutdown kills sessions one by one: when the lock holder goes first, the blocked read
      // may complete before its own session is killed. Either answer is right; waiting is not.
      else expect(r.body.data).toHaveLength(5);
      expect(ms).toBeLessThan(1500);
      figure(`${r.status} for a read in flight when the database is ${how === 'kill' ? 'killed' : 'stopped'}`, ms);
      holder.destroy();
      await db.start();
      expect((await get('/api/v1/leads?per_page=5')).status).toBe(200);
    },
  );

  it('a frozen database (SIGSTOP: a hung host, a laptop asleep) fails requests within the statement timeout + 1 s, then recovers on SIGCONT', async () => {
    expect((await get('/api/v1/leads?per_page=1')).status).toBe(200);
    db.freeze();
    try {
      const [read, probe] = await Promise.all([
        timed(() => get('/api/v1/leads?per_page=1')),
        // A probe younger than a second may still say "pass"; a new one gives up after 2 s.
        timed(() => until('health to fail', async () => (await health()).status === 503, 4000)),
      ]);
      expectUnavailable(read.value);
      expect(read.value.body.detail).toMatch(/did not answer/);
      expect(read.ms).toBeGreaterThan(STATEMENT_TIMEOUT_MS);
      expect(read.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2500);
      figure('503 with the database frozen (statement timeout 2 s)', read.ms);
      figure('health fails with the database frozen', probe.ms);
      expect(probe.ms).toBeLessThan(3500);
    } finally {
      db.thaw();
    }
    const back = await timed(() => get('/api/v1/leads?per_page=1'));
    expect(back.value.status).toBe(200);
    figure('first request after SIGCONT', back.ms);
  });

  it('an update whose connection is lost before COMMIT is not applied, and the 503 says so', async () => {
    const created = await api.request('POST', '/api/v1/leads', newLead('Before The Crash'), auth);
    expect(created.status).toBe(201);
    const id = created.body.data.id as number;
    const holder = await db.connection('perfex');
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM tblleads WHERE id = ? FOR UPDATE', [id]);
    const inFlight = api.request('PATCH', `/api/v1/leads/${id}`, { company: 'Changed In Flight' }, auth);
    await waitingOnLock();
    await db.kill();
    const r = await inFlight;
    expectUnavailable(r);
    expect(r.body.outcome).toBe('not-applied');
    expect(r.body.hint).toMatch(/Nothing was written/);
    holder.destroy();
    await db.start();
    expect(await leadRow(id)).toEqual({ name: 'Before The Crash', company: 'Outage Ltd' });
  });

  it('a create whose connection is lost before COMMIT leaves no row, REST and GraphQL alike', async () => {
    const holder = await db.connection('perfex');
    await holder.query('LOCK TABLES tblleads WRITE');
    const rest = api.request('POST', '/api/v1/leads', newLead('Lost Create REST'), auth);
    const graphql = gql(
      'mutation { createLead(input: {name: "Lost Create GraphQL", status: 1, source: 1, addedfrom: 1}) { success } }',
    );
    await waitingOnLock(2);
    await db.stop();
    const [r, g] = await Promise.all([rest, graphql]);
    expectUnavailable(r);
    expect(r.body.outcome).toBe('not-applied');
    expect(g.body.errors[0].extensions).toMatchObject({ code: 'PAS501', outcome: 'not-applied' });
    holder.destroy();
    await db.start();
    expect(await db.sql("SELECT COUNT(*) AS n FROM perfex.tblleads WHERE name LIKE 'Lost Create%'")).toEqual([
      { n: 0 },
    ]);
  });

  it('a create whose COMMIT meets a crash: restarted in time → the outcome is read back; not back in time → outcome unknown with the id', async () => {
    const driver = api.serving.engine.driver;
    // Crash the database the moment COMMIT leaves, and bring it back while the server checks.
    let restarting: Promise<void> | undefined;
    let downMs = 0;
    const off = driver.onStatement((sql) => {
      if (sql !== 'COMMIT' || restarting !== undefined) return;
      const crashed = performance.now();
      restarting = db
        .kill()
        .then(() => db.start())
        .then(() => void (downMs = performance.now() - crashed));
    });
    const quick = await api.request('POST', '/api/v1/leads', newLead('Commit Crash Restarted'), auth).finally(off);
    await restarting;
    const rows = (await db.sql("SELECT COUNT(*) AS n FROM perfex.tblleads WHERE name = 'Commit Crash Restarted'")) as {
      n: number;
    }[];
    if (quick.status === 201) {
      // The COMMIT reached the disk before the crash: the server read the row back and answered normally.
      expect(rows).toEqual([{ n: 1 }]);
    } else {
      expectUnavailable(quick);
      // Only a restart slower than the 3 s check window may leave the outcome unknown.
      if (quick.body.outcome === 'unknown') {
        expect(downMs, 'restart slower than the check window').toBeGreaterThan(2500);
      } else {
        expect(quick.body.outcome).toBe('not-applied');
        expect(rows).toEqual([{ n: 0 }]);
      }
    }
    figure('a COMMIT crash restarted within the check window answered', `${quick.status} ${quick.body.outcome ?? ''}`);

    // Down for longer than the check window (3 s): the server cannot know, and says so.
    let killed: Promise<void> | undefined;
    const off2 = driver.onStatement((sql) => {
      if (sql === 'COMMIT' && killed === undefined) killed = db.kill();
    });
    const slow = await timed(() =>
      api.request('POST', '/api/v1/leads', newLead('Commit Crash Down'), auth).finally(off2),
    );
    await killed;
    expectUnavailable(slow.value);
    expect(slow.value.body.outcome).toBe('unknown');
    expect(slow.value.body.id).toMatch(/^\d+$/);
    expect(slow.value.body.hint).toMatch(/GET the row/);
    expect(slow.ms).toBeLessThan(5000);
    figure('503 outcome unknown (commit lost, database down for the whole check window)', slow.ms);
    await db.start();
    // Whatever happened, it happened entirely: the row is either there with every value, or absent.
    const row = await leadRow(Number(slow.value.body.id));
    if (row !== undefined) expect(row).toEqual({ name: 'Commit Crash Down', company: 'Outage Ltd' });
    const byName = (await db.sql("SELECT COUNT(*) AS n FROM perfex.tblleads WHERE name = 'Commit Crash Down'")) as {
      n: number;
    }[];
    expect(byName).toEqual([{ n: row === undefined ? 0 : 1 }]);
  });

  it('a database that hangs during COMMIT: 503 outcome unknown within the statement deadline + the 3 s check, and the write is whole either way', async () => {
    const driver = api.serving.engine.driver;
    let frozen = false;
    const off = driver.onStatement((sql) => {
      if (sql === 'COMMIT' && !frozen) {
        frozen = true;
        db.freeze();
      }
    });
    let r: Awaited<ReturnType<typeof timed<Reply>>>;
    try {
      r = await timed(() => api.request('POST', '/api/v1/leads', newLead('Commit Hung'), auth));
    } finally {
      off();
      db.thaw();
    }
    expectUnavailable(r.value);
    expect(r.value.body.outcome).toBe('unknown');
    // Deadline of the COMMIT (statement timeout + 1 s), then the check window (3 s), each bounded.
    expect(r.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 1000 + 3000 + 1500);
    figure('503 outcome unknown (database hung during COMMIT)', r.ms);
    // The COMMIT may still run once the server wakes up: that is why the answer is "unknown".
    await until('the lost session to end', async () => {
      const rows = (await db.sql(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = 'pas' AND COMMAND <> 'Sleep'",
      )) as { n: number }[];
      return Number(rows[0]?.n) === 0;
    });
    const row = await leadRow(Number(r.value.body.id));
    if (row !== undefined) expect(row).toEqual({ name: 'Commit Hung', company: 'Outage Ltd' });
    figure('after the hang, the write turned out', row === undefined ? 'not applied' : 'applied');
    expect((await get('/api/v1/leads?per_page=1')).status).toBe(200);
  });

  it('repeated outages leave no leaked connections, timers or listeners, and the server keeps answering', async () => {
    const driver = api.serving.engine.driver;
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => void warnings.push(w);
    process.on('warning', onWarning);
    const resources = () => {
      const counts: Record<string, number> = {};
      for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
      return counts;
    };
    const burst = (n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => get(`/api/v1/leads?per_page=2&page=${i + 1}`)));
    try {
      expect((await burst(12)).map((r) => r.status)).toEqual(Array(12).fill(200));
      const before = resources();
      for (const how of ['stop', 'kill', 'stop', 'kill'] as const) {
        await db[how]();
        const down = await burst(12);
        for (const r of down) expectUnavailable(r);
        await db.start();
        expect((await burst(12)).map((r) => r.status)).toEqual(Array(12).fill(200));
      }
      const pool = driver.poolState();
      expect(pool).not.toBeNull();
      expect(pool?.open).toBeLessThanOrEqual(10);
      expect(pool?.waiting).toBe(0);
      const after = resources();
      // Every socket to the database belongs to the pool: failed connections were destroyed, not leaked.
      const dbSockets = (process as unknown as { _getActiveHandles(): unknown[] })
        ._getActiveHandles()
        .filter((h) => h instanceof net.Socket && h.remotePort === db.port).length;
      expect(dbSockets).toBeLessThanOrEqual(10);
      expect(dbSockets).toBe(driver.poolState()?.open);
      // Deadline timers are cleared when their statement answers.
      expect(after.Timeout ?? 0).toBeLessThanOrEqual((before.Timeout ?? 0) + 4);
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
      expect((await health()).status).toBe(200);
      const connected = (await db.sql(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = 'pas'",
      )) as { n: number }[];
      expect(Number(connected[0]?.n)).toBeLessThanOrEqual(10);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('the served process (`perfex-api-studio serve`) outlives a crash and a restart of its database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-outage-cli-'));
    const created = spawnSync(
      TSX,
      [CLI, 'token', 'create', '--name', 'outage', '--read', '*', '--json', '--data-dir', dataDir],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(created.status, created.stderr).toBe(0);
    const headers = bearer(JSON.parse(created.stdout).token as string);
    const child = spawn(TSX, [CLI, 'serve', '--db', db.url('perfex'), '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    try {
      await until('serve to listen', async () => /^listening on http:\/\/127\.0\.0\.1:\d+$/m.test(out), 60_000);
      const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1] ?? '';
      const call = async (p: string) => {
        const res = await fetch(`${url}${p}`, { headers });
        return { status: res.status, body: (await res.json()) as { code?: string; status?: string } };
      };
      expect((await call('/api/v1/leads?per_page=1')).status).toBe(200);
      await db.kill();
      const down = await call('/api/v1/leads?per_page=1');
      expect(down).toMatchObject({ status: 503, body: { code: 'PAS501' } });
      await until('health to fail', async () => (await call('/api/v1/health')).status === 503, 3000);
      await db.start();
      expect((await call('/api/v1/leads?per_page=1')).status).toBe(200);
      await until('health to pass', async () => (await call('/api/v1/health')).status === 200, 3000);
      expect(child.exitCode).toBeNull();
      expect(err).not.toMatch(/Unhandled|uncaught|TypeError/i);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
