/**
 * GraphQL reads on SQLite and MariaDB: every list argument against the REST answer for the same
 * request (REST is itself checked against SQL oracles), relations both ways and polymorphic ones
 * against SQL oracles, the number of SQL statements of nested queries, and aggregates with groupBy.
 */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer, type TestServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON of any shape
type Json = any;

async function gql(
  api: TestServer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: Json }> {
  const r = await api.request('POST', '/api/v1/graphql', { query, variables });
  return { status: r.status, body: r.body };
}

/** The data of a query that must succeed. */
async function data(api: TestServer, query: string, variables?: Record<string, unknown>): Promise<Json> {
  const r = await gql(api, query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data;
}

/** The SQL statements a query sends. */
async function countStatements(api: TestServer, query: string): Promise<{ statements: number; body: Json }> {
  let statements = 0;
  const stop = api.engine.driver.onStatement(() => statements++);
  try {
    const r = await gql(api, query);
    return { statements, body: r.body };
  } finally {
    stop();
  }
}

describe.each(demoDialects('graphql_read', withMysql))('GraphQL reads on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const oracle = async (sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
    ctx.api.engine.driver.query(sql, params as never[]);
  const restIds = async (query: string, key = 'id'): Promise<number[]> => {
    const r = await ctx.api.get(`/api/v1/invoices?per_page=500&fields=${key}&${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data.map((row: Record<string, number>) => row[key]);
  };

  it.skipIf(skip)('filters with every operator exactly as REST does', async () => {
    const [{ country }] = (await oracle(
      'SELECT country FROM tblclients WHERE country <> 0 ORDER BY userid LIMIT 1',
    )) as [{ country: number }];
    const cases: [string, string][] = [
      ['{status: 2}', 'filter[status]=2'],
      ['{status_eq: 2}', 'filter[status.eq]=2'],
      ['{status_ne: 2}', 'filter[status.ne]=2'],
      ['{total_gt: 1000}', 'filter[total.gt]=1000'],
      ['{total_gte: 1000}', 'filter[total.gte]=1000'],
      ['{total_lt: 200}', 'filter[total.lt]=200'],
      ['{total_lte: 200}', 'filter[total.lte]=200'],
      ['{status_in: [1, 3]}', 'filter[status.in]=1,3'],
      ['{status_not_in: [1, 2, 3]}', 'filter[status.not_in]=1,2,3'],
      ['{total_between: [500, 1500]}', 'filter[total.between]=500,1500'],
      ['{duedate_lt: "2026-04-01"}', 'filter[duedate.lt]=2026-04-01'],
      ['{datecreated_gte: "2025-06-01T00:00:00"}', 'filter[datecreated.gte]=2025-06-01T00:00:00'],
      // `*` for `%` is a query-string convenience (`%` must be URL-encoded); GraphQL takes `%` as where= JSON does.
      ['{formatted_number_like: "INV-0000%"}', 'filter[formatted_number.like]=INV-0000*'],
      ['{formatted_number_not_like: "INV-0000%"}', 'filter[formatted_number.not_like]=INV-0000%25'],
      ['{formatted_number_contains: "001"}', 'filter[formatted_number.contains]=001'],
      ['{formatted_number_starts_with: "INV-0001"}', 'filter[formatted_number.starts_with]=INV-0001'],
      ['{formatted_number_ends_with: "7"}', 'filter[formatted_number.ends_with]=7'],
      ['{duedate_is_null: true}', 'filter[duedate.is_null]=true'],
      ['{duedate: null}', 'filter[duedate.is_null]=true'],
      ['{sent: true}', 'filter[sent]=true'],
      [`{client: {country: ${country}}}`, `filter[client.country]=${country}`],
      ['{status: 2, total_gte: 1000}', 'filter[status]=2&filter[total.gte]=1000'],
      [
        '{or: [{status: 2}, {total_gte: 1000}], not: {sale_agent: 0}}',
        `where=${encodeURIComponent('{"or":[{"status":2},{"total":{"gte":1000}}],"not":{"sale_agent":0}}')}`,
      ],
      [
        '{and: [{status: 4}, {or: [{sale_agent: 1}, {sale_agent: 2}]}]}',
        `where=${encodeURIComponent('{"status":4,"or":[{"sale_agent":1},{"sale_agent":2}]}')}`,
      ],
    ];
    let matched = 0;
    for (const [filter, rest] of cases) {
      const got = await data(ctx.api, `{ invoices(filter: ${filter}, limit: 500) { id } }`);
      const expected = await restIds(rest);
      expect(
        got.invoices.map((r: { id: number }) => r.id),
        filter,
      ).toEqual(expected);
      if (expected.length > 0) matched++;
    }
    expect(matched).toBeGreaterThan(cases.length - 3); // the cases select real rows, not only empty sets
    const viaWhere = await data(
      ctx.api,
      '{ invoices(where: {status: 2}, filter: {total_gte: 1000}, limit: 500) { id } }',
    );
    expect(viaWhere.invoices.map((r: { id: number }) => r.id)).toEqual(
      await restIds('filter[status]=2&filter[total.gte]=1000'),
    );
  });

  it.skipIf(skip)('takes filter values from variables', async () => {
    const got = await data(ctx.api, 'query ($f: InvoiceFilter, $n: Int) { invoices(filter: $f, limit: $n) { id } }', {
      f: { status_in: [2, 4], duedate_lt: '2026-01-01' },
      n: 40,
    });
    const expected = (await restIds('filter[status.in]=2,4&filter[duedate.lt]=2026-01-01')).slice(0, 40);
    expect(expected).toHaveLength(40);
    expect(got.invoices.map((r: { id: number }) => r.id)).toEqual(expected);
  });

  it.skipIf(skip)('sorts with REST text or typed orderBy, and pages by limit/offset or page/perPage', async () => {
    const sorted = await restIds('sort=-total,duedate');
    const bySort = await data(ctx.api, '{ invoices(sort: "-total,duedate", limit: 500) { id } }');
    const byOrder = await data(ctx.api, '{ invoices(orderBy: [{total: DESC}, {duedate: ASC}], limit: 500) { id } }');
    expect(bySort.invoices.map((r: { id: number }) => r.id)).toEqual(sorted);
    expect(byOrder.invoices.map((r: { id: number }) => r.id)).toEqual(sorted);
    const byCompany = await data(ctx.api, '{ invoices(orderBy: [{client: {company: ASC}}], limit: 500) { id } }');
    expect(byCompany.invoices.map((r: { id: number }) => r.id)).toEqual(await restIds('sort=client.company'));
    const page3 = (await ctx.api.get('/api/v1/invoices?sort=-total&per_page=7&page=3&fields=id')).body.data.map(
      (r: { id: number }) => r.id,
    );
    const window = await data(
      ctx.api,
      '{ a: invoices(sort: "-total", limit: 7, offset: 14) { id } b: invoices(sort: "-total", page: 3, perPage: 7) { id } }',
    );
    expect(window.a.map((r: { id: number }) => r.id)).toEqual(page3);
    expect(window.b.map((r: { id: number }) => r.id)).toEqual(page3);
    const defaults = await data(ctx.api, '{ invoices { id } }');
    expect(defaults.invoices).toHaveLength(25);
  });

  it.skipIf(skip)('answers bad arguments with the problem REST gives', async () => {
    const pairs: [string, string][] = [
      ['invoices(filter: {duedate_lt: "2026-02-31"})', 'filter[duedate.lt]=2026-02-31'],
      ['invoices(filter: {total_between: [1]})', 'filter[total.between]=1'],
      ['invoices(filter: {formatted_number_in: []})', 'where=' + encodeURIComponent('{"formatted_number":{"in":[]}}')],
      ['invoices(sort: "totl")', 'sort=totl'],
      ['invoices(sort: "client.compny")', 'sort=client.compny'],
    ];
    for (const [field, rest] of pairs) {
      const r = await gql(ctx.api, `{ ${field} { id } }`);
      const expected = await ctx.api.get(`/api/v1/invoices?${rest}`);
      expect(expected.status).toBe(400);
      const error = r.body.errors?.[0];
      expect(error?.extensions, field).toMatchObject({
        code: expected.body.code,
        hint: expected.body.hint,
        status: 400,
      });
      expect(r.body.data).toBeUndefined(); // refused before execution
    }
    const typed = await gql(ctx.api, '{ invoices(filter: {status: "two"}) { id } }');
    expect(typed.body.errors[0].extensions).toMatchObject({ code: 'PAS124', status: 400 });
    expect(typed.body.errors[0].message).toMatch(/Int cannot represent/);
  });

  it.skipIf(skip)('reads one row by id with typed values, null when missing', async () => {
    const rest = (await ctx.api.get('/api/v1/invoices/5')).body.data;
    const got = await data(
      ctx.api,
      '{ invoice(id: 5) { id total subtotal date duedate datecreated status sent formatted_number clientid } missing: invoice(id: 999999) { id } }',
    );
    expect(got.invoice).toEqual({
      ...Object.fromEntries(Object.keys(got.invoice).map((k) => [k, rest[k]])),
      sent: rest.sent === 1,
    });
    expect(typeof got.invoice.total).toBe('number');
    expect(typeof got.invoice.sent).toBe('boolean');
    expect(got.missing).toBeNull();
    const bad = await gql(ctx.api, '{ invoice(id: "abc") { id } }');
    expect(bad.body.errors[0].extensions.code).toBe('PAS111');
    const keyed = await data(ctx.api, '{ staffById(id: 1) { staffid firstname } }');
    expect(keyed.staffById.staffid).toBe(1);
  });

  it.skipIf(skip)('follows relations both ways, as the database links the rows', async () => {
    const got = await data(
      ctx.api,
      '{ invoices(limit: 30, sort: "id") { id clientid client { userid company } payments { id invoiceid amount } items(limit: 100) { id rel_id rel_type } } }',
    );
    for (const invoice of got.invoices) {
      const client = await oracle('SELECT userid, company FROM tblclients WHERE userid = ?', [invoice.clientid]);
      expect(invoice.client).toEqual(
        invoice.clientid === 0 ? null : { userid: Number(client[0]?.userid), company: client[0]?.company },
      );
      const payments = await oracle(
        'SELECT id FROM tblinvoicepaymentrecords WHERE invoiceid = ? ORDER BY id LIMIT 25',
        [invoice.id],
      );
      expect(invoice.payments.map((p: { id: number }) => p.id)).toEqual(payments.map((p) => Number(p.id)));
      const items = await oracle("SELECT id FROM tblitemable WHERE rel_type = 'invoice' AND rel_id = ? ORDER BY id", [
        invoice.id,
      ]);
      expect(invoice.items.map((i: { id: number }) => i.id)).toEqual(items.map((i) => Number(i.id)));
      expect(invoice.items.every((i: { rel_type: string }) => i.rel_type === 'invoice')).toBe(true);
    }
    expect(got.invoices.some((i: { payments: unknown[] }) => i.payments.length > 0)).toBe(true);

    const clients = await data(
      ctx.api,
      '{ clients(limit: 15) { userid invoices(filter: {status_in: [2, 4]}, sort: "-total", limit: 3, offset: 1) { id total } } }',
    );
    for (const client of clients.clients) {
      const expected = await oracle(
        'SELECT id FROM tblinvoices WHERE clientid = ? AND status IN (2, 4) ORDER BY total DESC, id ASC LIMIT 3 OFFSET 1',
        [client.userid],
      );
      expect(
        client.invoices.map((i: { id: number }) => i.id),
        `client ${client.userid}`,
      ).toEqual(expected.map((r) => Number(r.id)));
    }
    expect(clients.clients.some((c: { invoices: unknown[] }) => c.invoices.length === 3)).toBe(true);
  });

  it.skipIf(skip)('resolves polymorphic relations to the right resource', async () => {
    const got = await data(
      ctx.api,
      '{ tasks(limit: 200, filter: {rel_type_in: ["invoice", "customer", "project"]}) { id rel_type rel_id rel { __typename ... on Invoice { id } ... on Client { userid } ... on Project { id name } } } }',
    );
    const expected: Record<string, [string, string]> = {
      invoice: ['Invoice', 'id'],
      customer: ['Client', 'userid'],
      project: ['Project', 'id'],
    };
    const seen = new Set<string>();
    for (const task of got.tasks) {
      if (task.rel === null) continue; // a dangling rel_id resolves to null
      const [type, key] = expected[task.rel_type] ?? [];
      expect(task.rel.__typename).toBe(type);
      expect(task.rel[key as string]).toBe(task.rel_id);
      seen.add(task.rel_type);
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(skip)('loads each relation level with one statement, whatever the number of rows', async () => {
    const deep = await countStatements(
      ctx.api,
      '{ invoices(limit: 100) { id payments(limit: 5) { id invoice { id client { userid company } } } } }',
    );
    expect(deep.body.errors, JSON.stringify(deep.body.errors)).toBeUndefined();
    expect(deep.body.data.invoices).toHaveLength(100);
    const payments = deep.body.data.invoices.flatMap((i: Json) => i.payments);
    expect(payments.length).toBeGreaterThan(50); // every level really holds many rows
    expect(payments.filter((p: Json) => p.invoice.client !== null).length).toBeGreaterThan(50);
    expect(deep.statements).toBe(3 + 1); // payments, invoice, client + the root list
    const wide = await countStatements(
      ctx.api,
      '{ clients(limit: 100) { userid contacts(limit: 3) { id } invoices(limit: 5) { id payments(limit: 3) { amount } items(limit: 3) { description } } invoicesAggregate { count } } }',
    );
    expect(wide.body.errors, JSON.stringify(wide.body.errors)).toBeUndefined();
    expect(wide.statements).toBe(1 + 5);
    const few = await countStatements(
      ctx.api,
      '{ clients(limit: 2) { userid invoices(limit: 10) { id payments { amount } } } }',
    );
    expect(few.statements).toBe(3);
  });

  it.skipIf(skip)('aggregates with groupBy like GROUP BY does', async () => {
    const got = await data(
      ctx.api,
      '{ invoicesAggregate(filter: {status_in: [2, 4]}, groupBy: [sale_agent]) { keys { sale_agent } count sum { total } avg { total } min { duedate } max { total } } }',
    );
    const expected = await oracle(
      `SELECT sale_agent, COUNT(*) AS n, SUM(total) AS s, AVG(total) AS a, MIN(CASE WHEN duedate = '0000-00-00' THEN NULL ELSE duedate END) AS d, MAX(total) AS m
       FROM tblinvoices WHERE status IN (2, 4) GROUP BY sale_agent ORDER BY sale_agent`,
    );
    expect(got.invoicesAggregate).toHaveLength(expected.length);
    got.invoicesAggregate.forEach((group: Json, i: number) => {
      const row = expected[i] as Record<string, unknown>;
      expect(group.keys).toEqual({ sale_agent: Number(row.sale_agent) });
      expect(group.count).toBe(Number(row.n));
      expect(group.sum.total).toBeCloseTo(Number(row.s), 2);
      expect(group.avg.total).toBeCloseTo(Number(row.a), 2);
      expect(group.min.duedate).toBe(
        row.d === null ? null : String(row.d instanceof Date ? row.d.toISOString() : row.d).slice(0, 10),
      );
      expect(group.max.total).toBeCloseTo(Number(row.m), 2);
    });
    const all = await data(
      ctx.api,
      '{ invoicesAggregate { count } none: invoicesAggregate(filter: {total_lt: -1}) { count sum { total } } two: invoicesAggregate(groupBy: [status, sent]) { keys { status sent } count } }',
    );
    expect(all.invoicesAggregate).toEqual([
      { count: Number((await oracle('SELECT COUNT(*) AS n FROM tblinvoices'))[0]?.n) },
    ]);
    expect(all.none).toEqual([{ count: 0, sum: { total: null } }]);
    const pairs = await oracle(
      'SELECT status, sent, COUNT(*) AS n FROM tblinvoices GROUP BY status, sent ORDER BY status, sent',
    );
    expect(all.two).toEqual(
      pairs.map((p) => ({
        keys: { status: p.status === null ? null : Number(p.status), sent: Number(p.sent) !== 0 },
        count: Number(p.n),
      })),
    );
  });

  it.skipIf(skip)('aggregates under a relation, one statement for every parent', async () => {
    const { statements, body } = await countStatements(
      ctx.api,
      '{ clients(limit: 40) { userid invoicesAggregate(groupBy: [status]) { keys { status } count sum { total } } total: invoicesAggregate { count sum { total } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(statements).toBe(3);
    let empty = 0;
    for (const client of body.data.clients) {
      const groups = await oracle(
        'SELECT status, COUNT(*) AS n, SUM(total) AS s FROM tblinvoices WHERE clientid = ? GROUP BY status ORDER BY status',
        [client.userid],
      );
      expect(client.invoicesAggregate.map((g: Json) => [g.keys.status, g.count])).toEqual(
        groups.map((g) => [g.status === null ? null : Number(g.status), Number(g.n)]),
      );
      const count = groups.reduce((n, g) => n + Number(g.n), 0);
      expect(client.total).toHaveLength(1);
      expect(client.total[0].count).toBe(count);
      if (count === 0) {
        empty++;
        expect(client.total[0].sum.total).toBeNull();
      } else {
        expect(client.total[0].sum.total).toBeCloseTo(
          groups.reduce((s, g) => s + Number(g.s), 0),
          2,
        );
      }
    }
    expect(body.data.clients.length - empty).toBeGreaterThan(0);
  });
});
