/**
 * The engine host on real SQLite files: a switch swaps driver and catalog together, a failed switch
 * leaves the current database serving, switches run in call order, a request pinned before a switch
 * finishes on the old database, the old driver is closed once idle, and refresh follows the switch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngineHost, type EngineHost, type EngineTarget } from '../../src-server/engine/engine-host.ts';
import { pinCatalog } from '../../src-server/engine/engine.ts';

let dir: string;
let one: EngineTarget;
let two: EngineTarget;

function sqliteTarget(id: string, tables: string[]): EngineTarget {
  const file = path.join(dir, `${id}.db`);
  const db = new Database(file);
  for (const sql of tables) db.exec(sql);
  db.close();
  return { id, name: id, url: `sqlite:${file}` };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-engine-host-'));
  one = sqliteTarget('one', [
    'CREATE TABLE tblinvoices (id INTEGER PRIMARY KEY, total DECIMAL(15,2) NOT NULL)',
    'INSERT INTO tblinvoices (total) VALUES (10), (20)',
  ]);
  two = sqliteTarget('two', [
    'CREATE TABLE tblinvoices (id INTEGER PRIMARY KEY, total DECIMAL(15,2) NOT NULL, status INTEGER NOT NULL DEFAULT 1)',
    'CREATE TABLE tblclients (userid INTEGER PRIMARY KEY, company TEXT)',
    'INSERT INTO tblinvoices (total) VALUES (1), (2), (3)',
  ]);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const whitelist = () => ({ expose: 'all' as const });
const count = async (host: { driver: EngineHost['driver'] }): Promise<number> => Number((await host.driver.query('SELECT COUNT(*) AS n FROM tblinvoices'))[0]?.n);

describe('engine host', () => {
  it('swaps driver and catalog together, reports each step, and names the database served', async () => {
    const host = await openEngineHost(one, { whitelist, quietMs: 20 });
    try {
      expect(host.target.id).toBe('one');
      expect(host.catalog.resources.map((r) => r.name)).toEqual(['invoices']);
      expect(await count(host)).toBe(2);
      const steps: string[] = [];
      const catalog = await host.switchTo(two, (step, state, detail) => steps.push(`${step}:${state}${detail === undefined ? '' : `:${detail}`}`));
      expect(steps).toEqual([
        'connect:running',
        `connect:done:sqlite:${path.join(dir, 'two.db')}`,
        'introspect:running',
        'introspect:done:2 tables',
        'catalog:running',
        'catalog:done:2 resources',
      ]);
      expect(host.catalog).toBe(catalog);
      expect(host.target.id).toBe('two');
      expect(host.catalog.resources.map((r) => r.name).sort()).toEqual(['clients', 'invoices']);
      expect(await count(host)).toBe(3);
      expect(host.targetOf(catalog)?.id).toBe('two');
    } finally {
      await host.close();
    }
  });

  it('keeps serving the current database when a switch fails', async () => {
    const host = await openEngineHost(one, { whitelist, quietMs: 20 });
    try {
      const before = host.catalog;
      await expect(host.switchTo({ id: 'gone', name: 'gone', url: `sqlite:${path.join(dir, 'missing.db')}` })).rejects.toThrow(/does not exist/);
      expect(host.catalog).toBe(before);
      expect(host.target.id).toBe('one');
      expect(await count(host)).toBe(2);
    } finally {
      await host.close();
    }
  });

  it('runs switches one at a time in call order: the last one asked is served', async () => {
    const host = await openEngineHost(one, { whitelist, quietMs: 20 });
    try {
      const order: string[] = [];
      const switches = [two, one, two].map((t, i) => host.switchTo(t, (step, state) => step === 'connect' && state === 'running' && order.push(`${i}:${t.id}`)));
      await Promise.all(switches);
      expect(order).toEqual(['0:two', '1:one', '2:two']);
      expect(host.target.id).toBe('two');
      expect(await count(host)).toBe(3);
    } finally {
      await host.close();
    }
  });

  it('lets a request pinned before the switch finish on the old database, then closes the old driver', async () => {
    const host = await openEngineHost(one, { whitelist, quietMs: 100, graceMs: 5000 });
    try {
      const pinned = pinCatalog(host);
      await host.switchTo(two);
      // The pinned request's driver and catalog still agree with each other: database one.
      expect(pinned.catalog.resources.map((r) => r.name)).toEqual(['invoices']);
      expect(await count(pinned)).toBe(2);
      expect(await count(host)).toBe(3);
      // Once nothing ran on it for the quiet time (100 ms), the old driver is closed; polled less often
      // than that, since every poll is itself a use that keeps it open.
      await expect.poll(async () => pinned.driver.query('SELECT 1').then(() => 'open', (e: Error) => e.message), { timeout: 3000, interval: 300 }).toMatch(/not open|closed/);
      expect(await count(host)).toBe(3);
    } finally {
      await host.close();
    }
  });

  it('refreshes the catalog of the database it serves, also when asked during a switch', async () => {
    const host = await openEngineHost(one, { whitelist, quietMs: 20 });
    try {
      const switching = host.switchTo(two);
      const refreshed = host.refresh();
      await switching;
      const result = await refreshed;
      expect(result.catalog).toBe(host.catalog);
      expect(host.targetOf(result.catalog)?.id).toBe('two');
      expect(result.catalog.byName.get('invoices')?.fields.some((f) => f.name === 'status')).toBe(true);
      // A column added to the served database appears after a refresh.
      const db = new Database(two.url.slice('sqlite:'.length));
      db.exec('ALTER TABLE tblclients ADD COLUMN vat TEXT');
      db.close();
      const after = await host.refresh();
      expect(after.changed).toEqual(['clients']);
      expect(host.catalog.byName.get('clients')?.fields.some((f) => f.name === 'vat')).toBe(true);
    } finally {
      await host.close();
    }
  });
});
