/** A small hand-written catalog (invoices → clients → countries) for unit tests of parse and plan. */
import type { Catalog, Field, FieldType, Relation, Resource } from '../../src-server/catalog/catalog.ts';
import type { DataType } from '../../src-server/introspect/db-schema.ts';

function field(name: string, type: FieldType, columnType: string, extra: Partial<Field> = {}): Field {
  const dataType = columnType.replace(/\(.*$/, '').split(' ')[0] as DataType;
  return {
    name, type, dataType, columnType, nullable: true, defaultValue: null, autoIncrement: false,
    maxLength: /char/.test(columnType) ? Number(/\((\d+)\)/.exec(columnType)?.[1]) : null,
    precision: type === 'decimal' ? 15 : null, scale: type === 'decimal' ? 2 : null, unsigned: false,
    enumValues: null, flag: columnType === 'tinyint(1)', pii: false, primaryKey: false, writable: true,
    requiredOnCreate: false, labels: null, ...extra,
  };
}

const id = (name: string): Field => field(name, 'integer', 'int', { nullable: false, autoIncrement: true, primaryKey: true, writable: false });

function toOne(name: string, target: string, localColumn: string, remoteColumn: string): Relation {
  return { name, kind: 'to-one', source: 'perfex', target, localColumn, remoteColumn, remoteTypeFilter: null, polymorphic: null, zeroIsNull: true, description: '' };
}

function resource(name: string, table: string, primaryKey: string[], fields: Field[], relations: Relation[], extra: Partial<Resource> = {}): Resource {
  return { name, table, primaryKey, fields, hidden: [], relations, operations: ['read', 'create', 'update', 'delete'], createdColumn: null, updatedColumn: null, rowEstimate: 0, description: '', ...extra };
}

const invoices = resource(
  'invoices',
  'tblinvoices',
  ['id'],
  [
    id('id'),
    field('clientid', 'integer', 'int', { nullable: false, requiredOnCreate: true }),
    field('status', 'integer', 'int'),
    field('total', 'decimal', 'decimal(15,2)', { nullable: false, requiredOnCreate: true }),
    field('date', 'date', 'date', { nullable: false }),
    field('duedate', 'date', 'date'),
    field('datecreated', 'datetime', 'datetime', { nullable: false }),
    field('sent', 'integer', 'tinyint(1)', { nullable: false, defaultValue: '0' }),
    field('currency', 'integer', 'int', { nullable: false }),
    field('formatted_number', 'string', 'varchar(100)'),
  ],
  [
    toOne('client', 'clients', 'clientid', 'userid'),
    toOne('currency', 'currencies', 'currency', 'id'),
    { ...toOne('payments', 'payments', 'id', 'invoiceid'), kind: 'to-many' },
  ],
  {
    createdColumn: 'datecreated',
    hidden: [{ name: 'hash', reason: 'sensitive', detail: 'public access token', nullable: false, hasDefault: false, fillOnCreate: 'random-hex' }],
  },
);
const clients = resource('clients', 'tblclients', ['userid'], [id('userid'), field('company', 'string', 'varchar(191)'), field('country', 'integer', 'int')], [toOne('country', 'countries', 'country', 'country_id')]);
const countries = resource('countries', 'tblcountries', ['country_id'], [id('country_id'), field('iso2', 'string', 'char(2)'), field('short_name', 'string', 'varchar(80)')], []);
const currencies = resource('currencies', 'tblcurrencies', ['id'], [id('id'), field('name', 'string', 'varchar(100)')], []);

export const fixtureCatalog: Catalog = {
  dialect: 'mysql',
  database: 'fixture',
  prefix: 'tbl',
  resources: [clients, countries, currencies, invoices],
  unexposed: [],
  byName: new Map([clients, countries, currencies, invoices].map((r) => [r.name, r])),
};

export const fixture = { invoices, clients, countries, currencies };
