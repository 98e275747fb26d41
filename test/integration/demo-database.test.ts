/**
 * The demo Perfex database, generated on SQLite and on a real MariaDB: the schema as declared,
 * coherent money (every invoice against its lines, taxes and payments), Perfex's quirks, the same
 * rows for the same seed on both dialects, and bounded batches at a larger scale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../../src-server/db/connect.ts';
import type { Driver, Row } from '../../src-server/db/driver.ts';
import {
  createDemoDatabase,
  DEMO_BATCH_SIZE,
  ensureDemoDatabase,
  type DemoSummary,
} from '../../src-server/demo/create-demo-database.ts';
import { demoSchema } from '../../src-server/demo/demo-schema.ts';
import { createTestDatabase, mysqlAvailable } from '../support/mysql.ts';

const SCALE = 0.2;
const ANCHOR = '2026-06-30';
const hasMysql = await mysqlAvailable();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-demo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const num = (value: unknown): number => Number(value);
const cents = (value: unknown): number => Math.round(Number(value) * 100);

async function sqliteDemo(
  name: string,
  options: { scale?: number; seed?: number } = {},
): Promise<{ driver: Driver; summary: DemoSummary }> {
  const driver = await connect(`sqlite:${path.join(tmp, name)}`, { create: true });
  const summary = await createDemoDatabase(driver, { scale: SCALE, ...options });
  return { driver, summary };
}

/** Every row of every demo table, in primary-key order, decimals as numbers (mysql2 gives strings). */
async function dump(driver: Driver): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of demoSchema.tables) {
    const decimals = table.columns.filter((c) => c.type.startsWith('decimal')).map((c) => c.name);
    const rows = await driver.query(`SELECT * FROM ${table.name} ORDER BY ${table.primaryKey.join(', ')}`);
    out[table.name] = rows.map((row) => {
      const copy: Row = { ...row };
      for (const name of decimals) if (copy[name] !== null) copy[name] = Number(copy[name]);
      return copy;
    });
  }
  return out;
}

/** Declared column types, read back the way introspection reads them. */
async function declaredColumns(driver: Driver, table: string): Promise<string[]> {
  if (driver.dialect === 'sqlite') {
    // SQLite reports its own standard type names in capitals (`int` → INT): compare in lower case.
    const info = await driver.query(`PRAGMA table_info("${table}")`);
    return info.map(
      (c) =>
        `${String(c.name)} ${String(c.type).toLowerCase()} ${num(c.notnull) === 1 || num(c.pk) === 1 ? 'NN' : 'NULL'}`,
    );
  }
  const info = await driver.query(
    'SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    [table],
  );
  // MariaDB reports display widths Perfex's dump leaves out: int(11), tinyint(4), bigint(20).
  const type = (t: string): string => t.replace(/^(int|tinyint|bigint)\((11|4|20)\)/, '$1');
  return info.map(
    (c) =>
      `${String(c.COLUMN_NAME)} ${type(String(c.COLUMN_TYPE))} ${c.IS_NULLABLE === 'NO' ? 'NN' : 'NULL'}${String(c.EXTRA).includes('auto_increment') ? ' AI' : ''}`,
  );
}

function expectedColumns(driver: Driver, table: (typeof demoSchema.tables)[number]): string[] {
  return table.columns.map((c) => {
    if (driver.dialect === 'sqlite')
      return `${c.name} ${c.autoIncrement ? 'integer' : c.type} ${c.nullable ? 'NULL' : 'NN'}`;
    return `${c.name} ${c.type} ${c.nullable ? 'NULL' : 'NN'}${c.autoIncrement ? ' AI' : ''}`;
  });
}

/** Documents whose subtotal / total_tax / total disagree with their lines and taxes. */
async function incoherentDocuments(driver: Driver, table: string, relType: string): Promise<string[]> {
  const int = driver.dialect === 'mysql' ? 'SIGNED' : 'INTEGER';
  const docs = await driver.query(
    `
    SELECT d.id, d.subtotal, d.total_tax, d.total, d.discount_total, d.adjustment,
      (SELECT COUNT(*) FROM tblitemable l WHERE l.rel_type = ? AND l.rel_id = d.id) AS line_count,
      (SELECT SUM(l.qty * l.rate) FROM tblitemable l WHERE l.rel_type = ? AND l.rel_id = d.id) AS line_sum,
      (SELECT SUM(CAST(ROUND(l.qty * 100) AS ${int}) * CAST(ROUND(l.rate * 100) AS ${int}) * CAST(ROUND(t.taxrate * 100) AS ${int}))
         FROM tblitem_tax t JOIN tblitemable l ON l.id = t.itemid
        WHERE t.rel_type = ? AND t.rel_id = d.id AND l.rel_type = t.rel_type AND l.rel_id = t.rel_id) AS tax_millionths
    FROM ${table} d ORDER BY d.id`,
    [relType, relType, relType],
  );
  const bad: string[] = [];
  for (const d of docs) {
    const tax = Math.floor((num(d.tax_millionths ?? 0) + 500_000) / 1_000_000);
    const total = cents(d.subtotal) + cents(d.total_tax) - cents(d.discount_total) + cents(d.adjustment);
    if (num(d.line_count) === 0) bad.push(`${table} ${String(d.id)}: no lines`);
    if (cents(d.subtotal) !== cents(d.line_sum))
      bad.push(`${table} ${String(d.id)}: subtotal ${String(d.subtotal)} ≠ Σ lines ${String(d.line_sum)}`);
    if (cents(d.total_tax) !== tax)
      bad.push(`${table} ${String(d.id)}: total_tax ${String(d.total_tax)} ≠ Σ taxes ${tax / 100}`);
    if (cents(d.total) !== total) bad.push(`${table} ${String(d.id)}: total ${String(d.total)} ≠ ${total / 100}`);
  }
  return bad;
}

function coherenceSuite(
  label: string,
  open: () => Promise<{ driver: Driver; summary: DemoSummary; drop: () => Promise<void> }>,
): void {
  describe(label, () => {
    let driver: Driver;
    let summary: DemoSummary;
    let drop: () => Promise<void>;
    beforeAll(async () => ({ driver, summary, drop } = await open()));
    afterAll(async () => {
      await driver.close();
      await drop();
    });

    it('creates every demo table with the columns, types and nullability Perfex declares', async () => {
      expect(Object.keys(summary.rowCounts)).toEqual(demoSchema.tables.map((t) => t.name));
      for (const table of demoSchema.tables) {
        expect(await declaredColumns(driver, table.name), table.name).toEqual(expectedColumns(driver, table));
        expect(summary.rowCounts[table.name], table.name).toBeGreaterThan(0);
      }
      expect(summary.rowCounts.tblcountries).toBe(250);
    });

    it('keeps subtotal, total_tax and total equal to the lines and taxes of every sales document', async () => {
      for (const [table, relType] of [
        ['tblinvoices', 'invoice'],
        ['tblestimates', 'estimate'],
        ['tblproposals', 'proposal'],
        ['tblcreditnotes', 'credit_note'],
      ] as const) {
        expect(await incoherentDocuments(driver, table, relType)).toEqual([]);
      }
      const orphanTaxes = await driver.query(`
        SELECT t.id FROM tblitem_tax t LEFT JOIN tbltaxes x ON x.name = t.taxname AND x.taxrate = t.taxrate WHERE x.id IS NULL`);
      expect(orphanTaxes).toEqual([]);
    });

    it('never pays more than the total, and sets each invoice status from its payments', async () => {
      const invoices = await driver.query(`
        SELECT i.id, i.status, i.number, i.formatted_number, i.total, i.date, i.duedate, i.datecreated,
               COALESCE(SUM(p.amount), 0) AS paid, COUNT(p.id) AS payments, MIN(p.date) AS first_paid, MAX(p.date) AS last_paid
          FROM tblinvoices i LEFT JOIN tblinvoicepaymentrecords p ON p.invoiceid = i.id
         GROUP BY i.id, i.status, i.number, i.formatted_number, i.total, i.date, i.duedate, i.datecreated ORDER BY i.id`);
      let expectedNumber = 0;
      const statuses = new Set<number>();
      for (const i of invoices) {
        const id = `invoice ${String(i.id)}`;
        const [paid, total, status] = [cents(i.paid), cents(i.total), num(i.status)];
        statuses.add(status);
        expect(paid, id).toBeLessThanOrEqual(total);
        expect(String(i.date) <= String(i.duedate) && String(i.duedate) !== '', id).toBe(true);
        expect(
          String(i.datecreated).slice(0, 10) >= String(i.date) && String(i.datecreated).slice(0, 10) <= ANCHOR,
          id,
        ).toBe(true);
        if (num(i.payments) > 0)
          expect(String(i.first_paid) >= String(i.date) && String(i.last_paid) <= ANCHOR, id).toBe(true);
        if (status === 6) {
          expect([num(i.number), i.formatted_number, num(i.payments)], id).toEqual([1_000_000_000, 'INV-DRAFT', 0]);
          continue;
        }
        expectedNumber++;
        expect([num(i.number), i.formatted_number], id).toEqual([
          expectedNumber,
          `INV-${String(expectedNumber).padStart(6, '0')}`,
        ]);
        if (status === 5) expect(num(i.payments), id).toBe(0);
        else {
          const expected = paid === total ? 2 : paid > 0 ? 3 : String(i.duedate) < ANCHOR ? 4 : 1;
          expect(status, id).toBe(expected);
        }
      }
      expect([...statuses].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('gives every customer exactly one primary contact, and every contact a real customer', async () => {
      const wrong = await driver.query(`
        SELECT c.userid, SUM(CASE WHEN ct.is_primary = 1 THEN 1 ELSE 0 END) AS primaries
          FROM tblclients c LEFT JOIN tblcontacts ct ON ct.userid = c.userid
         GROUP BY c.userid HAVING SUM(CASE WHEN ct.is_primary = 1 THEN 1 ELSE 0 END) <> 1`);
      expect(wrong).toEqual([]);
      const orphans = await driver.query(
        'SELECT ct.id FROM tblcontacts ct LEFT JOIN tblclients c ON c.userid = ct.userid WHERE c.userid IS NULL',
      );
      expect(orphans).toEqual([]);
    });

    it('links converted leads and customers both ways', async () => {
      const pairs = await driver.query(`
        SELECT c.userid, c.leadid, l.client_id, l.date_converted, l.status FROM tblclients c JOIN tblleads l ON l.id = c.leadid`);
      expect(pairs.length).toBeGreaterThan(0);
      for (const p of pairs)
        expect([num(p.client_id), p.date_converted !== null, num(p.status)]).toEqual([num(p.userid), true, 1]);
      const oneWay = await driver.query(
        'SELECT l.id FROM tblleads l LEFT JOIN tblclients c ON c.leadid = l.id WHERE l.client_id <> 0 AND c.userid IS NULL',
      );
      expect(oneWay).toEqual([]);
    });

    it("keeps Perfex's quirks: 0 as no relation, zero dates, polymorphic rows, names in activity_log.staffid", async () => {
      const count = async (sql: string): Promise<number> => num((await driver.query(sql))[0]?.n);
      expect(await count('SELECT COUNT(*) AS n FROM tblinvoices WHERE sale_agent = 0')).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM tblinvoices WHERE project_id = 0')).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM tblexpenses WHERE clientid = 0')).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM tbltickets WHERE contactid = 0')).toBeGreaterThan(0);
      expect(
        await count("SELECT COUNT(*) AS n FROM tblinvoices WHERE last_overdue_reminder = '0000-00-00'"),
      ).toBeGreaterThan(0);
      const relTypes = async (sql: string): Promise<string[]> =>
        (await driver.query(sql)).map((r) => String(r.t)).sort();
      expect(await relTypes('SELECT DISTINCT rel_type AS t FROM tblitemable')).toEqual([
        'credit_note',
        'estimate',
        'invoice',
        'proposal',
      ]);
      expect(
        (await relTypes('SELECT DISTINCT rel_type AS t FROM tbltasks WHERE rel_type IS NOT NULL')).length,
      ).toBeGreaterThanOrEqual(6);
      expect((await relTypes('SELECT DISTINCT rel_type AS t FROM tblnotes')).length).toBeGreaterThanOrEqual(5);
      expect(await relTypes('SELECT DISTINCT fieldto AS t FROM tblcustomfieldsvalues')).toEqual(
        expect.arrayContaining(['customers', 'invoice', 'leads']),
      );
      const actors = (await driver.query('SELECT DISTINCT staffid AS s FROM tblactivity_log')).map((r) => r.s);
      const staffNames = (await driver.query('SELECT firstname, lastname FROM tblstaff')).map(
        (r) => `${String(r.firstname)} ${String(r.lastname)}`,
      );
      expect(actors).toContain('[CRON]');
      expect(actors.some((a) => staffNames.includes(String(a)))).toBe(true);
    });

    it('stores only realistic fakes in sensitive columns', async () => {
      const bcrypt = /^\$2y\$10\$[./A-Za-z0-9]{53}$/;
      const md5 = /^[0-9a-f]{32}$/;
      for (const table of ['tblstaff', 'tblcontacts']) {
        for (const r of await driver.query(`SELECT password FROM ${table} WHERE password IS NOT NULL`))
          expect(String(r.password)).toMatch(bcrypt);
      }
      for (const [table, column] of [
        ['tblinvoices', 'hash'],
        ['tblestimates', 'hash'],
        ['tblproposals', 'hash'],
        ['tblcontracts', 'hash'],
        ['tbltickets', 'ticketkey'],
      ]) {
        for (const r of await driver.query(`SELECT ${column} AS v FROM ${table}`)) expect(String(r.v)).toMatch(md5);
      }
      for (const r of await driver.query(
        'SELECT google_auth_secret AS s FROM tblstaff WHERE google_auth_secret IS NOT NULL',
      ))
        expect(String(r.s)).toMatch(/^[A-Z2-7]{16}$/);
    });
  });
}

coherenceSuite('demo database on SQLite', async () => ({
  ...(await sqliteDemo('coherence.db')),
  drop: async () => undefined,
}));

describe.skipIf(!hasMysql)('demo database on MariaDB', () => {
  coherenceSuite('coherence', async () => {
    const db = await createTestDatabase('demo');
    const driver = await connect(db.url);
    return { driver, summary: await createDemoDatabase(driver, { scale: SCALE }), drop: db.drop };
  });
});

describe('determinism', () => {
  it('gives byte-identical rows for the same seed on any day, and different rows for another seed', async () => {
    const first = await sqliteDemo('seed-a.db');
    // Another "today" for the machine: only the anchor date may matter.
    vi.useFakeTimers({ now: new Date('2031-02-03T04:05:06Z'), toFake: ['Date'] });
    const second = await sqliteDemo('seed-b.db').finally(() => vi.useRealTimers());
    const other = await sqliteDemo('seed-c.db', { seed: 7 });
    const [a, b, c] = [await dump(first.driver), await dump(second.driver), await dump(other.driver)];
    await Promise.all([first.driver.close(), second.driver.close(), other.driver.close()]);
    expect(b).toEqual(a);
    expect(c.tblinvoices).not.toEqual(a.tblinvoices);
  });

  it.skipIf(!hasMysql)('writes the same rows on SQLite and MariaDB', async () => {
    const lite = await sqliteDemo('cross.db');
    const db = await createTestDatabase('demo_cross');
    const maria = await connect(db.url);
    try {
      await createDemoDatabase(maria, { scale: SCALE });
      const [a, b] = [await dump(lite.driver), await dump(maria)];
      for (const table of demoSchema.tables) expect(b[table.name], table.name).toEqual(a[table.name]);
    } finally {
      await Promise.all([lite.driver.close(), maria.close()]);
      await db.drop();
    }
  });
});

describe('larger scales', () => {
  it('writes scale 2 in bounded batches, reporting progress as it goes', async () => {
    const driver = await connect(`sqlite:${path.join(tmp, 'scale2.db')}`, { create: true });
    let peakRows = 0;
    driver.onStatement((sql, params) => {
      if (!sql.startsWith('INSERT')) return;
      const columns = sql.slice(sql.indexOf('(') + 1, sql.indexOf(')')).split(',').length;
      peakRows = Math.max(peakRows, params.length / columns);
    });
    const calls: [number, number, string][] = [];
    const summary = await createDemoDatabase(driver, {
      scale: 2,
      onProgress: (done, total, phase) => calls.push([done, total, phase]),
    });
    await driver.close();
    expect(summary.rowCounts.tblinvoices).toBe(3000);
    expect(peakRows).toBeLessThanOrEqual(DEMO_BATCH_SIZE);
    expect(calls.length).toBeGreaterThan(40);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((x, y) => x - y));
    expect(calls.at(-1)).toEqual([calls[0]?.[1], calls[0]?.[1], 'done']);
  });

  it('refuses to overwrite a database that holds a live Perfex install', async () => {
    const driver = await connect(`sqlite:${path.join(tmp, 'live.db')}`, { create: true });
    await driver.run('CREATE TABLE tbloptions (id INTEGER PRIMARY KEY, name varchar(191), value longtext)');
    await driver.run("INSERT INTO tbloptions (name, value) VALUES ('companyname', 'ACME')");
    await expect(createDemoDatabase(driver, { scale: SCALE })).rejects.toThrow(/live Perfex install/);
    await driver.close();
  });

  it('builds the embedded demo once, atomically, and reuses it', async () => {
    const dir = path.join(tmp, 'data');
    const file = await ensureDemoDatabase(dir);
    expect(file).toBe(path.join(dir, 'perfex-demo.db'));
    const stat = fs.statSync(file);
    expect(await ensureDemoDatabase(dir)).toBe(file);
    expect(fs.statSync(file).mtimeMs).toBe(stat.mtimeMs);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
