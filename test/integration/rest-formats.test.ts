/**
 * CSV and NDJSON on SQLite and MariaDB: lists and groups against plain SQL, `Accept` negotiation,
 * and a streamed export of a generated 200,000-row table whose server-side memory must stay flat
 * (the rows are never held as one array), read by a client that counts lines as they arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src-server/db/connect.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import {
  createMysqlDemo,
  createSqliteDemo,
  startTestServer,
  TEST_WHITELIST,
  type DemoDatabase,
  type TestServer,
} from '../support/test-server.ts';

const withMysql = await mysqlAvailable();
const BIG_ROWS = 200_000;

/** A table of BIG_ROWS rows made by a recursive CTE (MariaDB ≥ 10.2 and SQLite ≥ 3.8.3 both have them). */
async function addBigTable(url: string): Promise<void> {
  const driver = await connect(url);
  try {
    const mysql = driver.dialect === 'mysql';
    await driver.run(
      mysql
        ? 'CREATE TABLE tblpas_big (id int NOT NULL PRIMARY KEY, label varchar(40) NOT NULL, amount decimal(15,2) NOT NULL)'
        : 'CREATE TABLE tblpas_big (id INTEGER PRIMARY KEY, label varchar(40) NOT NULL, amount decimal(15,2) NOT NULL)',
    );
    if (mysql) await driver.run('SET SESSION max_recursive_iterations = 1000000');
    await driver.run(
      `INSERT INTO tblpas_big (id, label, amount) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${BIG_ROWS}) ` +
        `SELECT i, ${mysql ? "CONCAT('row ', i)" : "'row ' || i"}, (i % 1000) / 10.0 FROM n`,
    );
  } finally {
    await driver.close();
  }
}

function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
        (m[1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"'),
      ),
    );
}

const dialects = [
  { name: 'sqlite', create: createSqliteDemo, skip: false },
  { name: 'mariadb', create: () => createMysqlDemo('rest_formats'), skip: !withMysql },
] as const;

describe.each(dialects)('REST CSV and NDJSON on $name', ({ create, skip }) => {
  let db: DemoDatabase | undefined;
  let api: TestServer;
  beforeAll(async () => {
    if (skip) return;
    db = await create();
    await addBigTable(db.url);
    api = await startTestServer(db.url, {
      ...TEST_WHITELIST,
      tables: { ...TEST_WHITELIST.tables, tblpas_big: { expose: true } },
    });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.skipIf(skip)('writes a filtered list as CSV with a header, exactly the rows SQL finds', async () => {
    const r = await api.request(
      'GET',
      '/api/v1/invoices?filter[status]=2&sort=id&fields=id,formatted_number,total,duedate&format=csv',
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...lines] = parseCsv(r.text);
    expect(header).toEqual(['id', 'formatted_number', 'total', 'duedate']);
    const rows = await api.engine.driver.query(
      'SELECT id, formatted_number, total, duedate FROM tblinvoices WHERE status = 2 ORDER BY id',
    );
    expect(lines).toEqual(
      rows.map((row) => [
        String(row.id),
        String(row.formatted_number),
        String(Number(row.total)),
        String(row.duedate).startsWith('0000') ? '' : String(row.duedate).slice(0, 10),
      ]),
    );
  });

  it.skipIf(skip)('negotiates NDJSON from Accept, pages on request, and writes groups', async () => {
    const r = await api.request('GET', '/api/v1/invoices?fields=id,total&sort=id&per_page=7&page=2', undefined, {
      accept: 'application/x-ndjson',
    });
    expect(r.headers.get('content-type')).toBe('application/x-ndjson');
    const rows = r.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const expected = await api.engine.driver.query('SELECT id, total FROM tblinvoices ORDER BY id LIMIT 7 OFFSET 7');
    expect(rows).toEqual(expected.map((e) => ({ id: Number(e.id), total: Number(e.total) })));
    const groups = await api.request('GET', '/api/v1/invoices?group_by=status&aggregate=count&format=csv');
    const counts = await api.engine.driver.query(
      'SELECT status, COUNT(*) AS n FROM tblinvoices GROUP BY status ORDER BY status',
    );
    expect(parseCsv(groups.text)).toEqual([['status', 'count'], ...counts.map((c) => [String(c.status), String(c.n)])]);
    const bad = await api.get('/api/v1/invoices?format=xml');
    expect([bad.status, bad.body.code]).toEqual([400, 'PAS129']);
  });

  it.skipIf(skip)('streams a 200,000-row export from the cursor with bounded memory', async () => {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const res = await fetch(`${api.url}/api/v1/pas_big?format=ndjson`);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    let lines = 0;
    let sum = 0;
    let rest = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        lines++;
        sum += Number(JSON.parse(part).amount) * 10;
      }
    }
    clearInterval(timer);
    expect(lines).toBe(BIG_ROWS);
    const [{ total }] = (await api.engine.driver.query('SELECT SUM(amount) * 10 AS total FROM tblpas_big')) as [
      { total: number },
    ];
    expect(Math.round(sum)).toBe(Math.round(Number(total)));
    // The whole answer is ~12 MB of JSON and 200,000 row objects (~60 MB of heap as an array); the
    // server (in this process) stays far below it because rows flow through a bounded buffer.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });
});
