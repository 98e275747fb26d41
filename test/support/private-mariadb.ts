/**
 * A private MariaDB server for tests that must stop, kill, freeze and restart the database: its own
 * data directory, port and socket, started as a child of the test process. The shared server on 3306
 * cannot be used for that (other test files and engineers depend on it).
 *
 * One instance costs about a second (mariadb-install-db with a small redo log, then mariadbd). The
 * child is killed and its directory removed by `destroy()`, and by an exit hook if a test forgets.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { connect } from '../../src-server/db/connect.ts';
import { createDemoDatabase } from '../../src-server/demo/create-demo-database.ts';

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd'];
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db', '/usr/scripts/mariadb-install-db'];

/** Small InnoDB files: a fresh instance installs in under a second and stays light. */
const SERVER_ARGS = ['--innodb-log-file-size=8M', '--innodb-buffer-pool-size=32M', '--skip-log-bin'];

export const PRIVATE_USER = 'pas';
export const PRIVATE_PASSWORD = 'pas-private';

export interface MariadbBinaries {
  readonly mariadbd: string;
  readonly installDb: string;
}

/** The MariaDB server binaries, or null with the reason when this machine has none. */
export function mariadbBinaries(): MariadbBinaries | { readonly missing: string } {
  const mariadbd = MARIADBD.find((file) => fs.existsSync(file));
  const installDb = INSTALL_DB.find((file) => fs.existsSync(file));
  if (mariadbd === undefined) return { missing: `no mariadbd binary (looked in ${MARIADBD.join(', ')})` };
  if (installDb === undefined) return { missing: `no mariadb-install-db (looked in ${INSTALL_DB.join(', ')})` };
  return { mariadbd, installDb };
}

/**
 * Whether tests needing a private server can run. Under CI a missing binary fails the run (CI
 * installs mariadb-server); elsewhere the tests skip and say why.
 */
export function privateMariadbAvailable(): boolean {
  const found = mariadbBinaries();
  if (!('missing' in found)) return true;
  if (process.env.CI === 'true') throw new Error(`CI requires a MariaDB server binary: ${found.missing}`);
  console.warn(`skipping private-MariaDB tests: ${found.missing}`);
  return false;
}

export interface PrivateMariadb {
  readonly port: number;
  readonly dataDir: string;
  /** `mysql://pas:…@127.0.0.1:PORT/database`, for a user with all rights. */
  url(database: string): string;
  /** Whether the server process is running (also while frozen). */
  readonly running: boolean;
  /** Starts the server on the same data directory and port and waits until it accepts logins. */
  start(): Promise<void>;
  /** Clean shutdown (SIGTERM): running statements are killed, uncommitted transactions rolled back. */
  stop(): Promise<void>;
  /** Crash (SIGKILL): the next start runs InnoDB crash recovery. */
  kill(): Promise<void>;
  /**
   * SIGSTOP: connections stay open but nothing answers, as with a laptop asleep or a hung host.
   * Returns once every thread of the server is stopped (signals land asynchronously), so it can be
   * called synchronously between two statements.
   */
  freeze(): void;
  /** SIGCONT after `freeze`. */
  thaw(): void;
  /** Runs SQL as root on a connection of its own (test setup, checking what was committed). */
  sql(statement: string, params?: unknown[]): Promise<unknown>;
  /** Opens a root connection the test drives itself (holding locks); closed by `destroy` too. */
  connection(database?: string): Promise<mysql.Connection>;
  /** Kills the server and removes its files. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Spins until every thread of `pid` is in the stopped state (Linux /proc), at most 2 s. A busy wait:
 * freezing must be able to happen synchronously inside a statement listener, before the next write.
 */
function waitStopped(pid: number): void {
  const tasks = `/proc/${pid}/task`;
  if (!fs.existsSync(tasks)) return;
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    let running = false;
    for (const task of fs.readdirSync(tasks)) {
      try {
        // Format: "pid (comm) S …"; the state follows the last ')'.
        const stat = fs.readFileSync(path.join(tasks, task, 'stat'), 'utf8');
        const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        if (state !== 'T' && state !== 't') running = true;
      } catch {
        // The thread ended meanwhile.
      }
    }
    if (!running) return;
  }
}

const live = new Set<ChildProcess>();
let hooked = false;

/** Kills servers left behind when the test process exits (a failed beforeAll, an interrupted run). */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/** Installs a fresh data directory, starts the server and creates the `pas` user. */
export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const binaries = mariadbBinaries();
  if ('missing' in binaries) throw new Error(binaries.missing);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-mariadb-'));
  const dataDir = path.join(root, 'data');
  // Its own temp dir: a starting mariadbd deletes every `#sql*` file in its tmpdir, and in the
  // default /tmp those are the shared server's live temporary tables (it crashed on that once).
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync(
    binaries.installDb,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      `--tmpdir=${tmpDir}`,
      ...asRoot,
      ...SERVER_ARGS,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (install.status !== 0) {
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(
      `mariadb-install-db failed (${install.status ?? install.signal}): ${install.stderr || install.stdout}`,
    );
  }
  const port = await freePort();
  const errorLog = path.join(root, 'error.log');
  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${path.join(root, 'mysqld.sock')}`,
    `--pid-file=${path.join(root, 'mysqld.pid')}`,
    `--log-error=${errorLog}`,
    `--tmpdir=${tmpDir}`,
    ...asRoot,
    ...SERVER_ARGS,
  ];
  let child: ChildProcess | undefined;
  const connections = new Set<mysql.Connection>();
  const rootOptions = { host: '127.0.0.1', port, user: 'root', password: '', connectTimeout: 2000 };

  const logTail = (): string =>
    fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8').split('\n').slice(-15).join('\n') : '';

  async function waitReady(started: ChildProcess): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (started.exitCode !== null || started.signalCode !== null) {
        throw new Error(`mariadbd exited (${started.exitCode ?? started.signalCode}) while starting:\n${logTail()}`);
      }
      try {
        const conn = await mysql.createConnection(rootOptions);
        await conn.end();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`mariadbd not ready after 60 s: ${(error as Error).message}\n${logTail()}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  async function signal(name: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const current = child;
    if (current === undefined) return;
    current.kill('SIGCONT'); // a frozen server cannot act on SIGTERM
    current.kill(name);
    await exited(current);
    live.delete(current);
    child = undefined;
  }

  const instance: PrivateMariadb = {
    port,
    dataDir,
    url: (database) => `mysql://${PRIVATE_USER}:${PRIVATE_PASSWORD}@127.0.0.1:${port}/${database}`,
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child !== undefined) throw new Error('the private MariaDB is already running');
      const started = spawn(binaries.mariadbd, args, { stdio: 'ignore' });
      child = started;
      live.add(started);
      hookExit();
      started.once('exit', () => live.delete(started));
      await waitReady(started);
    },
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    freeze() {
      const pid = child?.pid;
      if (pid === undefined) return;
      child?.kill('SIGSTOP');
      waitStopped(pid);
    },
    thaw() {
      child?.kill('SIGCONT');
    },
    async sql(statement, params = []) {
      const conn = await mysql.createConnection({ ...rootOptions, multipleStatements: true });
      try {
        const [rows] = await conn.query(statement, params);
        return rows;
      } finally {
        await conn.end();
      }
    },
    async connection(database) {
      const conn = await mysql.createConnection({ ...rootOptions, ...(database === undefined ? {} : { database }) });
      // The server going away under a held connection is what these tests do: not an error here.
      conn.on('error', () => undefined);
      connections.add(conn);
      return conn;
    },
    async destroy() {
      for (const conn of connections) conn.destroy();
      connections.clear();
      await signal('SIGKILL');
      fs.rmSync(root, { recursive: true, force: true });
    },
  };

  try {
    await instance.start();
    await instance.sql(
      `CREATE USER '${PRIVATE_USER}'@'127.0.0.1' IDENTIFIED BY '${PRIVATE_PASSWORD}'; ` +
        `GRANT ALL ON *.* TO '${PRIVATE_USER}'@'127.0.0.1'; FLUSH PRIVILEGES`,
    );
  } catch (error) {
    await instance.destroy();
    throw error;
  }
  return instance;
}

/** A private server holding the demo Perfex database (scale 0.05, seed 7) as `perfex`. */
export async function startPrivateDemo(): Promise<PrivateMariadb> {
  const db = await startPrivateMariadb();
  await db.sql('CREATE DATABASE perfex CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  const filler = await connect(db.url('perfex'));
  try {
    await createDemoDatabase(filler, { scale: 0.05, seed: 7 });
  } finally {
    await filler.close();
  }
  return db;
}
