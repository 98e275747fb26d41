/**
 * The whitelist's per-column PII overrides (`piiColumns`, `notPiiColumns`): applied by buildCatalog
 * to `Field.pii` (what the PII randomiser reads), warned about when they name nothing or conflict,
 * and kept through the store's export → import round trip.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src-server/catalog/build-catalog.ts';
import type { WhitelistConfig } from '../../src-server/config/whitelist-config.ts';
import type { DbColumn, DbSchema } from '../../src-server/introspect/db-schema.ts';
import { toDbColumn } from '../../src-server/introspect/to-db-column.ts';
import { createTempStore, type TempStore } from '../support/temp-store.ts';

function column(name: string, declaredType: string, autoIncrement = false): DbColumn {
  return toDbColumn({ name, declaredType, nullable: true, rawDefault: null, defaultStyle: 'sql-text', autoIncrement, comment: '' });
}

const schema: DbSchema = {
  dialect: 'mysql',
  database: 'crm',
  tables: [
    {
      name: 'tblpas_members',
      columns: [
        column('id', 'int', true),
        column('email', 'varchar(100)'),
        column('nickname', 'varchar(60)'),
        column('office_phone', 'varchar(30)'),
        column('password', 'varchar(250)'),
      ],
      primaryKey: ['id'],
      uniqueKeys: [],
      foreignKeys: [],
      rowEstimate: 3,
      isView: false,
    },
  ],
};

const piiOf = (config: WhitelistConfig): Record<string, boolean> => {
  const resource = buildCatalog(schema, config).byName.get('pas_members');
  return Object.fromEntries((resource?.fields ?? []).map((f) => [f.name, f.pii]));
};

describe('PII overrides in the whitelist', () => {
  let t: TempStore | undefined;
  afterEach(() => t?.dispose());

  it('detects by name without overrides, then applies piiColumns and notPiiColumns', () => {
    expect(piiOf({ expose: 'all' })).toEqual({ id: false, email: true, nickname: false, office_phone: true });
    expect(
      piiOf({ expose: 'all', tables: { tblpas_members: { piiColumns: ['nickname'], notPiiColumns: ['office_phone'] } } }),
    ).toEqual({ id: false, email: true, nickname: true, office_phone: false });
  });

  it('keeps the catalog honest: unknown columns and conflicts are warned, and PII wins a conflict', () => {
    const catalog = buildCatalog(schema, {
      expose: 'all',
      tables: { tblpas_members: { piiColumns: ['email', 'nick'], notPiiColumns: ['email'] } },
    });
    expect(catalog.byName.get('pas_members')?.fields.find((f) => f.name === 'email')?.pii).toBe(true);
    expect(catalog.warnings).toEqual([
      'tblpas_members.piiColumns: no column "nick"',
      'tblpas_members: "email" is in piiColumns and notPiiColumns; it is treated as PII',
    ]);
  });

  it('records the schema it was built from, so every column stays reachable', () => {
    const catalog = buildCatalog(schema, { expose: 'none' });
    expect(catalog.resources).toEqual([]);
    expect(catalog.schema?.tables[0]?.columns.map((c) => c.name)).toContain('password');
  });

  it('survives the store round trip (export → import → export)', () => {
    t = createTempStore();
    const config = { expose: 'all' as const, tables: { tblpas_members: { piiColumns: ['nickname'], notPiiColumns: ['office_phone'] } } };
    t.store.whitelist.set(config);
    const exported = t.store.whitelist.exportJson();
    expect(JSON.parse(exported).tables.tblpas_members).toEqual(config.tables.tblpas_members);
    t.store.whitelist.set({});
    t.store.whitelist.importJson(exported);
    expect(t.store.whitelist.exportJson()).toBe(exported);
    expect(() => t?.store.whitelist.setTable('tblpas_members', { piiColumns: 'nickname' } as never)).toThrow(/piiColumns/);
  });
});
