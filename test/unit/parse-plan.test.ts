/** parse and plan on a fixture catalog: ASTs and plans compared as data, SQL pinned through compile. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src-server/compile/compile.ts';
import { Problem } from '../../src-server/errors/problem.ts';
import { parseGetQuery, parseListQuery } from '../../src-server/parse/parse-list-query.ts';
import { parseCreateBody } from '../../src-server/parse/parse-write-body.ts';
import { planGet, planList } from '../../src-server/plan/plan-read.ts';
import { planCreate } from '../../src-server/plan/plan-write.ts';
import { fixture, fixtureCatalog } from '../support/fixture-catalog.ts';

const list = (query: string) => parseListQuery(fixtureCatalog, fixture.invoices, new URLSearchParams(query));
const sqlOf = (query: string) => compile(planList(fixtureCatalog, list(query)).select, 'mysql');

function problemOf(work: () => unknown): Problem {
  try {
    work();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('parse', () => {
  it('applies defaults', () => {
    const request = list('');
    expect(request).toMatchObject({ fields: null, where: null, sort: [], page: 1, perPage: 25, count: 'exact', since: null });
  });

  it('types filter values by column and resolves relation paths', () => {
    const request = list('filter[total.gte]=1000.5&filter[client.country]=243&filter[duedate.lt]=2026-04-01&filter[sent]=true');
    expect(request.where).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'condition', op: 'gte', value: 1000.5, column: { path: [], field: { name: 'total' } } },
        { kind: 'condition', op: 'eq', value: 243, column: { path: [{ name: 'client' }], field: { name: 'country' } } },
        { kind: 'condition', op: 'lt', value: '2026-04-01', column: { field: { name: 'duedate' } } },
        { kind: 'condition', op: 'eq', value: 1, column: { field: { name: 'sent' } } },
      ],
    });
  });

  it('tells a field from a relation of the same name', () => {
    expect(list('filter[currency]=2').where).toMatchObject({ column: { path: [], field: { name: 'currency' } }, value: 2 });
    expect(list('filter[currency.in]=1,2').where).toMatchObject({ op: 'in', value: [1, 2], column: { path: [] } });
    expect(list('filter[currency.name]=Euro').where).toMatchObject({ op: 'eq', value: 'Euro', column: { path: [{ name: 'currency' }], field: { name: 'name' } } });
    expect(list('filter[client.country.short_name.starts_with]=Ger').where).toMatchObject({
      op: 'starts_with',
      column: { path: [{ name: 'client' }, { name: 'country' }], field: { name: 'short_name' } },
    });
  });

  it('normalises date-times and since', () => {
    expect(list('filter[datecreated.gte]=2026-05-01T10:20Z').where).toMatchObject({ value: '2026-05-01 10:20:00' });
    expect(list('filter[datecreated.gte]=2026-05-01').where).toMatchObject({ value: '2026-05-01 00:00:00' });
    expect(list('since=2026-05-01T08:00:00%2B02:00').since).toMatchObject({ from: '2026-05-01 08:00:00', column: { name: 'datecreated' } });
  });

  it('explains mistakes with codes and hints', () => {
    expect(problemOf(() => list('filter[duedat]=1'))).toMatchObject({ code: 'PAS102', hint: 'did you mean `duedate`?' });
    expect(problemOf(() => list('filter[total.gteq]=1'))).toMatchObject({ code: 'PAS103', hint: 'did you mean `gte`?' });
    expect(problemOf(() => list('filter[client.contry]=1'))).toMatchObject({ code: 'PAS102', hint: 'did you mean `country`?' });
    expect(problemOf(() => list('filter[payments.amount]=1'))).toMatchObject({ code: 'PAS108' });
    expect(problemOf(() => list('filter[status]=2x'))).toMatchObject({ code: 'PAS104' });
    expect(problemOf(() => list('per_page=501'))).toMatchObject({ code: 'PAS106' });
    expect(problemOf(() => list('fields=id,hash'))).toMatchObject({ code: 'PAS102' });
    expect(problemOf(() => list('sortt=id'))).toMatchObject({ code: 'PAS110', hint: 'did you mean `sort`?' });
    expect(problemOf(() => parseGetQuery(fixture.invoices, '12a', new URLSearchParams()))).toMatchObject({ code: 'PAS111' });
  });
});

describe('plan + compile', () => {
  it('adds the primary key as tie-breaker and pages', () => {
    expect(sqlOf('sort=-total&per_page=10&page=3&fields=id,total')).toEqual({
      sql: 'SELECT `t0`.`id`, `t0`.`total` FROM `tblinvoices` AS `t0` ORDER BY `t0`.`total` DESC, `t0`.`id` ASC LIMIT ? OFFSET ?',
      params: [10, 20],
    });
  });

  it('plans since as a filter and newest-first order', () => {
    const plan = planList(fixtureCatalog, list('since=2026-05-01&fields=id'));
    expect(plan.sinceColumn).toBe('datecreated');
    expect(compile(plan.select, 'sqlite')).toEqual({
      sql: 'SELECT "t0"."id" FROM "tblinvoices" AS "t0" WHERE "t0"."datecreated" >= ? ORDER BY "t0"."datecreated" DESC, "t0"."id" ASC LIMIT ?',
      params: ['2026-05-01 00:00:00', 25],
    });
    expect(compile(plan.count!, 'sqlite').sql).toBe('SELECT COUNT(*) AS "total" FROM "tblinvoices" AS "t0" WHERE "t0"."datecreated" >= ?');
  });

  it('probes one extra row instead of counting when count=none', () => {
    const plan = planList(fixtureCatalog, list('count=none&per_page=5'));
    expect(plan.count).toBeNull();
    expect(plan.select.limit).toBe(6);
  });

  it('plans a get by key', () => {
    const plan = planGet(parseGetQuery(fixture.invoices, '7', new URLSearchParams('fields=total')));
    expect(compile(plan.select, 'mysql')).toEqual({ sql: 'SELECT `t0`.`total` FROM `tblinvoices` AS `t0` WHERE `t0`.`id` = ? LIMIT ?', params: [7, 1] });
  });

  it('fills the creation time and Perfex hash on create', () => {
    const plan = planCreate(parseCreateBody(fixture.invoices, { clientid: 3, total: '10.50' }), new Date(2026, 5, 30, 9, 5, 7));
    expect(plan.values.slice(0, 3)).toEqual([
      { column: 'clientid', value: 3 },
      { column: 'total', value: 10.5 },
      { column: 'datecreated', value: '2026-06-30 09:05:07' },
    ]);
    expect(plan.values[3]).toMatchObject({ column: 'hash', value: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});
