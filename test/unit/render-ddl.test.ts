/** DDL and multi-row INSERT rendering for the demo tables, per dialect (no server needed). */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoSchema, demoTable, type DemoTable } from '../../src-server/demo/demo-schema.ts';
import { buildInserts, chunkSizes, maxRowsPerInsert } from '../../src-server/demo/insert-statements.ts';
import { enumValues, renderCreateTable, renderDropTable } from '../../src-server/demo/render-ddl.ts';

const mailQueue: DemoTable = {
  name: 'tblmail_queue',
  columns: [
    { name: 'id', type: 'int', nullable: false, default: null, autoIncrement: true },
    {
      name: 'status',
      type: "enum('pending','sending','sent','failed')",
      nullable: true,
      default: null,
      autoIncrement: false,
    },
    { name: 'engine', type: 'varchar(40)', nullable: false, default: "it's", autoIncrement: false },
  ],
  primaryKey: ['id'],
  indexes: [{ name: 'status', columns: ['status'], unique: false }],
};

describe('renderCreateTable', () => {
  it('writes MySQL DDL like Perfex: real types, AUTO_INCREMENT key, KEYs, InnoDB utf8mb4', () => {
    expect(renderCreateTable(demoTable('tblleads_sources'), 'mysql')).toEqual([
      'CREATE TABLE `tblleads_sources` (\n' +
        '  `id` int NOT NULL AUTO_INCREMENT,\n' +
        '  `name` varchar(150) NOT NULL,\n' +
        '  PRIMARY KEY (`id`),\n' +
        '  KEY `name` (`name`)\n' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    ]);
    const [clients = ''] = renderCreateTable(demoTable('tblclients'), 'mysql');
    expect(clients).toContain('`country` int NOT NULL DEFAULT 0,');
    expect(clients).toContain('`leadid` int DEFAULT NULL,');
    expect(clients).toContain('`billing_country` int DEFAULT 0,');
  });

  it('keeps the MySQL type names on SQLite, with the rowid key and table-prefixed indexes', () => {
    expect(renderCreateTable(demoTable('tblleads_sources'), 'sqlite')).toEqual([
      'CREATE TABLE "tblleads_sources" (\n  "id" INTEGER PRIMARY KEY AUTOINCREMENT,\n  "name" varchar(150) NOT NULL\n)',
      'CREATE INDEX "tblleads_sources__name" ON "tblleads_sources" ("name")',
    ]);
    const [staff = ''] = renderCreateTable(demoTable('tblstaff'), 'sqlite');
    expect(staff).toContain('"hourly_rate" decimal(15,2) NOT NULL DEFAULT 0.00');
    expect(staff).toContain('"two_factor_auth_enabled" tinyint(1) DEFAULT 0');
  });

  it('declares an enum as a quoted type name plus a CHECK on SQLite, and escapes string defaults', () => {
    const [create = '', index = ''] = renderCreateTable(mailQueue, 'sqlite');
    expect(create).toContain(
      `"status" "enum('pending','sending','sent','failed')" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed'))`,
    );
    expect(create).toContain(`"engine" varchar(40) NOT NULL DEFAULT 'it''s'`);
    const db = new Database(':memory:');
    db.exec(create);
    db.exec(index);
    const types = db.prepare('SELECT name, type FROM pragma_table_info(?)').all('tblmail_queue');
    expect(types).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'status', type: "enum('pending','sending','sent','failed')" },
      { name: 'engine', type: 'varchar(40)' },
    ]);
    db.prepare('INSERT INTO tblmail_queue (status) VALUES (?)').run('sent');
    expect(() => db.prepare('INSERT INTO tblmail_queue (status) VALUES (?)').run('lost')).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT engine FROM tblmail_queue').get()).toEqual({ engine: "it's" });
    expect(renderCreateTable(mailQueue, 'mysql')[0]).toContain(
      "`status` enum('pending','sending','sent','failed') DEFAULT NULL,",
    );
    expect(enumValues("enum('a','it''s')")).toEqual(['a', "it's"]);
  });

  it('creates every demo table on SQLite', () => {
    const db = new Database(':memory:');
    for (const table of demoSchema.tables) {
      for (const sql of renderCreateTable(table, 'sqlite')) db.exec(sql);
    }
    const created = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'tbl%' ORDER BY name")
      .all();
    expect(created.map((r) => (r as { name: string }).name)).toEqual(demoSchema.tables.map((t) => t.name).sort());
    for (const table of demoSchema.tables) db.exec(renderDropTable(table.name, 'sqlite'));
  });
});

describe('buildInserts', () => {
  it('splits rows into full chunks then powers of two, so few statement texts are prepared', () => {
    expect(chunkSizes(1234, 500)).toEqual([500, 500, 128, 64, 32, 8, 2]);
    expect(chunkSizes(0, 500)).toEqual([]);
    expect(chunkSizes(3, 500)).toEqual([2, 1]);
  });

  it('respects the placeholder limit of each dialect', () => {
    const invoices = demoTable('tblinvoices');
    expect(maxRowsPerInsert(invoices, 'sqlite', 10_000)).toBe(Math.floor(32_766 / invoices.columns.length));
    expect(maxRowsPerInsert(invoices, 'mysql', 10_000)).toBe(Math.floor(65_535 / invoices.columns.length));
    expect(maxRowsPerInsert(invoices, 'mysql', 500)).toBe(500);
  });

  it('binds every column in schema order, filling the defaults of missing ones', () => {
    const [statement] = buildInserts(
      demoTable('tblleads_status'),
      [
        { id: 1, name: 'Customer' },
        { id: 2, name: 'New', color: null },
      ],
      'mysql',
      500,
    );
    expect(statement?.sql).toBe(
      'INSERT INTO `tblleads_status` (`id`, `name`, `statusorder`, `color`, `isdefault`) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
    );
    expect(statement?.params).toEqual([1, 'Customer', null, '#28B8DA', 0, 2, 'New', null, null, 0]);
  });

  it('refuses unknown columns and missing NOT NULL columns without a default', () => {
    expect(() => buildInserts(demoTable('tbltaxes'), [{ id: 1, name: 'VAT', rate: 20 }], 'sqlite', 500)).toThrow(
      /no column rate/,
    );
    expect(() => buildInserts(demoTable('tbltaxes'), [{ id: 1, name: 'VAT' }], 'sqlite', 500)).toThrow(
      /taxrate is NOT NULL/,
    );
  });
});
