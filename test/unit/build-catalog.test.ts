/** buildCatalog on small DbSchema literals: exposure, fields, timestamps, relations and their names. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src-server/catalog/build-catalog.ts';
import type { Catalog, Relation, Resource } from '../../src-server/catalog/catalog.ts';
import { describeRelation } from '../../src-server/catalog/describe-catalog.ts';
import { detectPrefix } from '../../src-server/catalog/detect-prefix.ts';
import {
  loadWhitelistConfig,
  WhitelistConfigError,
  type WhitelistConfig,
} from '../../src-server/config/whitelist-config.ts';
import type { DbColumn, DbSchema, DbTable } from '../../src-server/introspect/db-schema.ts';
import { toDbColumn } from '../../src-server/introspect/to-db-column.ts';

interface ColumnOptions {
  readonly nullable?: boolean;
  readonly default?: string | null;
  readonly ai?: boolean;
}

function column(name: string, type: string, o: ColumnOptions = {}): DbColumn {
  return toDbColumn({
    name,
    declaredType: type,
    nullable: o.nullable ?? false,
    rawDefault: o.default === undefined || o.default === null ? null : `'${o.default}'`,
    defaultStyle: 'sql-text',
    autoIncrement: o.ai ?? false,
    comment: '',
  });
}

const id = (name = 'id'): DbColumn => column(name, 'int', { ai: true });

function table(
  name: string,
  columns: DbColumn[],
  primaryKey: string[] = [columns[0]?.name ?? 'id'],
  extra: Partial<DbTable> = {},
): DbTable {
  return { name, columns, primaryKey, uniqueKeys: [], foreignKeys: [], rowEstimate: 0, isView: false, ...extra };
}

function schema(...tables: DbTable[]): DbSchema {
  return { dialect: 'mysql', database: 'perfex', tables };
}

const ALL: WhitelistConfig = { expose: 'all' };

/** A small Perfex: staff, clients, contacts, projects, invoices with items, payments and tasks. */
const perfex = schema(
  table('tblstaff', [
    id('staffid'),
    column('email', 'varchar(100)'),
    column('password', 'varchar(250)'),
    column('datecreated', 'datetime'),
  ]),
  table('tblclients', [
    id('userid'),
    column('company', 'varchar(191)', { nullable: true }),
    column('datecreated', 'datetime'),
    column('addedfrom', 'int', { default: '0' }),
  ]),
  table('tblcontacts', [
    id(),
    column('userid', 'int'),
    column('firstname', 'varchar(191)'),
    column('datecreated', 'datetime'),
  ]),
  table('tblprojects', [
    id(),
    column('name', 'varchar(191)'),
    column('clientid', 'int'),
    column('status', 'int', { default: '0' }),
  ]),
  table('tblinvoices', [
    id(),
    column('clientid', 'int'),
    column('number', 'int'),
    column('datecreated', 'datetime'),
    column('hash', 'varchar(32)'),
    column('status', 'int', { nullable: true, default: '1' }),
    column('adminnote', 'mediumtext', { nullable: true }),
    column('sale_agent', 'int', { default: '0' }),
    column('addedfrom', 'int', { nullable: true }),
    column('project_id', 'int', { nullable: true, default: '0' }),
    column('sent', 'tinyint(1)', { default: '0' }),
  ]),
  table('tblitemable', [
    id(),
    column('rel_id', 'int'),
    column('rel_type', 'varchar(15)'),
    column('description', 'longtext'),
  ]),
  table('tblpayment_modes', [id(), column('name', 'varchar(100)')]),
  table('tblinvoicepaymentrecords', [
    id(),
    column('invoiceid', 'int'),
    column('paymentmode', 'varchar(40)', { nullable: true }),
    column('daterecorded', 'datetime'),
  ]),
  table('tbltasks', [
    id(),
    column('rel_id', 'int', { nullable: true }),
    column('rel_type', 'varchar(30)', { nullable: true }),
    column('addedfrom', 'int'),
    column('is_added_from_contact', 'tinyint(1)', { default: '0' }),
    column('invoice_id', 'int', { default: '0' }),
    column('dateadded', 'datetime'),
  ]),
  table('tbltaggables', [column('rel_id', 'int'), column('rel_type', 'varchar(20)'), column('tag_id', 'int')], []),
  table('tblsessions', [column('id', 'varchar(128)'), column('data', 'blob')], ['id']),
);

function resource(catalog: Catalog, name: string): Resource {
  const r = catalog.byName.get(name);
  if (r === undefined) throw new Error(`no resource ${name}; have ${[...catalog.byName.keys()].join(', ')}`);
  return r;
}

function relation(catalog: Catalog, resourceName: string, name: string): Relation {
  const r = resource(catalog, resourceName).relations.find((x) => x.name === name);
  if (r === undefined)
    throw new Error(
      `no relation ${resourceName}.${name}; have ${resource(catalog, resourceName)
        .relations.map((x) => x.name)
        .join(', ')}`,
    );
  return r;
}

const relationNames = (catalog: Catalog, name: string): string[] =>
  resource(catalog, name).relations.map((r) => r.name);

describe('buildCatalog: resources', () => {
  it('names resources after the table without the detected prefix, sorted by name', () => {
    const catalog = buildCatalog(perfex, ALL);
    expect(catalog.prefix).toBe('tbl');
    expect(catalog.resources.map((r) => r.name)).toEqual([
      'clients',
      'contacts',
      'invoicepaymentrecords',
      'invoices',
      'itemable',
      'payment_modes',
      'projects',
      'staff',
      'taggables',
      'tasks',
    ]);
    expect(resource(catalog, 'clients')).toMatchObject({
      table: 'tblclients',
      primaryKey: ['userid'],
      operations: ['read'],
    });
    expect(detectPrefix(['wp_posts', 'wp_users', 'other'])).toBe('wp_');
    expect(detectPrefix(['a', 'b'])).toBe('');
  });

  it('exposes the core tables by default, never the secret ones by a mode, and says why', () => {
    const core = buildCatalog(perfex);
    expect(core.byName.has('invoices')).toBe(true);
    expect(core.byName.has('taggables')).toBe(false);
    expect(core.unexposed.find((u) => u.table === 'tbltaggables')?.reason).toMatch(/not a core Perfex table/);
    expect(buildCatalog(perfex, ALL).unexposed.map((u) => u.table)).toEqual(['tblsessions']);
    const explicit = buildCatalog(perfex, {
      expose: 'none',
      tables: { tblsessions: { expose: true }, tblinvoices: { expose: true, name: 'bills' } },
    });
    expect([...explicit.byName.keys()]).toEqual(['bills']);
    // Asked for, but every column of tblsessions is sensitive: nothing is left to expose.
    expect(explicit.unexposed.find((u) => u.table === 'tblsessions')?.reason).toBe(
      'every column is sensitive or hidden',
    );
  });

  it('lists tables without a primary key, and views, read-only', () => {
    const withView = schema(
      ...perfex.tables,
      table('tblinvoice_totals', [column('id', 'int'), column('total', 'decimal(15,2)')], [], { isView: true }),
    );
    const catalog = buildCatalog(withView, {
      expose: 'all',
      tables: {
        tbltaggables: { operations: ['read', 'create'] },
        tblinvoice_totals: { operations: ['read', 'delete'] },
      },
    });
    for (const name of ['taggables', 'invoice_totals']) {
      expect(resource(catalog, name).primaryKey).toEqual([]);
      expect(resource(catalog, name).operations).toEqual(['read']);
      expect(resource(catalog, name).fields.every((f) => !f.writable && !f.requiredOnCreate)).toBe(true);
    }
    expect(catalog.warnings).toEqual([
      'tblinvoice_totals: delete not allowed on a view; it is read-only',
      'tbltaggables: create not allowed on a table without a usable primary key; it is read-only',
    ]);
  });

  it('returns deeply frozen data', () => {
    const catalog = buildCatalog(perfex, ALL);
    const invoices = resource(catalog, 'invoices');
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(invoices.fields[0])).toBe(true);
    expect(Object.isFrozen(invoices.relations[0])).toBe(true);
    expect(() => (catalog.byName as Map<string, Resource>).set('x', invoices)).toThrow(TypeError);
  });

  it('validates the whitelist it is given', () => {
    expect(() => buildCatalog(perfex, { expose: 'some' } as unknown as WhitelistConfig)).toThrow(WhitelistConfigError);
  });
});

describe('buildCatalog: fields', () => {
  const catalog = buildCatalog(perfex, {
    expose: 'all',
    tables: { tblinvoices: { hiddenColumns: ['adminnote'], readOnlyColumns: ['number', 'nope'] } },
  });
  const invoices = resource(catalog, 'invoices');
  const field = (name: string) => invoices.fields.find((f) => f.name === name);

  it('hides sensitive columns with the reason, and fills Perfex tokens on create', () => {
    expect(field('hash')).toBeUndefined();
    expect(invoices.hidden).toEqual([
      {
        name: 'hash',
        reason: 'sensitive',
        detail: 'public access token (md5 hash): opens the document without login',
        nullable: false,
        hasDefault: false,
        fillOnCreate: 'random-hex',
      },
      {
        name: 'adminnote',
        reason: 'config',
        detail: 'hidden by the whitelist',
        nullable: true,
        hasDefault: false,
        fillOnCreate: null,
      },
    ]);
    expect(resource(catalog, 'staff').hidden.map((h) => [h.name, h.detail, h.fillOnCreate])).toEqual([
      ['password', 'password hash', null],
    ]);
    expect(catalog.warnings).toContain('tblinvoices.readOnlyColumns: no column "nope"');
  });

  it('types fields and marks keys, flags, personal data, labels and what a create needs', () => {
    expect(field('id')).toMatchObject({
      type: 'integer',
      primaryKey: true,
      autoIncrement: true,
      writable: false,
      requiredOnCreate: false,
    });
    expect(field('sent')).toMatchObject({ type: 'integer', flag: true });
    expect(field('status')).toMatchObject({
      labels: { 1: 'Unpaid', 2: 'Paid', 3: 'Partially paid', 4: 'Overdue', 5: 'Cancelled', 6: 'Draft' },
    });
    expect(field('clientid')).toMatchObject({ writable: true, requiredOnCreate: true, pii: false });
    // Read-only by the whitelist: neither writable nor required.
    expect(field('number')).toMatchObject({ writable: false, requiredOnCreate: false });
    // The creation timestamp is filled by the engine.
    expect(field('datecreated')).toMatchObject({ type: 'datetime', writable: true, requiredOnCreate: false });
    expect(field('sale_agent')).toMatchObject({ requiredOnCreate: false, defaultValue: '0' });
    expect(resource(catalog, 'contacts').fields.find((f) => f.name === 'firstname')?.pii).toBe(true);
    expect(resource(catalog, 'staff').fields.find((f) => f.name === 'email')?.pii).toBe(true);
  });

  it('lets a key without AUTO_INCREMENT be written on create', () => {
    const c = buildCatalog(
      schema(table('tblcodes', [column('code', 'varchar(10)'), column('label', 'varchar(50)')], ['code'])),
      ALL,
    );
    expect(resource(c, 'codes').fields[0]).toMatchObject({ primaryKey: true, writable: true, requiredOnCreate: true });
  });

  it('finds creation and modification columns from NOTES §7, then by name', () => {
    expect(invoices).toMatchObject({ createdColumn: 'datecreated', updatedColumn: null });
    expect(resource(catalog, 'invoicepaymentrecords').createdColumn).toBe('daterecorded');
    expect(resource(catalog, 'tasks').createdColumn).toBe('dateadded');
    const module = schema(
      table('tblmod_notes', [
        id(),
        column('created_at', 'timestamp'),
        column('updated_at', 'datetime', { nullable: true }),
        column('created', 'varchar(10)'),
      ]),
      table('tblreminders', [id(), column('date', 'datetime'), column('dateadded', 'datetime')]),
    );
    const c = buildCatalog(module, ALL);
    expect(resource(c, 'mod_notes')).toMatchObject({ createdColumn: 'created_at', updatedColumn: 'updated_at' });
    // tblreminders.date is when to remind, not when the row was made (NOTES §7).
    expect(resource(c, 'reminders').createdColumn).toBeNull();
  });
});

describe('buildCatalog: relations from the Perfex catalogue', () => {
  const catalog = buildCatalog(perfex, ALL);

  it('names to-ones after the column, and after the target when the column says nothing', () => {
    expect(describeRelation(relation(catalog, 'invoices', 'client'))).toBe(
      'client to-one → clients (clientid=userid) [perfex]',
    );
    expect(describeRelation(relation(catalog, 'invoices', 'sale_agent'))).toBe(
      'sale_agent to-one → staff (sale_agent=staffid) [perfex]',
    );
    expect(describeRelation(relation(catalog, 'contacts', 'client'))).toBe(
      'client to-one → clients (userid=userid) [perfex]',
    );
    expect(relationNames(catalog, 'invoices')).toEqual([
      'addedfrom',
      'client',
      'items',
      'payments',
      'project',
      'sale_agent',
      'taggables',
      'tasks_by_invoice_id',
      'tasks_by_rel_id',
    ]);
  });

  it('suffixes to-manys with the column when one child reaches the resource through several columns', () => {
    expect(relationNames(catalog, 'staff')).toEqual([
      'clients',
      'invoices_by_addedfrom',
      'invoices_by_sale_agent',
      'tasks',
    ]);
    expect(relationNames(catalog, 'clients')).toEqual(['addedfrom', 'contacts', 'invoices', 'projects', 'tasks']);
    expect(relation(catalog, 'staff', 'invoices_by_sale_agent')).toMatchObject({
      kind: 'to-many',
      target: 'invoices',
      localColumn: 'staffid',
      remoteColumn: 'sale_agent',
    });
  });

  it('groups polymorphic rows into one to-one per id column, with a filtered to-many on each target', () => {
    const rel = relation(catalog, 'tasks', 'rel');
    expect(rel).toMatchObject({
      kind: 'to-one',
      target: null,
      localColumn: 'rel_id',
      remoteColumn: '',
      zeroIsNull: true,
    });
    // Only the targets that exist and are exposed.
    expect(rel.polymorphic).toEqual({
      typeColumn: 'rel_type',
      targets: [
        { typeValue: 'customer', resource: 'clients', remoteColumn: 'userid' },
        { typeValue: 'invoice', resource: 'invoices', remoteColumn: 'id' },
        { typeValue: 'project', resource: 'projects', remoteColumn: 'id' },
      ],
    });
    expect(describeRelation(relation(catalog, 'invoices', 'items'))).toBe(
      "items to-many → itemable (id=rel_id where rel_type='invoice') [perfex]",
    );
    expect(describeRelation(relation(catalog, 'invoices', 'tasks_by_rel_id'))).toBe(
      "tasks_by_rel_id to-many → tasks (id=rel_id where rel_type='invoice') [perfex]",
    );
  });

  it('keeps the default target of a conditional relation, filtering its to-many', () => {
    expect(relation(catalog, 'tasks', 'addedfrom')).toMatchObject({ target: 'staff', remoteColumn: 'staffid' });
    expect(relation(catalog, 'tasks', 'addedfrom').description).toMatch(/conditional/);
    expect(relation(catalog, 'staff', 'tasks').remoteTypeFilter).toEqual({
      column: 'is_added_from_contact',
      value: '0',
    });
  });

  it('treats 0 as no relation on integer keys only', () => {
    expect(relation(catalog, 'invoices', 'project').zeroIsNull).toBe(true);
    // tblinvoicepaymentrecords.paymentmode is a varchar: '0' is not "none" there.
    expect(relation(catalog, 'invoicepaymentrecords', 'paymentmode')).toMatchObject({
      target: 'payment_modes',
      zeroIsNull: false,
    });
  });

  it('creates no relation to a table that is not exposed', () => {
    const core = buildCatalog(perfex, { expose: 'core' });
    expect(resource(core, 'invoices').relations.some((r) => r.target === 'taggables')).toBe(false);
  });
});

describe('buildCatalog: naming heuristics', () => {
  const module = schema(
    ...perfex.tables,
    table('tbldepartments', [id('departmentid'), column('name', 'varchar(100)')]),
    table('tblcountries', [id('country_id'), column('short_name', 'varchar(80)')]),
    table('tblmod_tickets', [
      id(),
      column('invoice_id', 'int'),
      column('clientid', 'int'),
      column('client_id', 'int'),
      column('staff_id', 'int'),
      column('departmentid', 'int'),
      column('billing_country', 'int', { default: '0' }),
      column('status', 'int'),
      column('projectid', 'varchar(10)'),
      column('show_primary_contact', 'int'),
      column('is_public', 'tinyint(1)'),
      column('rel_id', 'int'),
      column('rel_type', 'varchar(20)'),
    ]),
    table('tblmod_tickets_status', [id(), column('name', 'varchar(50)')]),
    table('tbllead_integration_emails', [id(), column('emailid', 'int'), column('leadid', 'int')]),
    table('tblleads', [id(), column('name', 'varchar(191)')]),
  );
  const catalog = buildCatalog(module, ALL);
  const toOnes = (name: string) =>
    resource(catalog, name)
      .relations.filter((r) => r.kind === 'to-one')
      .map(describeRelation);

  it('links integer columns whose names name a table or its key', () => {
    expect(toOnes('mod_tickets')).toEqual([
      'billing_country to-one → countries (billing_country=country_id) [heuristic]',
      'client to-one → clients (client_id=userid) [heuristic]',
      'clientid to-one → clients (clientid=userid) [heuristic]',
      'department to-one → departments (departmentid=departmentid) [heuristic]',
      'invoice to-one → invoices (invoice_id=id) [heuristic]',
      'staff to-one → staff (staff_id=staffid) [heuristic]',
      'status to-one → mod_tickets_status (status=id) [heuristic]',
    ]);
    // Two columns to the same target: unique to-one names, suffixed to-manys on the target.
    expect(relationNames(catalog, 'clients')).toContain('mod_tickets_by_client_id');
    expect(relationNames(catalog, 'clients')).toContain('mod_tickets_by_clientid');
    expect(relationNames(catalog, 'clients')).not.toContain('mod_tickets');
  });

  it('leaves strings, flags, polymorphic ids and the Perfex non-FK columns alone', () => {
    expect(toOnes('lead_integration_emails')).toEqual(['lead to-one → leads (leadid=id) [perfex]']);
    const c = buildCatalog(module, ALL, { useKnowledge: false });
    expect(toOnes('lead_integration_emails')).toEqual(['lead to-one → leads (leadid=id) [perfex]']);
    expect(
      resource(c, 'lead_integration_emails')
        .relations.filter((r) => r.kind === 'to-one')
        .map(describeRelation),
    ).toEqual(['lead to-one → leads (leadid=id) [heuristic]']);
  });

  it('uses naming alone when the knowledge is off', () => {
    const c = buildCatalog(perfex, ALL, { useKnowledge: false });
    expect(relation(c, 'invoices', 'client').source).toBe('heuristic');
    expect(relation(c, 'contacts', 'client')).toMatchObject({
      target: 'clients',
      remoteColumn: 'userid',
      source: 'heuristic',
    });
    expect(resource(c, 'tasks').relations.some((r) => r.polymorphic !== null)).toBe(false);
  });
});

describe('buildCatalog: whitelist relations', () => {
  const withModule = schema(
    ...perfex.tables,
    table('tblmod_things', [id(), column('owner', 'int'), column('note', 'varchar(10)')]),
  );

  it('adds relations the database and the knowledge do not know', () => {
    const catalog = buildCatalog(withModule, {
      expose: 'all',
      relations: {
        add: [
          { table: 'tblmod_things', column: 'owner', targetTable: 'tblstaff', name: 'owner_staff' },
          { table: 'tblmod_things', column: 'nope', targetTable: 'tblstaff' },
        ],
      },
    });
    expect(describeRelation(relation(catalog, 'mod_things', 'owner_staff'))).toBe(
      'owner_staff to-one → staff (owner=staffid) [config]',
    );
    expect(relation(catalog, 'staff', 'mod_things')).toMatchObject({
      kind: 'to-many',
      source: 'config',
      remoteColumn: 'owner',
    });
    expect(catalog.warnings).toEqual([
      'relations.add tblmod_things.nope → tblstaff: no column tblmod_things.nope in the database',
    ]);
  });

  it('removes a to-one with its inverse, or a to-many alone, without renaming the others', () => {
    const catalog = buildCatalog(perfex, {
      expose: 'all',
      relations: {
        remove: [
          { table: 'tblinvoices', name: 'sale_agent' },
          { table: 'tblclients', name: 'projects' },
          { table: 'tblclients', name: 'ghost' },
        ],
      },
    });
    expect(relationNames(catalog, 'invoices')).not.toContain('sale_agent');
    expect(relationNames(catalog, 'staff')).toEqual(['clients', 'invoices_by_addedfrom', 'tasks']);
    expect(relationNames(catalog, 'clients')).toEqual(['addedfrom', 'contacts', 'invoices', 'tasks']);
    expect(relationNames(catalog, 'projects')).toContain('client');
    expect(catalog.warnings).toEqual(['relations.remove tblclients.ghost: no such relation']);
  });
});

describe('loadWhitelistConfig', () => {
  const write = (text: string): string => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pas-whitelist-')), 'whitelist.json');
    fs.writeFileSync(file, text);
    return file;
  };

  it('defaults to the core tables, read-only, with the prefix detected', () => {
    expect(loadWhitelistConfig()).toEqual({ expose: 'core', tables: {}, relations: { add: [], remove: [] } });
  });

  it('names the file and the path of each problem', () => {
    const file = write(
      JSON.stringify({
        expose: 'everything',
        tables: { tblinvoices: { hiddenColumn: ['adminnote'], operations: ['read', 'write'] } },
      }),
    );
    expect(() => loadWhitelistConfig(file)).toThrow(WhitelistConfigError);
    expect(() => loadWhitelistConfig(file)).toThrow(
      new RegExp(
        [
          `invalid whitelist file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`,
          '  - expose: .*',
          '  - tables.tblinvoices.operations.1: .*',
          '  - tables.tblinvoices: unknown key "hiddenColumn" \\(did you mean "hiddenColumns"\\?\\)',
        ].join('\n'),
      ),
    );
    expect(() => loadWhitelistConfig(write('{ "expose": '))).toThrow(/is not valid JSON/);
    expect(() => loadWhitelistConfig('/nonexistent/whitelist.json')).toThrow(
      /cannot read whitelist file \/nonexistent\/whitelist.json/,
    );
  });
});
