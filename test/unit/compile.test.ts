/** compile: plans → SQL and parameters, pinned per dialect (Kysely's testSql style). */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src-server/compile/compile.ts';
import type { Dialect } from '../../src-server/db/driver.ts';
import type { Hop, Plan, PlanColumn } from '../../src-server/plan/query-plan.ts';

const col = (column: string, hops: Hop[] = [], zeroDate: PlanColumn['zeroDate'] = null): PlanColumn => ({ hops, column, zeroDate });
const toClient: Hop = { table: 'tblclients', localColumn: 'clientid', remoteColumn: 'userid', zeroIsNull: true };
const toCountry: Hop = { table: 'tblcountries', localColumn: 'country', remoteColumn: 'country_id', zeroIsNull: true };

function pin(plan: Plan, expected: Record<Dialect, string>, params: unknown[]): void {
  for (const dialect of ['mysql', 'sqlite'] as const) {
    const out = compile(plan, dialect);
    expect(out.sql, dialect).toBe(expected[dialect]);
    expect(out.params, dialect).toEqual(params);
  }
}

describe('compile select', () => {
  it('selects, filters, orders and pages with bound values only', () => {
    pin(
      {
        kind: 'select',
        table: 'tblinvoices',
        columns: ['id', 'total'],
        where: { kind: 'condition', column: col('status'), op: 'eq', value: 2 },
        orderBy: [{ column: col('total'), direction: 'desc' }, { column: col('id'), direction: 'asc' }],
        limit: 25,
        offset: 50,
      },
      {
        mysql: 'SELECT `t0`.`id`, `t0`.`total` FROM `tblinvoices` AS `t0` WHERE `t0`.`status` = ? ORDER BY `t0`.`total` DESC, `t0`.`id` ASC LIMIT ? OFFSET ?',
        sqlite: 'SELECT "t0"."id", "t0"."total" FROM "tblinvoices" AS "t0" WHERE "t0"."status" = ? ORDER BY "t0"."total" DESC, "t0"."id" ASC LIMIT ? OFFSET ?',
      },
      [2, 25, 50],
    );
  });

  it('compiles every operator', () => {
    const where: Plan = {
      kind: 'count',
      table: 't',
      where: {
        kind: 'and',
        items: [
          { kind: 'condition', column: col('a'), op: 'ne', value: 1 },
          { kind: 'condition', column: col('a'), op: 'gt', value: 1 },
          { kind: 'condition', column: col('a'), op: 'gte', value: 1 },
          { kind: 'condition', column: col('a'), op: 'lt', value: 1 },
          { kind: 'condition', column: col('a'), op: 'lte', value: 1 },
          { kind: 'condition', column: col('b'), op: 'like', value: 'A%' },
          { kind: 'condition', column: col('b'), op: 'not_like', value: 'A%' },
          { kind: 'condition', column: col('a'), op: 'in', value: [1, 2] },
          { kind: 'condition', column: col('a'), op: 'not_in', value: [3] },
          { kind: 'condition', column: col('a'), op: 'between', value: [1, 9] },
          { kind: 'condition', column: col('b'), op: 'is_null', value: true },
          { kind: 'condition', column: col('b'), op: 'is_null', value: false },
          { kind: 'condition', column: col('b'), op: 'contains', value: '50%_off!' },
          { kind: 'condition', column: col('b'), op: 'starts_with', value: 'Ac' },
          { kind: 'condition', column: col('b'), op: 'ends_with', value: 'Ltd' },
        ],
      },
    };
    const { sql, params } = compile(where, 'sqlite');
    expect(sql).toBe(
      'SELECT COUNT(*) AS "total" FROM "t" AS "t0" WHERE ("t0"."a" <> ? AND "t0"."a" > ? AND "t0"."a" >= ? AND "t0"."a" < ? AND "t0"."a" <= ? AND "t0"."b" LIKE ? AND "t0"."b" NOT LIKE ? AND "t0"."a" IN (?, ?) AND "t0"."a" NOT IN (?) AND "t0"."a" BETWEEN ? AND ? AND "t0"."b" IS NULL AND "t0"."b" IS NOT NULL AND "t0"."b" LIKE ? ESCAPE \'!\' AND "t0"."b" LIKE ? ESCAPE \'!\' AND "t0"."b" LIKE ? ESCAPE \'!\')',
    );
    expect(params).toEqual([1, 1, 1, 1, 1, 'A%', 'A%', 1, 2, 3, 1, 9, '%50!%!_off!!%', 'Ac%', '%Ltd']);
  });

  it('treats MySQL zero dates as null in is_null', () => {
    pin(
      { kind: 'count', table: 'tblinvoices', where: { kind: 'condition', column: col('duedate', [], 'date'), op: 'is_null', value: true } },
      {
        mysql: 'SELECT COUNT(*) AS `total` FROM `tblinvoices` AS `t0` WHERE (`t0`.`duedate` IS NULL OR `t0`.`duedate` = ?)',
        sqlite: 'SELECT COUNT(*) AS "total" FROM "tblinvoices" AS "t0" WHERE ("t0"."duedate" IS NULL OR "t0"."duedate" = ?)',
      },
      ['0000-00-00'],
    );
  });

  it('filters through to-one relations with nested EXISTS, 0 meaning no row', () => {
    pin(
      {
        kind: 'select',
        table: 'tblinvoices',
        columns: ['id'],
        where: {
          kind: 'or',
          items: [
            { kind: 'condition', column: col('country', [toClient]), op: 'eq', value: 243 },
            { kind: 'not', item: { kind: 'condition', column: col('iso2', [toClient, toCountry]), op: 'in', value: ['DE', 'FR'] } },
          ],
        },
        orderBy: [{ column: col('company', [toClient]), direction: 'asc' }],
        limit: 10,
        offset: 0,
      },
      {
        mysql:
          'SELECT `t0`.`id` FROM `tblinvoices` AS `t0` WHERE (EXISTS (SELECT 1 FROM `tblclients` AS `t1` WHERE `t1`.`userid` = `t0`.`clientid` AND `t0`.`clientid` <> 0 AND `t1`.`country` = ?) OR NOT (EXISTS (SELECT 1 FROM `tblclients` AS `t2` WHERE `t2`.`userid` = `t0`.`clientid` AND `t0`.`clientid` <> 0 AND EXISTS (SELECT 1 FROM `tblcountries` AS `t3` WHERE `t3`.`country_id` = `t2`.`country` AND `t2`.`country` <> 0 AND `t3`.`iso2` IN (?, ?))))) ORDER BY (SELECT `t4`.`company` FROM `tblclients` AS `t4` WHERE `t4`.`userid` = `t0`.`clientid` AND `t0`.`clientid` <> 0 LIMIT 1) ASC LIMIT ?',
        sqlite:
          'SELECT "t0"."id" FROM "tblinvoices" AS "t0" WHERE (EXISTS (SELECT 1 FROM "tblclients" AS "t1" WHERE "t1"."userid" = "t0"."clientid" AND "t0"."clientid" <> 0 AND "t1"."country" = ?) OR NOT (EXISTS (SELECT 1 FROM "tblclients" AS "t2" WHERE "t2"."userid" = "t0"."clientid" AND "t0"."clientid" <> 0 AND EXISTS (SELECT 1 FROM "tblcountries" AS "t3" WHERE "t3"."country_id" = "t2"."country" AND "t2"."country" <> 0 AND "t3"."iso2" IN (?, ?))))) ORDER BY (SELECT "t4"."company" FROM "tblclients" AS "t4" WHERE "t4"."userid" = "t0"."clientid" AND "t0"."clientid" <> 0 LIMIT 1) ASC LIMIT ?',
      },
      [243, 'DE', 'FR', 10],
    );
  });

  it('quotes identifiers so that quote characters cannot escape', () => {
    const plan: Plan = { kind: 'select', table: 'we`ird"t', columns: ['c`o"l'], where: null, orderBy: [], limit: null, offset: 0 };
    expect(compile(plan, 'mysql').sql).toBe('SELECT `t0`.`c``o"l` FROM `we``ird"t` AS `t0`');
    expect(compile(plan, 'sqlite').sql).toBe('SELECT "t0"."c`o""l" FROM "we`ird""t" AS "t0"');
  });
});

describe('compile writes', () => {
  it('inserts, updates and deletes by key', () => {
    pin(
      { kind: 'insert', table: 'tblleads', values: [{ column: 'name', value: 'Ada' }, { column: 'status', value: 1 }] },
      { mysql: 'INSERT INTO `tblleads` (`name`, `status`) VALUES (?, ?)', sqlite: 'INSERT INTO "tblleads" ("name", "status") VALUES (?, ?)' },
      ['Ada', 1],
    );
    pin(
      { kind: 'update', table: 'tblleads', key: [{ column: 'id', value: 7 }], values: [{ column: 'name', value: 'Bo' }] },
      { mysql: 'UPDATE `tblleads` SET `name` = ? WHERE `id` = ?', sqlite: 'UPDATE "tblleads" SET "name" = ? WHERE "id" = ?' },
      ['Bo', 7],
    );
    pin(
      { kind: 'delete', table: 'tblleads', key: [{ column: 'a', value: 1 }, { column: 'b', value: 'x' }] },
      { mysql: 'DELETE FROM `tblleads` WHERE `a` = ? AND `b` = ?', sqlite: 'DELETE FROM "tblleads" WHERE "a" = ? AND "b" = ?' },
      [1, 'x'],
    );
  });
});
