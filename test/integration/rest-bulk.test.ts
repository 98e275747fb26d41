/**
 * Bulk creates and dry runs on SQLite and MariaDB: a JSON array is created in one transaction (all
 * or nothing, per-row errors named `[index].field`), and `Prefer: tx=rollback` validates and runs a
 * write, answers with its result and keeps nothing. The database is read directly to check.
 */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();
const lead = (n: number) => ({
  name: `Bulk ${n}`,
  company: `Company ${n}`,
  email: `bulk${n}@example.com`,
  status: 1,
  source: 1,
  addedfrom: 1,
});

describe.each(demoDialects('rest_bulk', withMysql))('REST bulk writes on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const count = async (table: string): Promise<number> =>
    Number((await ctx.api.engine.driver.query(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);

  it.skipIf(skip)('creates every row of an array in one transaction and returns them in order', async () => {
    const before = await count('tblleads');
    let statements: string[] = [];
    const stop = ctx.api.engine.driver.onStatement((sql) => statements.push(sql));
    const r = await ctx.api.request('POST', '/api/v1/leads', [lead(1), lead(2), lead(3)]);
    stop();
    expect(r.status, r.text).toBe(201);
    expect(r.body.data.map((row: { name: string }) => row.name)).toEqual(['Bulk 1', 'Bulk 2', 'Bulk 3']);
    expect(statements.filter((s) => s === 'BEGIN')).toHaveLength(1);
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(1);
    expect(await count('tblleads')).toBe(before + 3);
    const ids = r.body.data.map((row: { id: number }) => row.id);
    const stored = await ctx.api.engine.driver.query(
      `SELECT name FROM tblleads WHERE id IN (${ids.join(',')}) ORDER BY id`,
    );
    expect(stored.map((s) => s.name)).toEqual(['Bulk 1', 'Bulk 2', 'Bulk 3']);
    statements = [];
  });

  it.skipIf(skip)('writes nothing when any row is invalid, and names each failing row and field', async () => {
    const before = await count('tblleads');
    const r = await ctx.api.request('POST', '/api/v1/leads', [
      lead(4),
      { ...lead(5), status: 'hot', nope: 1 },
      'not a row',
    ]);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('PAS401');
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['[1].nope', '[1].status', '[2]']);
    expect(await count('tblleads')).toBe(before);
  });

  it.skipIf(skip)('rolls back the rows already inserted when the database refuses a later one', async () => {
    const before = await count('tblpas_tags');
    const r = await ctx.api.request('POST', '/api/v1/pas_tags', [
      { name: 'fresh-1' },
      { name: 'vip' },
      { name: 'fresh-2' },
    ]);
    expect([r.status, r.body.code, r.body.index]).toEqual([409, 'PAS402', 1]);
    expect(await count('tblpas_tags')).toBe(before);
    expect(
      (await ctx.api.engine.driver.query("SELECT COUNT(*) AS n FROM tblpas_tags WHERE name = 'fresh-1'"))[0]?.n,
    ).toBe(0);
  });

  it.skipIf(skip)('refuses empty and oversized arrays', async () => {
    expect((await ctx.api.request('POST', '/api/v1/leads', [])).body.code).toBe('PAS405');
    const big = await ctx.api.request(
      'POST',
      '/api/v1/pas_tags',
      Array.from({ length: 1001 }, (_, i) => ({ name: `t${i}` })),
    );
    expect([big.status, big.body.code]).toEqual([422, 'PAS405']);
  });

  it.skipIf(skip)('runs a dry run (Prefer: tx=rollback) and keeps nothing', async () => {
    const before = await count('tblleads');
    const single = await ctx.api.request('POST', '/api/v1/leads', lead(6), { prefer: 'tx=rollback' });
    expect(single.status, single.text).toBe(201);
    expect(single.headers.get('preference-applied')).toBe('tx=rollback');
    expect(single.headers.get('location')).toBeNull();
    expect(single.body.data).toMatchObject({ name: 'Bulk 6', company: 'Company 6' });
    const many = await ctx.api.request('POST', '/api/v1/leads', [lead(7), lead(8)], { prefer: 'tx=rollback' });
    expect(many.body.data).toHaveLength(2);
    const invalid = await ctx.api.request(
      'POST',
      '/api/v1/leads',
      { ...lead(9), status: 'x' },
      { prefer: 'tx=rollback' },
    );
    expect(invalid.status).toBe(422);
    expect(await count('tblleads')).toBe(before);

    const id = (await ctx.api.request('POST', '/api/v1/leads', lead(10))).body.data.id;
    const patched = await ctx.api.request(
      'PATCH',
      `/api/v1/leads/${id}`,
      { name: 'Dry' },
      { prefer: 'tx=rollback, return=representation' },
    );
    expect(patched.body.data.name).toBe('Dry');
    const deleted = await ctx.api.request('DELETE', `/api/v1/leads/${id}`, undefined, { prefer: 'tx=rollback' });
    expect(deleted.status).toBe(204);
    expect((await ctx.api.engine.driver.query('SELECT name FROM tblleads WHERE id = ?', [id]))[0]?.name).toBe(
      'Bulk 10',
    );
  });
});
