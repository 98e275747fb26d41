/**
 * Settings, connections and the whitelist on a real store file: JSON values, passwords only ever
 * written sealed (file and WAL bytes), the whitelist validated with the file's schema and
 * round-tripping through import/export, and a clear error when the store key is not the right one.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WhitelistConfigError } from '../../src-server/config/whitelist-config.ts';
import { keyFile } from '../../src-server/store/key-provider.ts';
import { StoreInputError, StoreKeyError } from '../../src-server/store/store-errors.ts';
import { createTempStore, type TempStore } from '../support/temp-store.ts';

let t: TempStore;
beforeEach(() => {
  t = createTempStore();
});
afterEach(() => t.dispose());

describe('settings repository', () => {
  it('stores JSON values by key and survives a reopen', () => {
    expect(t.store.settings.get('audit.retention')).toBeUndefined();
    t.store.settings.set('audit.retention', { maxDays: 30, maxRows: 100_000 });
    t.store.settings.set('ui.theme', 'dark');
    t.store.settings.set('ui.theme', 'light');
    t.reopen();
    expect(t.store.settings.get('audit.retention')).toEqual({ maxDays: 30, maxRows: 100_000 });
    expect(t.store.settings.get<string>('ui.theme')).toBe('light');
    expect(t.store.settings.delete('ui.theme')).toBe(true);
    expect(t.store.settings.delete('ui.theme')).toBe(false);
    expect(() => t.store.settings.set('x', undefined)).toThrow(/has no JSON form/);
  });
});

describe('connections repository', () => {
  const password = 'Tr0ub4dor-and-3-more-words';
  const url = `mysql://perfex:${password}@db.internal:3306/perfex_crm`;

  it('lists redacted URLs and gives the full URL back only through url(id)', () => {
    const added = t.store.connections.add({ name: 'production', url });
    expect(added).toMatchObject({
      name: 'production',
      dialect: 'mysql',
      redactedUrl: 'mysql://perfex:***@db.internal:3306/perfex_crm',
      createdAt: '2026-05-01T09:00:00.000Z',
    });
    expect(JSON.stringify(t.store.connections.list())).not.toContain(password);
    expect(t.store.connections.url(added.id)).toBe(url);
  });

  it('never writes the password in the clear (database file and WAL, before and after checkpoint)', () => {
    const added = t.store.connections.add({ name: 'production', url });
    t.store.connections.add({ name: 'demo', url: 'sqlite:/tmp/demo.db' });
    const check = (bytes: Buffer): void => {
      expect(bytes.includes('db.internal:3306/perfex_crm')).toBe(true); // the redacted URL is there…
      expect(bytes.includes(password)).toBe(false); // … the password is not
    };
    check(t.bytes());
    t.reopen();
    check(t.bytes());
    expect(t.store.connections.url(added.id)).toBe(url);
  });

  it('updates name and URL, refuses duplicates and bad URLs, removes', () => {
    const a = t.store.connections.add({ name: 'a', url: 'sqlite:/tmp/a.db' });
    t.store.connections.add({ name: 'b', url: 'sqlite:/tmp/b.db' });
    expect(() => t.store.connections.add({ name: 'a', url: 'sqlite:/tmp/c.db' })).toThrow(
      /a connection named "a" already exists/,
    );
    expect(() => t.store.connections.update(a.id, { name: 'b' })).toThrow(/already exists/);
    expect(() => t.store.connections.add({ name: 'c', url: 'postgres://x/y' })).toThrow(/unsupported database scheme/);
    t.clock.now = new Date('2026-05-02T00:00:00Z');
    const updated = t.store.connections.update(a.id, { url });
    expect(updated).toMatchObject({ name: 'a', dialect: 'mysql', updatedAt: '2026-05-02T00:00:00.000Z' });
    expect(t.store.connections.url(a.id)).toBe(url);
    expect(t.store.connections.remove(a.id)).toBe(true);
    expect(t.store.connections.remove(a.id)).toBe(false);
    expect(() => t.store.connections.url(a.id)).toThrow(StoreInputError);
    expect(t.store.connections.list().map((c) => c.name)).toEqual(['b']);
  });

  it('refuses a sealed URL moved to another connection', () => {
    const a = t.store.connections.add({ name: 'a', url });
    const b = t.store.connections.add({ name: 'b', url: 'sqlite:/tmp/b.db' });
    t.store.close();
    const db = new Database(t.store.file);
    db.prepare(
      'UPDATE connections SET sealed_url = (SELECT sealed_url FROM connections WHERE id = ?) WHERE id = ?',
    ).run(a.id, b.id);
    db.close();
    const store = t.reopen();
    expect(() => store.connections.url(b.id)).toThrow(StoreKeyError);
  });

  it('says which key is wrong when the key file was replaced, and adopts a new key once nothing is sealed', () => {
    const a = t.store.connections.add({ name: 'a', url });
    t.store.close();
    fs.rmSync(keyFile(t.dir));
    const store = t.reopen();
    expect(store.connections.list()).toHaveLength(1); // what needs no key still works
    expect(() => store.connections.url(a.id)).toThrow(
      /is not the key this store's secrets were sealed with \(key file /,
    );
    store.connections.remove(a.id);
    const b = store.connections.add({ name: 'b', url });
    expect(store.connections.url(b.id)).toBe(url);
  });
});

describe('whitelist repository', () => {
  const config = {
    prefix: 'tbl',
    expose: 'core' as const,
    tables: {
      tblinvoices: { name: 'invoices', operations: ['read' as const, 'create' as const], hiddenColumns: ['adminnote'] },
      tblleads: { expose: true },
    },
    relations: { add: [{ table: 'tblleads', column: 'assigned', targetTable: 'tblstaff' }], remove: [] },
  };

  it('is the default whitelist when nothing is stored', () => {
    expect(t.store.whitelist.get()).toEqual({ expose: 'core', tables: {}, relations: { add: [], remove: [] } });
  });

  it('stores a whitelist and reads it and each table entry back', () => {
    t.store.whitelist.set(config);
    t.reopen();
    expect(t.store.whitelist.get()).toEqual(config);
    expect(t.store.whitelist.getTable('tblinvoices')).toEqual(config.tables.tblinvoices);
    expect(t.store.whitelist.getTable('tblclients')).toBeUndefined();
  });

  it('changes one table entry on its own, validated, and removes it with null', () => {
    t.store.whitelist.set(config);
    t.store.whitelist.setTable('tblclients', { name: 'customers', readOnlyColumns: ['datecreated'] });
    t.store.whitelist.setTable('tblleads', null);
    expect(() => t.store.whitelist.setTable('tblx', { operations: ['purge'] } as never)).toThrow(WhitelistConfigError);
    expect(() => t.store.whitelist.setTable('tblx', { nmae: 'x' } as never)).toThrow(
      /unknown key "nmae" \(did you mean "name"\?\)/,
    );
    const stored = t.store.whitelist.get();
    expect(Object.keys(stored.tables)).toEqual(['tblclients', 'tblinvoices']);
    expect(stored.prefix).toBe('tbl');
  });

  it('imports and exports the JSON of a whitelist file; export → import → export is stable', () => {
    const imported = t.store.whitelist.importJson(JSON.stringify(config));
    expect(imported).toEqual(config);
    const exported = t.store.whitelist.exportJson();
    expect(exported).toContain('\n  "tables": {\n');
    expect(JSON.parse(exported)).toEqual(config);
    t.store.whitelist.set({});
    t.store.whitelist.importJson(exported);
    expect(t.store.whitelist.exportJson()).toBe(exported);
  });

  it('refuses bad input with the path of the mistake, keeping the stored whitelist', () => {
    t.store.whitelist.set(config);
    expect(() => t.store.whitelist.importJson('{ "expose": ')).toThrow(/is not valid JSON/);
    expect(() => t.store.whitelist.importJson('{"tables":{"tblinvoices":{"operations":["read","wipe"]}}}')).toThrow(
      /tables\.tblinvoices\.operations\.1: /,
    );
    expect(() => t.store.whitelist.importJson('{"expose":"some"}')).toThrow(/expose: /);
    expect(t.store.whitelist.get()).toEqual(config);
  });
});
