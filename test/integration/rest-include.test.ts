/**
 * REST `include=` and `has[…]` on SQLite and MariaDB: embedded rows against plain SQL written here,
 * per-include options, polymorphic relations, Perfex's 0 keys, parents filtered by children, and the
 * number of SQL statements (one per relation level, whatever the number of rows).
 */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer, type TestServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of any shape
type Json = any;

type Row = Record<string, unknown>;

async function countStatements(api: TestServer, path: string): Promise<{ statements: number; body: Json }> {
  let statements = 0;
  const stop = api.engine.driver.onStatement(() => statements++);
  try {
    const r = await api.get(path);
    expect(r.status, r.text).toBe(200);
    return { statements, body: r.body };
  } finally {
    stop();
  }
}

describe.each(demoDialects('rest_include', withMysql))('REST include on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const sql = async (text: string, params: unknown[] = []): Promise<Row[]> =>
    ctx.api.engine.driver.query(text, params as never[]);
  const num = (v: unknown): number => Number(v);

  it.skipIf(skip)('embeds to-one as objects and to-many as arrays, nested, exactly as SQL joins them', async () => {
    const r = await ctx.api.get(
      '/api/v1/invoices?per_page=20&sort=id&fields=id,total&include=client,payments,client.contacts&fields[client]=userid,company&fields[payments]=id,amount&fields[client.contacts]=id,email&limit[client.contacts]=500&limit[payments]=500',
    );
    expect(r.status, r.text).toBe(200);
    const ids = r.body.data.map((row: Row) => row.id);
    const invoices = await sql(
      `SELECT id, clientid FROM tblinvoices WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
      ids,
    );
    const payments = await sql(
      `SELECT id, invoiceid, amount FROM tblinvoicepaymentrecords WHERE invoiceid IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
      ids,
    );
    for (const [i, row] of r.body.data.entries()) {
      const invoice = invoices[i] as Row;
      expect(Object.keys(row)).toEqual(['id', 'total', 'client', 'payments']);
      expect(row.payments).toEqual(
        payments.filter((p) => num(p.invoiceid) === row.id).map((p) => ({ id: num(p.id), amount: num(p.amount) })),
      );
      if (num(invoice.clientid) === 0) {
        expect(row.client).toBeNull();
        continue;
      }
      const [client] = await sql('SELECT userid, company FROM tblclients WHERE userid = ?', [invoice.clientid]);
      const contacts = await sql('SELECT id, email FROM tblcontacts WHERE userid = ? ORDER BY id', [invoice.clientid]);
      expect(row.client).toEqual({
        userid: num(client?.userid),
        company: client?.company,
        contacts: contacts.map((c) => ({ id: num(c.id), email: c.email })),
      });
    }
  });

  it.skipIf(skip)('sends one statement per relation level, whatever the number of rows', async () => {
    const query = 'include=client,payments,client.contacts,items&fields=id';
    const small = await countStatements(ctx.api, `/api/v1/invoices?per_page=5&${query}`);
    const large = await countStatements(ctx.api, `/api/v1/invoices?per_page=200&${query}`);
    // rows + count + client + payments + items + client.contacts
    expect(small.statements).toBe(6);
    expect(large.statements).toBe(6);
    expect(large.body.data).toHaveLength(200);
    const single = await countStatements(
      ctx.api,
      `/api/v1/invoices/${large.body.data[0].id}?include=payments,client,client.contracts`,
    );
    expect(single.statements).toBe(4);
  });

  it.skipIf(skip)('embeds null for a 0 key (Perfex "no relation"), with no statement for it', async () => {
    const [{ n }] = (await sql('SELECT COUNT(*) AS n FROM tblinvoices WHERE sale_agent = 0')) as [{ n: number }];
    expect(num(n)).toBeGreaterThan(0);
    const { body, statements } = await countStatements(
      ctx.api,
      '/api/v1/invoices?filter[sale_agent]=0&per_page=10&fields=id,sale_agent&include=sale_agent',
    );
    expect(statements).toBe(2);
    for (const row of body.data) expect(row).toMatchObject({ sale_agent: 0, sale_agent_record: null });
  });

  it.skipIf(skip)('applies per-include sort, per-parent limit and filters to the embedded rows only', async () => {
    const r = await ctx.api.get(
      '/api/v1/invoices?per_page=100&fields=id&include=payments&fields[payments]=id,amount&sort[payments]=-amount&limit[payments]=1',
    );
    expect(r.status, r.text).toBe(200);
    const ids = r.body.data.map((row: Row) => row.id);
    const payments = await sql(
      `SELECT id, invoiceid, amount FROM tblinvoicepaymentrecords WHERE invoiceid IN (${ids.join(',')})`,
    );
    for (const row of r.body.data) {
      const mine = payments
        .filter((p) => num(p.invoiceid) === row.id)
        .sort((a, b) => num(b.amount) - num(a.amount) || num(a.id) - num(b.id));
      expect(row.payments).toEqual(mine.slice(0, 1).map((p) => ({ id: num(p.id), amount: num(p.amount) })));
    }

    const filtered = await ctx.api.get(
      '/api/v1/invoices?per_page=100&fields=id&include=payments&fields[payments]=amount&filter[payments.amount.gte]=5000',
    );
    expect(filtered.body.meta.total).toBe(r.body.meta.total);
    for (const row of filtered.body.data) {
      const expected = payments
        .filter((p) => num(p.invoiceid) === row.id && num(p.amount) >= 5000)
        .sort((a, b) => num(a.id) - num(b.id));
      expect(row.payments).toEqual(expected.map((p) => ({ amount: num(p.amount) })));
    }
  });

  it.skipIf(skip)(
    'filters parents by children with has[…] (exists and anti-join), with the child filters inside',
    async () => {
      const [withPayment] = await sql(
        'SELECT COUNT(*) AS n FROM tblinvoices i WHERE EXISTS (SELECT 1 FROM tblinvoicepaymentrecords p WHERE p.invoiceid = i.id AND p.amount >= 5000)',
      );
      const [without] = await sql(
        'SELECT COUNT(*) AS n FROM tblinvoices i WHERE NOT EXISTS (SELECT 1 FROM tblinvoicepaymentrecords p WHERE p.invoiceid = i.id)',
      );
      const has = await ctx.api.get(
        '/api/v1/invoices?has[payments]=true&filter[payments.amount.gte]=5000&include=payments&fields=id&fields[payments]=amount&per_page=500',
      );
      expect(has.body.meta.total).toBe(num(withPayment?.n));
      for (const row of has.body.data) {
        expect(row.payments.length).toBeGreaterThan(0);
        for (const p of row.payments) expect(p.amount).toBeGreaterThanOrEqual(5000);
      }
      const none = await ctx.api.get('/api/v1/invoices?has[payments]=false&fields=id');
      expect(none.body.meta.total).toBe(num(without?.n));
      const [nested] = await sql(
        'SELECT COUNT(*) AS n FROM tblinvoices i WHERE EXISTS (SELECT 1 FROM tblclients c WHERE c.userid = i.clientid AND i.clientid <> 0 AND EXISTS (SELECT 1 FROM tblcontacts k WHERE k.userid = c.userid))',
      );
      const deep = await ctx.api.get('/api/v1/invoices?has[client.contacts]=true&fields=id');
      expect(deep.body.meta.total).toBe(num(nested?.n));
    },
  );

  it.skipIf(skip)('resolves polymorphic relations by rel_type', async () => {
    const r = await ctx.api.get(
      '/api/v1/tasks?filter[rel_type.in]=project,customer,invoice&per_page=60&fields=id,rel_type,rel_id&include=rel',
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.length).toBeGreaterThan(0);
    for (const row of r.body.data) {
      const [expected] =
        row.rel_type === 'project'
          ? await sql('SELECT id, name FROM tblprojects WHERE id = ?', [row.rel_id])
          : row.rel_type === 'customer'
            ? await sql('SELECT userid, company FROM tblclients WHERE userid = ?', [row.rel_id])
            : await sql('SELECT id, total FROM tblinvoices WHERE id = ?', [row.rel_id]);
      if (expected === undefined) expect(row.rel).toBeNull();
      else
        for (const [key, value] of Object.entries(expected))
          expect(String(row.rel[key])).toBe(String(Number.isNaN(Number(value)) ? value : Number(value)));
    }
  });

  it.skipIf(skip)('refuses bad includes with specific problems', async () => {
    const cases: [string, string, number][] = [
      ['include=clint', 'PAS108', 400],
      ['include=client.contacts.tickets.replies', 'PAS125', 400],
      ['fields[payments]=amount', 'PAS125', 400],
      ['include=client&limit[client]=2', 'PAS125', 400],
      ['include=payments&limit[payments]=501', 'PAS106', 400],
      ['filter[payments.amount.gte]=5', 'PAS108', 400],
      ['has[payments]=maybe', 'PAS112', 400],
      ['include=payments&format=csv', 'PAS129', 400],
    ];
    for (const [query, code, status] of cases) {
      const r = await ctx.api.get(`/api/v1/invoices?${query}`);
      expect([query, r.status, r.body.code]).toEqual([query, status, code]);
      expect(r.body.hint.length).toBeGreaterThan(5);
    }
  });
});
