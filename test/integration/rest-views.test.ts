/**
 * Saved views and relation rights through the real `serve` (store, security pipeline, tokens) on
 * SQLite and MariaDB: views created by the admin API and the CLI, run with typed parameters and
 * defaults against the list request they stand for and against SQL; the `views` scope; read rights
 * on every resource a view, an include, a has or a group key reaches (403, never an empty embed).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { demoDialects, type DemoDatabase } from '../support/test-server.ts';
import { OVERDUE_BY_AGENT, PAYMENTS_BETWEEN } from '../support/view-fixtures.ts';

const withMysql = await mysqlAvailable();
const run = promisify(execFile);

describe.each(demoDialects('rest_views', withMysql))('saved views and relation rights on $name', ({ create, skip }) => {
  let db: DemoDatabase | undefined;
  let api: SecureServer;
  let all: string;
  beforeAll(async () => {
    if (skip) return;
    db = await create();
    api = await startSecureServer(db.url);
    all = api.token({ read: '*' }).token;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it.skipIf(skip)(
    'creates views through the admin API and runs them like the list request they stand for',
    async () => {
      expect((await api.admin('POST', '/admin/api/views', OVERDUE_BY_AGENT)).status).toBe(201);
      expect((await api.admin('POST', '/admin/api/views', PAYMENTS_BETWEEN)).status).toBe(201);
      const view = await api.request('GET', '/api/v1/views/overdue_by_agent?before=2026-01-01', undefined, bearer(all));
      expect(view.status, view.text).toBe(200);
      const direct = await api.request(
        'GET',
        '/api/v1/invoices?filter[status]=4&filter[duedate.lt]=2026-01-01&group_by=sale_agent&aggregate=count,sum:total&sort=-sum_total&include=sale_agent&fields[sale_agent]=firstname,lastname',
        undefined,
        bearer(all),
      );
      expect(view.body.data).toEqual(direct.body.data);
      expect(view.body.meta).toEqual(direct.body.meta);
      expect(view.body.links.self).toContain('/api/v1/views/overdue_by_agent?before=2026-01-01');
      const counts = await api.serving.engine.driver.query(
        "SELECT sale_agent, COUNT(*) AS n FROM tblinvoices WHERE status = 4 AND duedate < '2026-01-01' GROUP BY sale_agent",
      );
      expect(view.body.meta.total).toBe(counts.length);

      const byDefault = await api.request(
        'GET',
        '/api/v1/views/payments_between?from=2026-01-01&to=2026-03-31&min=1000&per_page=500',
        undefined,
        bearer(all),
      );
      const rows = await api.serving.engine.driver.query(
        "SELECT id FROM tblinvoicepaymentrecords WHERE date BETWEEN '2026-01-01' AND '2026-03-31' AND amount >= 1000 ORDER BY date, id",
      );
      expect(byDefault.body.data.map((r: { id: number }) => r.id)).toEqual(rows.map((r) => Number(r.id)));
      const csv = await api.request(
        'GET',
        '/api/v1/views/payments_between?from=2026-01-01&to=2026-03-31&format=csv',
        undefined,
        bearer(all),
      );
      expect(csv.text.split('\r\n')[0]).toBe('id,invoiceid,amount,date');

      const listed = await api.request('GET', '/api/v1/views', undefined, bearer(all));
      expect(listed.body.data.map((v: { name: string }) => v.name)).toEqual(['overdue_by_agent', 'payments_between']);
    },
  );

  it.skipIf(skip)('refuses missing, mistyped and unknown parameters and unknown views', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/views/payments_between?from=2026-01-01', 400, 'PAS131'],
      ['/api/v1/views/payments_between?from=2026-01-01&to=yesterday', 400, 'PAS131'],
      ['/api/v1/views/payments_between?from=2026-01-01&to=2026-02-01&min=lots', 400, 'PAS131'],
      ['/api/v1/views/payments_between?from=2026-01-01&to=2026-02-01&agent=3', 400, 'PAS110'],
      ['/api/v1/views/payments_betwen', 404, 'PAS130'],
    ];
    for (const [url, status, code] of cases) {
      const r = await api.request('GET', url, undefined, bearer(all));
      expect([url, r.status, r.body.code]).toEqual([url, status, code]);
    }
    const invalid = await api.admin('POST', '/admin/api/views', {
      ...PAYMENTS_BETWEEN,
      name: 'Bad Name',
      query: { page: '2' },
    });
    expect([invalid.status, invalid.body.code]).toEqual([422, 'PAS132']);
  });

  it.skipIf(skip)('needs the views scope and read on every resource a view touches', async () => {
    const noScope = api.token({ read: '*', scopes: ['rest'] }).token;
    expect(
      (
        await api.request(
          'GET',
          '/api/v1/views/payments_between?from=2026-01-01&to=2026-02-01',
          undefined,
          bearer(noScope),
        )
      ).body.code,
    ).toBe('PAS312');
    const invoicesOnly = api.token({ read: ['invoices'] }).token;
    const refused = await api.request('GET', '/api/v1/views/overdue_by_agent', undefined, bearer(invoicesOnly));
    expect([refused.status, refused.body.code]).toEqual([403, 'PAS313']);
    expect(refused.body.detail).toContain('staff');
    const withStaff = api.token({ read: ['invoices', 'staff'] }).token;
    expect((await api.request('GET', '/api/v1/views/overdue_by_agent', undefined, bearer(withStaff))).status).toBe(200);
  });

  it.skipIf(skip)(
    'refuses include, has and group keys into unreadable resources, and embeds unreadable polymorphic targets as null',
    async () => {
      const invoicesOnly = api.token({ read: ['invoices', 'tasks', 'projects'] }).token;
      for (const query of [
        'include=client',
        'include=payments',
        'has[payments]=true',
        'group_by=client.country',
        'include=payments&filter[payments.amount.gte]=1',
      ]) {
        const r = await api.request('GET', `/api/v1/invoices?${query}`, undefined, bearer(invoicesOnly));
        expect([query, r.status, r.body.code]).toEqual([query, 403, 'PAS313']);
      }
      const single = await api.request('GET', '/api/v1/invoices/1?include=payments', undefined, bearer(invoicesOnly));
      expect(single.status).toBe(403);
      const tasks = await api.request(
        'GET',
        '/api/v1/tasks?filter[rel_type.in]=project,customer&per_page=100&fields=id,rel_type&include=rel',
        undefined,
        bearer(invoicesOnly),
      );
      expect(tasks.status, tasks.text).toBe(200);
      for (const task of tasks.body.data) if (task.rel_type === 'customer') expect(task.rel).toBeNull();
      expect(
        tasks.body.data.some((t: { rel_type: string; rel: unknown }) => t.rel_type === 'project' && t.rel !== null),
      ).toBe(true);
    },
  );

  it.skipIf(skip)('imports, lists and deletes views with the CLI', async () => {
    const file = path.join(api.dataDir, 'views.json');
    fs.writeFileSync(file, JSON.stringify([{ ...PAYMENTS_BETWEEN, name: 'from_cli' }]));
    const tsx = path.resolve('node_modules/.bin/tsx');
    const imported = await run(tsx, ['src-server/cli/main.ts', 'view', 'import', file, '--data-dir', api.dataDir]);
    expect(imported.stdout).toBe('imported 1 view: from_cli\n');
    const listed = await run(tsx, ['src-server/cli/main.ts', 'view', 'list', '--data-dir', api.dataDir]);
    expect(listed.stdout).toContain('from_cli  invoicepaymentrecords  (from:date, to:date, min:number=0)');
    // The running server reads views from the store on each request.
    const ran = await api.request(
      'GET',
      '/api/v1/views/from_cli?from=2026-01-01&to=2026-01-31',
      undefined,
      bearer(all),
    );
    expect(ran.status, ran.text).toBe(200);
    await run(tsx, ['src-server/cli/main.ts', 'view', 'delete', 'from_cli', '--data-dir', api.dataDir]);
    expect(
      (await api.request('GET', '/api/v1/views/from_cli?from=2026-01-01&to=2026-01-31', undefined, bearer(all))).status,
    ).toBe(404);
  });
});
