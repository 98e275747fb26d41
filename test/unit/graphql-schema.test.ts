/**
 * The GraphQL schema generated from a catalog: names, scalar mapping, nullability, pruning by the
 * caller's rights, and argument parsing (window, filter, order) with REST's problems.
 */
import { printSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src-server/catalog/catalog.ts';
import { accessFromGrants, whitelistAccess } from '../../src-server/engine/access.ts';
import { Problem } from '../../src-server/errors/problem.ts';
import { buildSchema } from '../../src-server/graphql/build-schema.ts';
import { graphqlName, nameCatalog, pascalSingular } from '../../src-server/graphql/graphql-names.ts';
import { resolveGraphqlOptions } from '../../src-server/graphql/graphql-options.ts';
import { createSchemaCache } from '../../src-server/graphql/schema-cache.ts';
import { parseFilterArg } from '../../src-server/graphql/parse-filter-arg.ts';
import { parseOrderArg } from '../../src-server/graphql/parse-order-arg.ts';
import { parseWindow } from '../../src-server/graphql/parse-window.ts';
import { fixture, fixtureCatalog } from '../support/fixture-catalog.ts';

const staff = { ...fixture.currencies, name: 'staff', table: 'tblstaff' };
const catalog: Catalog = {
  ...fixtureCatalog,
  resources: [...fixtureCatalog.resources, staff],
  byName: new Map([...fixtureCatalog.byName, ['staff', staff]]),
};
const names = nameCatalog(catalog);
const invoiceNames = names.byResource.get('invoices')!;

function problemOf(work: () => unknown): Problem {
  try {
    work();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('GraphQL names', () => {
  it('derives singular PascalCase types and root fields', () => {
    expect(pascalSingular('invoices')).toBe('Invoice');
    expect(pascalSingular('pas_tags')).toBe('PasTag');
    expect(pascalSingular('activity_log')).toBe('ActivityLog');
    expect(invoiceNames).toMatchObject({
      type: 'Invoice',
      list: 'invoices',
      single: 'invoice',
      aggregate: 'invoicesAggregate',
      create: 'createInvoice',
    });
    expect(names.byResource.get('staff')).toMatchObject({ type: 'Staff', list: 'staff', single: 'staffById' });
  });

  it('keeps column names and renames a relation that a column already names', () => {
    expect(invoiceNames.relationNames.get('client')?.field).toBe('client');
    expect(invoiceNames.relationNames.get('currency')?.field).toBe('currency_record');
    expect(invoiceNames.members.get('currency')).toMatchObject({ kind: 'column' });
    expect(invoiceNames.relationNames.get('payments')).toEqual({ field: 'payments', aggregate: 'paymentsAggregate' });
  });

  it('rewrites names GraphQL cannot spell', () => {
    expect(graphqlName('2fa-code')).toBe('_2fa_code');
    expect(graphqlName('__secret')).toBe('_secret');
    expect(graphqlName('unit price')).toBe('unit_price');
  });

  it('gives filter fields per operator, ordering and pattern operators where they apply', () => {
    const filter = invoiceNames.filter;
    expect(filter.get('total_gte')).toMatchObject({ kind: 'column', op: 'gte' });
    expect(filter.get('formatted_number_contains')).toMatchObject({ kind: 'column', op: 'contains' });
    expect(filter.has('total_contains')).toBe(false);
    expect(filter.has('sent_gt')).toBe(false); // a flag has no order
    expect(filter.get('client')).toMatchObject({ kind: 'relation' });
  });
});

describe('buildSchema', () => {
  /** `name: Type` of every field of an object or input type. */
  function fieldsOf(schema: GraphQLSchema, typeName: string): Record<string, string> {
    const type = schema.getType(typeName);
    if (type === undefined || !('getFields' in type)) return {};
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
  }

  it('maps column types to scalars, nullable as the API can return null', () => {
    const schema = buildSchema(catalog, names, whitelistAccess(catalog));
    expect(fieldsOf(schema, 'Invoice')).toMatchObject({
      id: 'Int!',
      total: 'Float!',
      status: 'Int',
      sent: 'Boolean!',
      duedate: 'Date',
      date: 'Date', // NOT NULL, but MySQL zero dates are served as null
      datecreated: 'DateTime',
      formatted_number: 'String',
      client: 'Client',
      currency_record: 'Currency',
    });
    expect(printSchema(schema)).not.toMatch(/\bhash\b/);
    const query = schema.getQueryType()?.getFields() ?? {};
    expect(query.invoicesAggregate?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual([
      'filter: InvoiceFilter',
      'where: InvoiceFilter',
      'groupBy: [InvoiceGroupBy!]',
    ]);
    expect(String(query.invoicesAggregate?.type)).toBe('[InvoiceAggregate!]');
    expect(query.invoices?.args.map((a) => a.name)).toEqual([
      'filter',
      'where',
      'sort',
      'orderBy',
      'limit',
      'offset',
      'page',
      'perPage',
    ]);
    expect(fieldsOf(schema, 'InvoiceFilter')).toMatchObject({
      status: 'Int',
      total_gte: 'Float',
      duedate_lt: 'Date',
      status_in: '[Int!]',
      duedate_is_null: 'Boolean',
      client: 'ClientFilter',
      and: '[InvoiceFilter!]',
      not: 'InvoiceFilter',
    });
    expect(fieldsOf(schema, 'InvoiceCreateInput')).toMatchObject({
      total: 'Float!',
      clientid: 'Int!',
      status: 'Int',
      sent: 'Boolean',
    });
    expect(fieldsOf(schema, 'InvoiceCreateInput')).not.toHaveProperty('id');
    expect(fieldsOf(schema, 'InvoiceUpdateInput')).toMatchObject({ total: 'Float', clientid: 'Int' });
    expect(fieldsOf(schema, 'InvoiceMutationResult')).toEqual({
      success: 'Boolean!',
      message: 'String!',
      affected_rows: 'Int!',
      row: 'Invoice',
    });
  });

  it('leaves out what the caller cannot read or write', () => {
    const access = accessFromGrants(catalog, {
      scopes: ['graphql'],
      read: ['invoices', 'currencies'],
      create: [],
      update: [],
      delete: [],
    });
    const schema = buildSchema(catalog, names, access);
    expect(schema.getType('Client')).toBeUndefined();
    expect(schema.getType('ClientFilter')).toBeUndefined();
    expect(schema.getMutationType()).toBeNull();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual([
      'currencies',
      'currenciesAggregate',
      'currency',
      'invoice',
      'invoices',
      'invoicesAggregate',
    ]);
    expect(fieldsOf(schema, 'Invoice')).not.toHaveProperty('client');
    expect(fieldsOf(schema, 'InvoiceFilter')).not.toHaveProperty('client');
    expect(fieldsOf(schema, 'Invoice')).toHaveProperty('currency_record');
    const writer = accessFromGrants(catalog, {
      scopes: ['graphql', 'write'],
      read: ['invoices'],
      create: ['invoices'],
      update: [],
      delete: [],
    });
    expect(Object.keys(buildSchema(catalog, names, writer).getMutationType()?.getFields() ?? {})).toEqual([
      'createInvoice',
    ]);
  });
});

describe('createSchemaCache', () => {
  it('builds a schema once per catalog and permission set', () => {
    const cache = createSchemaCache();
    const all = whitelistAccess(catalog);
    const same = whitelistAccess(catalog);
    const fewer = accessFromGrants(catalog, {
      scopes: ['graphql'],
      read: ['invoices'],
      create: [],
      update: [],
      delete: [],
    });
    const schema = cache.schema(catalog, all);
    expect(cache.schema(catalog, same)).toBe(schema);
    expect(cache.schema(catalog, fewer)).not.toBe(schema);
    const reloaded: Catalog = { ...catalog };
    expect(cache.schema(reloaded, all)).not.toBe(schema);
    expect(cache.names(reloaded)).not.toBe(cache.names(catalog));
  });
});

describe('GraphQL arguments', () => {
  const options = resolveGraphqlOptions();

  it('reads a window from limit/offset or page/perPage', () => {
    expect(parseWindow({}, options)).toEqual({ limit: 25, offset: 0 });
    expect(parseWindow({ limit: 10, offset: 30 }, options)).toEqual({ limit: 10, offset: 30 });
    expect(parseWindow({ page: 3, perPage: 20 }, options)).toEqual({ limit: 20, offset: 40 });
    expect(problemOf(() => parseWindow({ limit: 501 }, options)).code).toBe('PAS123');
    expect(problemOf(() => parseWindow({ perPage: 1000 }, options)).code).toBe('PAS123');
    expect(problemOf(() => parseWindow({ limit: 0 }, options)).code).toBe('PAS106');
    expect(problemOf(() => parseWindow({ limit: 5, page: 2 }, options)).code).toBe('PAS106');
    expect(problemOf(() => parseWindow({ offset: -1 }, options)).code).toBe('PAS106');
  });

  it('builds the same where tree REST builds, with REST problems', () => {
    const where = parseFilterArg(names, invoiceNames, {
      filter: { status: 2, total_gte: 1000, or: [{ duedate: null }, { client: { country: 243 } }] },
    });
    expect(where).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'condition', op: 'eq', value: 2 },
        { kind: 'condition', op: 'gte', value: 1000 },
        {
          kind: 'or',
          items: [
            { kind: 'condition', op: 'is_null', value: true },
            { kind: 'condition', op: 'eq', value: 243 },
          ],
        },
      ],
    });
    expect(parseFilterArg(names, invoiceNames, { filter: {} })).toBeNull();
    expect(problemOf(() => parseFilterArg(names, invoiceNames, { filter: { duedate_lt: '2026-02-31' } })).code).toBe(
      'PAS104',
    );
    expect(problemOf(() => parseFilterArg(names, invoiceNames, { filter: { total_between: [1] } })).code).toBe(
      'PAS104',
    );
    expect(problemOf(() => parseFilterArg(names, invoiceNames, { filter: { or: [] } })).code).toBe('PAS107');
  });

  it('reads sort text and typed orderBy, one field per entry', () => {
    expect(
      parseOrderArg(catalog, names, invoiceNames, { sort: '-total,client.company' }).map((k) => [
        k.column.field.name,
        k.direction,
      ]),
    ).toEqual([
      ['total', 'desc'],
      ['company', 'asc'],
    ]);
    const keys = parseOrderArg(catalog, names, invoiceNames, {
      orderBy: [{ total: 'desc' }, { client: { company: 'asc' } }],
    });
    expect(keys.map((k) => [k.column.path.map((r) => r.name), k.column.field.name, k.direction])).toEqual([
      [[], 'total', 'desc'],
      [['client'], 'company', 'asc'],
    ]);
    expect(
      problemOf(() => parseOrderArg(catalog, names, invoiceNames, { orderBy: [{ total: 'desc', duedate: 'asc' }] }))
        .code,
    ).toBe('PAS105');
    expect(problemOf(() => parseOrderArg(catalog, names, invoiceNames, { sort: 'totl' })).hint).toMatch(/total/);
  });
});
