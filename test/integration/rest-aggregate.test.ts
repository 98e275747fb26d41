/**
 * REST aggregates on SQLite and MariaDB: every group and measure against groups computed here in
 * JavaScript from all the rows (read with plain SQL), related group keys, date buckets, having, sort
 * by a measure, pages of groups, includes on group keys, and the problems of bad aggregates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of any shape
type Json = any;

interface Invoice {
  id: number;
  clientid: number;
  sale_agent: number;
  status: number;
  total: number;
  date: string | null;
}

const round = (n: number, d: number): number => Number(n.toFixed(d));

/** ISO 8601 week-year and week of a YYYY-MM-DD date: the week holding its Thursday. */
function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}

describe.each(demoDialects('rest_aggregate', withMysql))('REST aggregates on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  let invoices: Invoice[] = [];
  let countryOf = new Map<number, number>();

  beforeAll(async () => {
    if (skip) return;
    const rows = await ctx.api.engine.driver.query(
      'SELECT id, clientid, sale_agent, status, total, date FROM tblinvoices',
    );
    invoices = rows.map((r) => ({
      id: Number(r.id),
      clientid: Number(r.clientid),
      sale_agent: Number(r.sale_agent),
      status: Number(r.status),
      total: Number(r.total),
      date: r.date === null || String(r.date).startsWith('0000') ? null : String(r.date).slice(0, 10),
    }));
    const clients = await ctx.api.engine.driver.query('SELECT userid, country FROM tblclients');
    countryOf = new Map(clients.map((c) => [Number(c.userid), Number(c.country)]));
  });

  const get = async (query: string): Promise<Json> => {
    const r = await ctx.api.get(`/api/v1/invoices?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };

  it.skipIf(skip)('computes count, sum, avg, min, max and count_distinct per group', async () => {
    const body = await get(
      'aggregate=count,sum:total,avg:total,min:date,max:total,count_distinct:clientid&group_by=sale_agent,status&per_page=500',
    );
    const expected = [...groupBy(invoices, (i) => `${i.sale_agent}|${i.status}`).values()]
      .map((rows) => {
        const dates = rows
          .map((r) => r.date)
          .filter((d) => d !== null)
          .sort();
        const sum = rows.reduce((s, r) => s + r.total, 0);
        return {
          sale_agent: rows[0]!.sale_agent,
          status: rows[0]!.status,
          count: rows.length,
          sum_total: round(sum, 2),
          avg_total: round(sum / rows.length, 6),
          min_date: dates[0] ?? null,
          max_total: Math.max(...rows.map((r) => r.total)),
          count_distinct_clientid: new Set(rows.map((r) => r.clientid)).size,
        };
      })
      .sort((a, b) => a.sale_agent - b.sale_agent || a.status - b.status);
    expect(body.meta.total).toBe(expected.length);
    expect(body.data.map((g: Json) => ({ ...g, avg_total: round(g.avg_total, 4) }))).toEqual(
      expected.map((g) => ({ ...g, avg_total: round(g.avg_total, 4) })),
    );
  });

  it.skipIf(skip)('filters groups with having, sorts by a measure and pages the groups', async () => {
    const all = [
      ...groupBy(
        invoices.filter((i) => i.status !== 5),
        (i) => String(i.sale_agent),
      ).values(),
    ]
      .map((rows) => ({
        sale_agent: rows[0]!.sale_agent,
        sum_total: round(
          rows.reduce((s, r) => s + r.total, 0),
          2,
        ),
        count: rows.length,
      }))
      .filter((g) => g.sum_total >= 20000 && g.count >= 2)
      .sort((a, b) => b.sum_total - a.sum_total || a.sale_agent - b.sale_agent);
    const query =
      'filter[status.ne]=5&group_by=sale_agent&aggregate=sum:total,count&having[sum_total.gte]=20000&having[count.gte]=2&sort=-sum_total&per_page=3';
    const page1 = await get(query);
    const page2 = await get(`${query}&page=2`);
    expect(page1.meta).toEqual({
      total: all.length,
      page: 1,
      per_page: 3,
      total_pages: Math.max(1, Math.ceil(all.length / 3)),
    });
    expect(page1.data).toEqual(all.slice(0, 3));
    expect(page2.data).toEqual(all.slice(3, 6));
  });

  it.skipIf(skip)('groups by a related column and by date buckets', async () => {
    const byCountry = await get('group_by=client.country&aggregate=count&per_page=500');
    const expected = [
      ...groupBy(invoices, (i) => String(i.clientid === 0 ? 'null' : (countryOf.get(i.clientid) ?? 'null'))).entries(),
    ]
      .map(([k, rows]) => ({ 'client.country': k === 'null' ? null : Number(k), count: rows.length }))
      .sort((a, b) => (a['client.country'] ?? -1) - (b['client.country'] ?? -1));
    expect(byCountry.data).toEqual(expected);

    const buckets: [string, (d: string) => string][] = [
      ['day', (d) => d],
      ['week', isoWeek],
      ['month', (d) => d.slice(0, 7)],
      ['quarter', (d) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) + 2) / 3)}`],
      ['year', (d) => d.slice(0, 4)],
    ];
    for (const [bucket, cut] of buckets) {
      const body = await get(`group_by=date:${bucket}&aggregate=count,sum:total&per_page=500`);
      const groups = [...groupBy(invoices, (i) => (i.date === null ? '' : cut(i.date))).entries()]
        .map(([k, rows]) => ({
          [`date:${bucket}`]: k === '' ? null : k,
          count: rows.length,
          sum_total: round(
            rows.reduce((s, r) => s + r.total, 0),
            2,
          ),
        }))
        .sort((a, b) => String(a[`date:${bucket}`] ?? '').localeCompare(String(b[`date:${bucket}`] ?? '')));
      expect([bucket, body.meta.total]).toEqual([bucket, groups.length]);
      expect(body.data).toEqual(groups.slice(0, 500));
    }
  });

  it.skipIf(skip)('embeds the row of a group key and honours has[…] under groups', async () => {
    const body = await get(
      'group_by=sale_agent&aggregate=count&include=sale_agent&fields[sale_agent]=staffid,firstname&has[payments]=true&per_page=500',
    );
    const paid = new Set(
      (await ctx.api.engine.driver.query('SELECT DISTINCT invoiceid FROM tblinvoicepaymentrecords')).map((r) =>
        Number(r.invoiceid),
      ),
    );
    const staff = new Map(
      (await ctx.api.engine.driver.query('SELECT staffid, firstname FROM tblstaff')).map((s) => [
        Number(s.staffid),
        s.firstname,
      ]),
    );
    const expected = [
      ...groupBy(
        invoices.filter((i) => paid.has(i.id)),
        (i) => String(i.sale_agent),
      ).entries(),
    ]
      .map(([k, rows]) => ({
        sale_agent: Number(k),
        count: rows.length,
        sale_agent_record: Number(k) === 0 ? null : { staffid: Number(k), firstname: staff.get(Number(k)) },
      }))
      .sort((a, b) => a.sale_agent - b.sale_agent);
    expect(body.data).toEqual(expected);
  });

  it.skipIf(skip)('refuses bad aggregates with specific problems', async () => {
    const cases: [string, string][] = [
      ['aggregate=sum:formatted_number', 'PAS126'],
      ['aggregate=median:total', 'PAS126'],
      ['aggregate=sum', 'PAS126'],
      ['aggregate=count&fields=id', 'PAS126'],
      ['group_by=status:month', 'PAS127'],
      ['group_by=date:fortnight', 'PAS127'],
      ['group_by=status&having[sum_total.gte]=5', 'PAS128'],
      ['having[count.gte]=5', 'PAS128'],
      ['group_by=status&having[count.near]=5', 'PAS128'],
      ['group_by=status&sort=-total', 'PAS105'],
      ['group_by=status&include=payments', 'PAS125'],
      ['group_by=statuss', 'PAS102'],
    ];
    for (const [query, code] of cases) {
      const r = await ctx.api.get(`/api/v1/invoices?${query}`);
      expect([query, r.status, r.body.code]).toEqual([query, 400, code]);
    }
  });
});
