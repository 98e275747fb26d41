/**
 * Database failures that are not the caller's fault become clear 5xx problems (never PAS901), from the
 * one table in execute/map-database-error.ts:
 * - the table, fed with real mysql2 errors: MariaDB's SIGNAL raises any error number and SQLSTATE
 *   from the real server over the real protocol (EE_DELETE, disk full, crashed table…);
 * - a real deadlock between two transactions;
 * - the same errors through the whole server: a trigger on tblleads raises them under POST, so the
 *   answer's status, code, Retry-After and `outcome` are checked end to end, and nothing is written;
 * - a real ER_CON_COUNT_ERROR from a private MariaDB whose max_connections the test lowers.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapDatabaseError } from '../../src-server/execute/map-database-error.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import { privateMariadbAvailable, startPrivateDemo, type PrivateMariadb } from '../support/private-mariadb.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createMysqlDemo, type DemoDatabase } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

/** The error MariaDB raises for `SIGNAL SQLSTATE state SET MYSQL_ERRNO = errno, MESSAGE_TEXT = text`. */
async function signalled(conn: mysql.Connection, state: string, errno: number, text: string): Promise<unknown> {
  try {
    await conn.query(
      `BEGIN NOT ATOMIC SIGNAL SQLSTATE '${state}' SET MYSQL_ERRNO = ${errno}, MESSAGE_TEXT = ${conn.escape(text)}; END`,
    );
  } catch (error) {
    return error;
  }
  throw new Error('SIGNAL did not raise');
}

/** [label, SQLSTATE, errno, message, expected code, status, Retry-After] */
const SERVER_ERRORS: readonly [string, string, number, string, string, number, number | undefined][] = [
  ['EE_DELETE (mysys file error)', 'HY000', 6, "Error on delete of '/var/lib/mysql/perfex/#sql-1.frm' (Errcode: 13 \"Permission denied\")", 'PAS506', 500, undefined],
  ['EE_WRITE on a full disk', 'HY000', 3, "Error writing file '/tmp/MY1' (Errcode: 28 \"No space left on device\")", 'PAS505', 503, 5],
  ['ER_GET_ERRNO 28 (storage engine: no space)', 'HY000', 1030, 'Got error 28 "No space left on device" from storage engine InnoDB', 'PAS505', 503, 5],
  ['ER_GET_ERRNO (storage engine failure)', 'HY000', 1030, 'Got error 122 "Internal (unspecified) error in handler" from storage engine InnoDB', 'PAS506', 500, undefined],
  ['ER_DISK_FULL', 'HY000', 1021, 'Disk full (/tmp/#sql_1.MAI); waiting for someone to free some space...', 'PAS505', 503, 5],
  ['ER_OUT_OF_RESOURCES', 'HY000', 1041, 'Out of memory.', 'PAS505', 503, 5],
  ['ER_OUTOFMEMORY', 'HY001', 1037, 'Out of memory; restart server and try again (needed 65536 bytes)', 'PAS505', 503, 5],
  ['ER_CON_COUNT_ERROR', '08004', 1040, 'Too many connections', 'PAS505', 503, 5],
  ['ER_TOO_MANY_USER_CONNECTIONS', '42000', 1203, "User pas already has more than 'max_user_connections' active connections", 'PAS505', 503, 5],
  ['ER_LOCK_DEADLOCK', '40001', 1213, 'Deadlock found when trying to get lock; try restarting transaction', 'PAS504', 503, 1],
  ['ER_LOCK_WAIT_TIMEOUT', 'HY000', 1205, 'Lock wait timeout exceeded; try restarting transaction', 'PAS504', 503, 1],
  ['ER_CRASHED_ON_USAGE', 'HY000', 1194, "Table 'tblinvoices' is marked as crashed and should be repaired", 'PAS506', 500, undefined],
  ['ER_NOT_KEYFILE', 'HY000', 1034, "Index for table 'tblinvoices' is corrupt; try to repair it", 'PAS506', 500, undefined],
  ['ER_UNKNOWN_ERROR', 'HY000', 1105, 'Unknown error', 'PAS506', 500, undefined],
  ['an unlisted general (HY000) server error', 'HY000', 1999, 'Something broke inside', 'PAS506', 500, undefined],
  ['ER_TABLEACCESS_DENIED_ERROR', '42000', 1142, "INSERT command denied to user 'ro'@'localhost' for table `perfex`.`tblleads`", 'PAS507', 500, undefined],
  ['ER_OPTION_PREVENTS_STATEMENT (read_only)', 'HY000', 1290, 'The MariaDB server is running with the --read-only option so it cannot execute this statement', 'PAS507', 500, undefined],
  ['MariaDB max_statement_time (1969)', 'HY000', 1969, 'Query execution was interrupted (max_statement_time exceeded)', 'PAS502', 503, undefined],
  ['ER_DUP_ENTRY', '23000', 1062, "Duplicate entry 'a' for key 'name'", 'PAS402', 409, undefined],
];

describe.skipIf(!withMysql)('the database error table, fed with real MariaDB errors', () => {
  let conn: mysql.Connection;
  let db: DemoDatabase;

  beforeAll(async () => {
    db = await createMysqlDemo('db_errors');
    conn = await mysql.createConnection(db.url);
  });

  afterAll(async () => {
    await conn?.end();
    await db?.drop();
  });

  it.each(SERVER_ERRORS.map(([label, ...rest]) => [`${label} → ${rest[3]}`, ...rest] as const))('%s', async (_label, state, errno, text, code, status, retryAfter) => {
    const error = await signalled(conn, state, errno, text);
    expect(error).toMatchObject({ errno, sqlState: state });
    const problem = mapDatabaseError(error);
    expect(problem?.code).toBe(code);
    expect(problem?.status).toBe(status);
    expect(problem?.extra?.retryAfter).toBe(retryAfter);
    if (status >= 500 && code !== 'PAS502') {
      // The number is named; the server's own words (user, host, paths) stay in the log.
      expect(problem?.detail).toContain(String(errno));
      expect(problem?.detail).not.toContain(text);
    }
  });

  it('leaves schema drift (unknown column) and SQL bugs (syntax) unmapped: refresh, or PAS901 with the log', async () => {
    const drift = await conn.query('SELECT nope FROM tblleads').catch((e: unknown) => e);
    expect(drift).toMatchObject({ code: 'ER_BAD_FIELD_ERROR' });
    expect(mapDatabaseError(drift)).toBeNull();
    const bug = await conn.query('SELEC 1').catch((e: unknown) => e);
    expect(bug).toMatchObject({ code: 'ER_PARSE_ERROR' });
    expect(mapDatabaseError(bug)).toBeNull();
  });

  it('a real deadlock between two transactions: the victim maps to 503 PAS504, Retry-After 1', async () => {
    const other = await mysql.createConnection(db.url);
    try {
      await conn.query('START TRANSACTION');
      await other.query('START TRANSACTION');
      await conn.query('UPDATE tblleads SET name = name WHERE id = 1');
      await other.query('UPDATE tblleads SET name = name WHERE id = 2');
      const first = conn.query('UPDATE tblleads SET name = name WHERE id = 2').then(
        () => null,
        (e: unknown) => e,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = await other.query('UPDATE tblleads SET name = name WHERE id = 1').then(
        () => null,
        (e: unknown) => e,
      );
      const victim = second ?? (await first);
      expect(victim).toMatchObject({ code: 'ER_LOCK_DEADLOCK', errno: 1213 });
      const problem = mapDatabaseError(victim);
      expect([problem?.status, problem?.code, problem?.extra?.retryAfter]).toEqual([503, 'PAS504', 1]);
    } finally {
      await conn.query('ROLLBACK').catch(() => undefined);
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  });
});

describe.skipIf(!withMysql)('server failures through the whole server (a trigger raises them under POST)', () => {
  let db: DemoDatabase;
  let api: SecureServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    db = await createMysqlDemo('db_errors_http');
    const conn = await mysql.createConnection(db.url);
    await conn.query(`CREATE TRIGGER pas_fail BEFORE INSERT ON tblleads FOR EACH ROW
      BEGIN
        IF NEW.name = 'fail-deadlock' THEN
          SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock; try restarting transaction';
        ELSEIF NEW.name = 'fail-disk-full' THEN
          SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1021, MESSAGE_TEXT = 'Disk full (/tmp/#sql_1.MAI); waiting for someone to free some space...';
        ELSEIF NEW.name = 'fail-ee-delete' THEN
          SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 6, MESSAGE_TEXT = 'Error on delete of ''/tmp/x'' (Errcode: 13 "Permission denied")';
        ELSEIF NEW.name = 'fail-denied' THEN
          SIGNAL SQLSTATE '42000' SET MYSQL_ERRNO = 1142, MESSAGE_TEXT = 'INSERT command denied to user ''pas''@''localhost'' for table tblleads';
        END IF;
      END`);
    await conn.end();
    api = await startSecureServer(db.url);
    auth = bearer(api.token({ scopes: ['rest', 'graphql', 'write'], read: ['leads'], create: ['leads'] }).token);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.each([
    ['fail-deadlock', 503, 'PAS504', '1', 'not-applied'],
    ['fail-disk-full', 503, 'PAS505', '5', 'not-applied'],
    ['fail-ee-delete', 500, 'PAS506', null, undefined],
    ['fail-denied', 500, 'PAS507', null, undefined],
  ])('%s → %i %s (Retry-After %s), nothing written', async (name, status, code, retryAfter, outcome) => {
    const r = await api.request('POST', '/api/v1/leads', { name, status: 1, source: 1, assigned: 0, addedfrom: 0 }, auth);
    expect([r.status, r.body.code], r.text).toEqual([status, code]);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.headers.get('retry-after')).toBe(retryAfter);
    expect(r.body.outcome).toBe(outcome);
    expect(r.body.hint.length).toBeGreaterThan(20);
    const found = await api.request('GET', `/api/v1/leads?filter[name]=${name}`, undefined, auth);
    expect(found.body.meta.total).toBe(0);
    // GraphQL answers the same problem under `extensions`.
    const gql = await api.request(
      'POST',
      '/api/v1/graphql',
      { query: `mutation { createLead(input: {name: "${name}", status: 1, source: 1, assigned: 0, addedfrom: 0}) { success } }` },
      auth,
    );
    expect(gql.body.errors[0].extensions).toMatchObject({ code, status });
  });
});

const privateAvailable = privateMariadbAvailable();

describe.skipIf(!privateAvailable)('too many connections, for real (private MariaDB, max_connections lowered)', () => {
  let db: PrivateMariadb;
  let api: SecureServer;
  let auth: Record<string, string>;
  let admin: mysql.Connection;

  beforeAll(async () => {
    db = await startPrivateDemo();
    // A user without CONNECTION ADMIN: such users get no reserved slot beyond max_connections.
    await db.sql(
      "CREATE USER 'plain'@'127.0.0.1' IDENTIFIED BY 'plain'; GRANT SELECT, INSERT, UPDATE, DELETE ON perfex.* TO 'plain'@'127.0.0.1'",
    );
    api = await startSecureServer(`mysql://plain:plain@127.0.0.1:${db.port}/perfex`);
    auth = bearer(api.token({ read: '*' }).token);
    admin = await db.connection();
  }, 120_000);

  afterAll(async () => {
    await admin?.end().catch(() => undefined);
    await api?.close();
    await db?.destroy();
  });

  it('the pool meets ER_CON_COUNT_ERROR: 503 PAS505 with Retry-After 5, and all is well once connections are allowed', async () => {
    const get = (i: number) => api.request('GET', `/api/v1/leads?per_page=2&page=${i + 1}`, undefined, auth);
    expect((await get(0)).status).toBe(200);
    // The pool's connections are gone (as after a database restart), and the test takes every
    // connection the server allows (its minimum max_connections is 10): the pool's next one is refused.
    await admin.query('SET GLOBAL max_connections = 10');
    const [sessions] = await admin.query("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'plain'");
    for (const { ID } of sessions as { ID: number }[]) await admin.query(`KILL CONNECTION ${Number(ID)}`);
    const held: mysql.Connection[] = [];
    try {
      for (;;) {
        const conn = await mysql
          .createConnection({ host: '127.0.0.1', port: db.port, user: 'plain', password: 'plain' })
          .catch((e: unknown) => e as { code?: string });
        if ('code' in conn && conn.code === 'ER_CON_COUNT_ERROR') break;
        held.push(conn as mysql.Connection);
        expect(held.length).toBeLessThan(20);
      }
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => get(i)));
      for (const r of answers) {
        expect([r.status, r.body.code], r.text).toEqual([503, 'PAS505']);
        expect(r.body.detail).toContain('too many connections');
        expect(r.headers.get('retry-after')).toBe('5');
      }
    } finally {
      for (const conn of held) conn.destroy();
      await admin.query('SET GLOBAL max_connections = 151');
    }
    const again = await Promise.all(Array.from({ length: 8 }, (_, i) => get(i)));
    expect(again.map((r) => r.status)).toEqual(Array(8).fill(200));
  }, 60_000);
});
