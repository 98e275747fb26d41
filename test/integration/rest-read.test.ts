/**
 * REST reads against the demo database on SQLite and MariaDB, asserting exact rows: each answer is
 * compared with an independent SQL query (the oracle) run on the same database.
 */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

const dialects = demoDialects('rest_read', withMysql);

describe.each(dialects)('REST reads on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id);
  const oracle = async (sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> =>
    ctx.api.engine.driver.query(sql, params as never[]);
  const oracleIds = async (sql: string, params: unknown[] = []): Promise<number[]> =>
    (await oracle(sql, params)).map((r) => Number(r.id));


  it.skipIf(skip)('GET /api/v1 lists the resources with links', async () => {
    const r = await ctx.api.get('/api/v1');
    expect(r.status).toBe(200);
    const names = r.body.data.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['invoices', 'clients', 'contacts', 'leads', 'tickets', 'pas_tags']));
    const invoices = r.body.data.find((e: { name: string }) => e.name === 'invoices');
    expect(invoices.links.self).toBe(`${ctx.api.url}/api/v1/invoices`);
    expect(invoices.operations).toEqual(['read', 'create', 'update', 'delete']);
    expect(names).not.toContain('sessions');
  });

  it.skipIf(skip)('lists the first page with meta, typed values and links', async () => {
    const r = await ctx.api.get('/api/v1/invoices');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('server-timing')).toMatch(/parse;dur=[\d.]+, plan;dur=[\d.]+, execute;dur=[\d.]+, serialize;dur=[\d.]+/);
    const total = Number((await oracle('SELECT COUNT(*) AS n FROM tblinvoices'))[0]?.n);
    expect(r.body.meta).toEqual({ total, page: 1, per_page: 25, total_pages: Math.ceil(total / 25) });
    expect(ids(r.body.data)).toEqual(await oracleIds('SELECT id FROM tblinvoices ORDER BY id LIMIT 25'));
    expect(r.body.links).toEqual({
      self: `${ctx.api.url}/api/v1/invoices`,
      first: `${ctx.api.url}/api/v1/invoices?page=1`,
      next: `${ctx.api.url}/api/v1/invoices?page=2`,
      last: `${ctx.api.url}/api/v1/invoices?page=${Math.ceil(total / 25)}`,
    });
    const row = r.body.data[0];
    expect(typeof row.total).toBe('number');
    expect(typeof row.subtotal).toBe('number');
    expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.datecreated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(row).not.toHaveProperty('hash');
    expect(row).not.toHaveProperty('token');
    expect(row).not.toHaveProperty('adminnote');
  });

  it.skipIf(skip)('returns exactly the sparse fieldset asked for', async () => {
    const r = await ctx.api.get('/api/v1/clients?fields=userid,company&per_page=3');
    expect(r.status).toBe(200);
    const expected = await oracle('SELECT userid, company FROM tblclients ORDER BY userid LIMIT 3');
    expect(r.body.data).toEqual(expected.map((e) => ({ userid: Number(e.userid), company: e.company })));
  });

  it.skipIf(skip)('filters with every operator, as the oracle does', async () => {
    const cases: [string, string, unknown[]][] = [
      ['filter[status]=2', 'status = ?', [2]],
      ['filter[status.eq]=2', 'status = ?', [2]],
      ['filter[status.ne]=2', 'status <> ?', [2]],
      ['filter[total.gt]=1000', 'total > ?', [1000]],
      ['filter[total.gte]=1000', 'total >= ?', [1000]],
      ['filter[total.lt]=200', 'total < ?', [200]],
      ['filter[total.lte]=200', 'total <= ?', [200]],
      ['filter[status.in]=1,3', 'status IN (?, ?)', [1, 3]],
      ['filter[status.not_in]=1,2,3', 'status NOT IN (?, ?, ?)', [1, 2, 3]],
      ['filter[total.between]=500,1500', 'total BETWEEN ? AND ?', [500, 1500]],
      ['filter[duedate.lt]=2026-04-01', 'duedate < ?', ['2026-04-01']],
      ['filter[sale_agent]=0', 'sale_agent = ?', [0]],
      ['filter[formatted_number.like]=INV-0000*', 'formatted_number LIKE ?', ['INV-0000%']],
      ['filter[formatted_number.not_like]=INV-0000%25', 'formatted_number NOT LIKE ?', ['INV-0000%']],
      ['filter[formatted_number.starts_with]=INV-00001', 'formatted_number LIKE ?', ['INV-00001%']],
      ['filter[formatted_number.ends_with]=7', 'formatted_number LIKE ?', ['%7']],
      ['filter[formatted_number.contains]=012', 'formatted_number LIKE ?', ['%012%']],
      ['filter[project_id.is_null]=true', 'project_id IS NULL', []],
      ['filter[datesend.is_null]=false', 'datesend IS NOT NULL', []],
      ['filter=status:2&filter=total.gte:1000', 'status = ? AND total >= ?', [2, 1000]],
      ['filter[status]=4&filter[total.gte]=100', 'status = ? AND total >= ?', [4, 100]],
    ];
    for (const [query, where, params] of cases) {
      const r = await ctx.api.get(`/api/v1/invoices?${query}&fields=id&per_page=500`);
      expect(r.status, query).toBe(200);
      const expected = await oracleIds(`SELECT id FROM tblinvoices WHERE ${where} ORDER BY id LIMIT 500`, params);
      expect(ids(r.body.data), query).toEqual(expected);
      const total = Number((await oracle(`SELECT COUNT(*) AS n FROM tblinvoices WHERE ${where}`, params))[0]?.n);
      expect(r.body.meta.total, query).toBe(total);
    }
  });

  it.skipIf(skip)('filters on a to-one related column, treating 0 as no relation', async () => {
    const [{ country }] = (await oracle('SELECT country FROM tblclients WHERE country <> 0 GROUP BY country ORDER BY COUNT(*) DESC, country LIMIT 1')) as [{ country: number }];
    const r = await ctx.api.get(`/api/v1/invoices?filter[client.country]=${country}&fields=id,clientid&per_page=500`);
    expect(r.status).toBe(200);
    const expected = await oracleIds(
      'SELECT i.id FROM tblinvoices i JOIN tblclients c ON c.userid = i.clientid WHERE c.country = ? ORDER BY i.id LIMIT 500',
      [Number(country)],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(r.body.data)).toEqual(expected);
  });

  it.skipIf(skip)('takes nested and/or/not in where=', async () => {
    const where = JSON.stringify({ or: [{ status: 2 }, { total: { gte: 2000 } }], not: { sale_agent: 0 } });
    const r = await ctx.api.get(`/api/v1/invoices?where=${encodeURIComponent(where)}&fields=id&per_page=500`);
    expect(r.status).toBe(200);
    expect(ids(r.body.data)).toEqual(
      await oracleIds('SELECT id FROM tblinvoices WHERE (status = 2 OR total >= 2000) AND NOT (sale_agent = 0) ORDER BY id LIMIT 500'),
    );
  });

  it.skipIf(skip)('sorts by several columns, descending with -, ties broken by id', async () => {
    const r = await ctx.api.get('/api/v1/invoices?sort=-total,duedate&fields=id,total,duedate&per_page=40');
    expect(r.status).toBe(200);
    expect(ids(r.body.data)).toEqual(await oracleIds('SELECT id FROM tblinvoices ORDER BY total DESC, duedate ASC, id ASC LIMIT 40'));
    const byClient = await ctx.api.get('/api/v1/invoices?sort=client.company,-id&fields=id&per_page=30');
    expect(ids(byClient.body.data)).toEqual(
      await oracleIds('SELECT i.id FROM tblinvoices i LEFT JOIN tblclients c ON c.userid = i.clientid ORDER BY c.company ASC, i.id DESC LIMIT 30'),
    );
  });

  it.skipIf(skip)('pages with links that keep the other parameters; count=none skips the total', async () => {
    const r = await ctx.api.get('/api/v1/invoices?filter[status]=2&sort=-total&per_page=10&page=2');
    const total = Number((await oracle('SELECT COUNT(*) AS n FROM tblinvoices WHERE status = 2'))[0]?.n);
    const pages = Math.ceil(total / 10);
    expect(r.body.meta).toEqual({ total, page: 2, per_page: 10, total_pages: pages });
    expect(ids(r.body.data)).toEqual(await oracleIds('SELECT id FROM tblinvoices WHERE status = 2 ORDER BY total DESC, id ASC LIMIT 10 OFFSET 10'));
    const base = `${ctx.api.url}/api/v1/invoices?filter%5Bstatus%5D=2&sort=-total&per_page=10&page=`;
    expect(r.body.links).toEqual({ self: `${base}2`, first: `${base}1`, prev: `${base}1`, next: `${base}3`, last: `${base}${pages}` });

    const none = await ctx.api.get('/api/v1/invoices?count=none&per_page=10');
    expect(none.body.meta).toEqual({ page: 1, per_page: 10 });
    expect(none.body.data).toHaveLength(10);
    expect(none.body.links.next).toContain('page=2');
    expect(none.body.links).not.toHaveProperty('last');
    const beyond = await ctx.api.get(`/api/v1/invoices?count=none&per_page=10&page=${pages * 100}`);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.links).not.toHaveProperty('next');
  });

  it.skipIf(skip)('since= returns rows created since, newest first, and names the column', async () => {
    const r = await ctx.api.get('/api/v1/invoices?since=2026-05-01T00:00:00&fields=id,datecreated&per_page=500');
    expect(r.status).toBe(200);
    expect(r.body.meta.since_column).toBe('datecreated');
    expect(ids(r.body.data)).toEqual(
      await oracleIds("SELECT id FROM tblinvoices WHERE datecreated >= '2026-05-01 00:00:00' ORDER BY datecreated DESC, id ASC LIMIT 500"),
    );
    const none = await ctx.api.get('/api/v1/currencies?since=2026-01-01');
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('PAS109');
  });

  it.skipIf(skip)('serves MySQL zero dates as null and matches them with is_null', async () => {
    const zero = await oracleIds("SELECT id FROM tblinvoices WHERE last_overdue_reminder = '0000-00-00' ORDER BY id");
    expect(zero.length).toBeGreaterThan(0);
    const one = await ctx.api.get(`/api/v1/invoices/${zero[0]}?fields=id,last_overdue_reminder`);
    expect(one.body.data).toEqual({ id: zero[0], last_overdue_reminder: null });
    const r = await ctx.api.get('/api/v1/invoices?filter[last_overdue_reminder.is_null]=true&fields=id&per_page=500');
    expect(ids(r.body.data)).toEqual(
      await oracleIds("SELECT id FROM tblinvoices WHERE last_overdue_reminder IS NULL OR last_overdue_reminder = '0000-00-00' ORDER BY id LIMIT 500"),
    );
  });

  it.skipIf(skip)('gets one row by any primary key name, 404 when missing', async () => {
    const [first] = await oracle('SELECT ticketid, subject FROM tbltickets ORDER BY ticketid LIMIT 1');
    const r = await ctx.api.get(`/api/v1/tickets/${first?.ticketid}?fields=ticketid,subject`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: { ticketid: Number(first?.ticketid), subject: first?.subject },
      links: { self: `${ctx.api.url}/api/v1/tickets/${first?.ticketid}`, collection: `${ctx.api.url}/api/v1/tickets` },
    });
    const missing = await ctx.api.get('/api/v1/tickets/99999999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('PAS201');
  });

  it.skipIf(skip)('describes a resource without its sensitive columns', async () => {
    const r = await ctx.api.get('/api/v1/staff/schema');
    expect(r.status).toBe(200);
    const names = r.body.data.fields.map((f: { name: string }) => f.name);
    expect(r.body.data.primary_key).toEqual(['staffid']);
    expect(names).toEqual(expect.arrayContaining(['staffid', 'firstname', 'email']));
    for (const secret of ['password', 'new_pass_key', 'two_factor_auth_code', 'google_auth_secret', 'last_ip']) {
      expect(names).not.toContain(secret);
      expect(r.text).not.toContain(`"${secret}"`);
    }
    const invoices = await ctx.api.get('/api/v1/invoices/schema');
    const client = invoices.body.data.relations.find((x: { name: string }) => x.name === 'client');
    expect(client).toMatchObject({ kind: 'to-one', target: 'clients', local_column: 'clientid', remote_column: 'userid' });
  });

  it.skipIf(skip)('lists keyless tables read-only', async () => {
    const r = await ctx.api.get('/api/v1/pas_keyless?sort=staff_id');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{ staff_id: 1, feature: 'invoices' }, { staff_id: 2, feature: 'leads' }]);
    const post = await ctx.api.request('POST', '/api/v1/pas_keyless', { staff_id: 3, feature: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
