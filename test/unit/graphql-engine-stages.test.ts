/**
 * The engine stages GraphQL added (and REST includes/aggregates can reuse): rows and aggregate
 * plans for one resource or a batch of parents, and their SQL pinned per dialect.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src-server/compile/compile.ts';
import type { Relation } from '../../src-server/catalog/catalog.ts';
import type { Dialect } from '../../src-server/db/driver.ts';
import type { Plan } from '../../src-server/plan/query-plan.ts';
import { planAggregate } from '../../src-server/plan/plan-aggregate.ts';
import { planRelatedRows, planRows } from '../../src-server/plan/plan-rows.ts';
import { toManyScope } from '../../src-server/plan/related-scope.ts';
import type { RowsRequest } from '../../src-server/parse/rows-request.ts';
import { fixture, fixtureCatalog } from '../support/fixture-catalog.ts';

function pin(plan: Plan, expected: Record<Dialect, string>, params: unknown[]): void {
  for (const dialect of ['mysql', 'sqlite'] as const) {
    const out = compile(plan, dialect);
    expect(out.sql, dialect).toBe(expected[dialect]);
    expect(out.params, dialect).toEqual(params);
  }
}

const { invoices, clients } = fixture;
const field = (name: string) => {
  const found = invoices.fields.find((f) => f.name === name);
  if (found === undefined) throw new Error(name);
  return found;
};
const rows = (extra: Partial<RowsRequest> = {}): RowsRequest => ({
  kind: 'rows',
  resource: invoices,
  fields: [field('id'), field('total')],
  where: null,
  sort: [],
  limit: 5,
  offset: 0,
  ...extra,
});
const invoicesOfClient: Relation = {
  name: 'invoices',
  kind: 'to-many',
  source: 'perfex',
  target: 'invoices',
  localColumn: 'userid',
  remoteColumn: 'clientid',
  remoteTypeFilter: null,
  polymorphic: null,
  zeroIsNull: true,
  description: '',
};

describe('planRows', () => {
  it('plans a window by limit and offset, the primary key ending the order', () => {
    const plan = planRows(
      fixtureCatalog,
      rows({ sort: [{ column: { path: [], field: field('total') }, direction: 'desc' }], limit: 10, offset: 7 }),
    );
    pin(
      plan,
      {
        mysql:
          'SELECT `t0`.`id`, `t0`.`total` FROM `tblinvoices` AS `t0` ORDER BY `t0`.`total` DESC, `t0`.`id` ASC LIMIT ? OFFSET ?',
        sqlite:
          'SELECT "t0"."id", "t0"."total" FROM "tblinvoices" AS "t0" ORDER BY "t0"."total" DESC, "t0"."id" ASC LIMIT ? OFFSET ?',
      },
      [10, 7],
    );
  });
});

describe('planRelatedRows', () => {
  it('reads the children of many parents in one statement, windowed per parent', () => {
    const where = { kind: 'condition', column: { path: [], field: field('status') }, op: 'eq', value: 2 } as const;
    const plan = planRelatedRows(
      fixtureCatalog,
      rows({ where, limit: 3, offset: 1 }),
      toManyScope(invoicesOfClient, [4, 9]),
      true,
    );
    expect(plan.kind).toBe('related-select');
    pin(
      plan,
      {
        mysql:
          'SELECT `w`.`id`, `w`.`total`, `w`.`clientid` FROM (SELECT `t0`.`id`, `t0`.`total`, `t0`.`clientid`, ROW_NUMBER() OVER (PARTITION BY `t0`.`clientid` ORDER BY `t0`.`id` ASC) AS `pas_row_number` FROM `tblinvoices` AS `t0` WHERE (`t0`.`clientid` IN (?, ?) AND `t0`.`status` = ?)) AS `w` WHERE `w`.`pas_row_number` > ? AND `w`.`pas_row_number` <= ? ORDER BY `w`.`pas_row_number`',
        sqlite:
          'SELECT "w"."id", "w"."total", "w"."clientid" FROM (SELECT "t0"."id", "t0"."total", "t0"."clientid", ROW_NUMBER() OVER (PARTITION BY "t0"."clientid" ORDER BY "t0"."id" ASC) AS "pas_row_number" FROM "tblinvoices" AS "t0" WHERE ("t0"."clientid" IN (?, ?) AND "t0"."status" = ?)) AS "w" WHERE "w"."pas_row_number" > ? AND "w"."pas_row_number" <= ? ORDER BY "w"."pas_row_number"',
      },
      [4, 9, 2, 1, 4],
    );
  });

  it('adds the type filter of children of a polymorphic table', () => {
    const items: Relation = {
      ...invoicesOfClient,
      remoteColumn: 'clientid',
      remoteTypeFilter: { column: 'formatted_number', value: 'invoice' },
    };
    const plan = planRelatedRows(fixtureCatalog, rows(), toManyScope(items, [1]), false);
    expect(plan.kind).toBe('select');
    expect(compile(plan, 'sqlite')).toEqual({
      sql: 'SELECT "t0"."id", "t0"."total", "t0"."clientid" FROM "tblinvoices" AS "t0" WHERE ("t0"."clientid" IN (?) AND "t0"."formatted_number" = ?) ORDER BY "t0"."id" ASC',
      params: [1, 'invoice'],
    });
  });
});

describe('planAggregate', () => {
  const request = {
    kind: 'aggregate',
    resource: invoices,
    where: {
      kind: 'condition',
      column: { path: [{ ...invoices.relations[0]! }], field: clients.fields[2]! },
      op: 'eq',
      value: 243,
    },
    groupBy: [field('status')],
    measures: [
      { fn: 'count', field: null },
      { fn: 'sum', field: field('total') },
      { fn: 'avg', field: field('total') },
      { fn: 'min', field: field('duedate') },
      { fn: 'max', field: field('datecreated') },
    ],
  } as const;

  it('groups, measures and orders by the keys; min/max skip zero dates', () => {
    pin(
      planAggregate(fixtureCatalog, request, { limit: 501 }),
      {
        mysql:
          'SELECT `t0`.`status` AS `g0`, COUNT(*) AS `m0`, SUM(`t0`.`total`) AS `m1`, AVG(`t0`.`total`) AS `m2`, MIN(NULLIF(`t0`.`duedate`, ?)) AS `m3`, MAX(NULLIF(`t0`.`datecreated`, ?)) AS `m4` FROM `tblinvoices` AS `t0` WHERE EXISTS (SELECT 1 FROM `tblclients` AS `t1` WHERE `t1`.`userid` = `t0`.`clientid` AND `t0`.`clientid` <> 0 AND `t1`.`country` = ?) GROUP BY `t0`.`status` ORDER BY `t0`.`status` LIMIT ?',
        sqlite:
          'SELECT "t0"."status" AS "g0", COUNT(*) AS "m0", SUM("t0"."total") AS "m1", AVG("t0"."total") AS "m2", MIN(NULLIF("t0"."duedate", ?)) AS "m3", MAX(NULLIF("t0"."datecreated", ?)) AS "m4" FROM "tblinvoices" AS "t0" WHERE EXISTS (SELECT 1 FROM "tblclients" AS "t1" WHERE "t1"."userid" = "t0"."clientid" AND "t0"."clientid" <> 0 AND "t1"."country" = ?) GROUP BY "t0"."status" ORDER BY "t0"."status" LIMIT ?',
      },
      ['0000-00-00', '0000-00-00 00:00:00', 243, 501],
    );
  });

  it('answers a batch of parents by leading with the parent key', () => {
    const plan = planAggregate(
      fixtureCatalog,
      { ...request, where: null, groupBy: [], measures: [{ fn: 'sum', field: field('total') }] },
      { scope: toManyScope(invoicesOfClient, [3, 5]) },
    );
    expect(compile(plan, 'sqlite')).toEqual({
      sql: 'SELECT "t0"."clientid" AS "g0", SUM("t0"."total") AS "m0" FROM "tblinvoices" AS "t0" WHERE "t0"."clientid" IN (?, ?) GROUP BY "t0"."clientid" ORDER BY "t0"."clientid"',
      params: [3, 5],
    });
  });

  it('counts rows when no measure is asked for (keys only)', () => {
    const plan = planAggregate(fixtureCatalog, { ...request, where: null, measures: [] });
    expect(compile(plan, 'mysql').sql).toBe(
      'SELECT `t0`.`status` AS `g0`, COUNT(*) AS `m0` FROM `tblinvoices` AS `t0` GROUP BY `t0`.`status` ORDER BY `t0`.`status`',
    );
  });
});
