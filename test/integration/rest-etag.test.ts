/**
 * Safe concurrent edits on SQLite and MariaDB: ETag on single rows, If-None-Match → 304, If-Match on
 * PUT/PATCH/DELETE → 412 when the row changed (checked inside the write transaction: of two writers
 * holding the same ETag, exactly one wins), and `Prefer: return=minimal`.
 */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();
const newLead = {
  name: 'Grace Hopper',
  company: 'COBOL Inc',
  email: 'grace@example.com',
  status: 1,
  source: 1,
  addedfrom: 1,
};

describe.each(demoDialects('rest_etag', withMysql))('REST ETags on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const createLead = async (): Promise<{ id: number; etag: string }> => {
    const r = await ctx.api.request('POST', '/api/v1/leads', newLead);
    expect(r.status, r.text).toBe(201);
    return { id: r.body.data.id, etag: r.headers.get('etag') ?? '' };
  };
  const nameInDb = async (id: number): Promise<unknown> =>
    (await ctx.api.engine.driver.query('SELECT name FROM tblleads WHERE id = ?', [id]))[0]?.name;

  it.skipIf(skip)(
    'tags single rows by content, whatever fields were asked for, and answers 304 to a current If-None-Match',
    async () => {
      const { id, etag } = await createLead();
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      const full = await ctx.api.get(`/api/v1/leads/${id}`);
      const sparse = await ctx.api.get(`/api/v1/leads/${id}?fields=name`);
      expect(full.headers.get('etag')).toBe(etag);
      expect(sparse.headers.get('etag')).toBe(etag);
      expect(full.headers.get('cache-control')).toBe('private, no-cache');
      const notModified = await ctx.api.request('GET', `/api/v1/leads/${id}`, undefined, {
        'if-none-match': `W/${etag}`,
      });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers.get('etag')).toBe(etag);
      await ctx.api.engine.driver.run('UPDATE tblleads SET title = ? WHERE id = ?', ['changed behind the API', id]);
      const changed = await ctx.api.request('GET', `/api/v1/leads/${id}`, undefined, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      // With embedded rows the answer reflects more than the row: no ETag is promised.
      expect((await ctx.api.get(`/api/v1/invoices/1?include=payments`)).headers.get('etag')).toBeNull();
    },
  );

  it.skipIf(skip)('refuses PATCH, PUT and DELETE with a stale If-Match (412) and changes nothing', async () => {
    const { id, etag } = await createLead();
    const patched = await ctx.api.request('PATCH', `/api/v1/leads/${id}`, { name: 'First' }, { 'if-match': etag });
    expect(patched.status, patched.text).toBe(200);
    const fresh = patched.headers.get('etag') ?? '';
    expect(fresh).not.toBe(etag);
    for (const [method, body] of [
      ['PATCH', { name: 'Stale' }],
      ['PUT', { name: 'Stale' }],
      ['DELETE', undefined],
    ] as const) {
      const r = await ctx.api.request(method, `/api/v1/leads/${id}`, body, { 'if-match': etag });
      expect([method, r.status, r.body.code, r.body.etag]).toEqual([method, 412, 'PAS203', fresh]);
    }
    expect(await nameInDb(id)).toBe('First');
    const star = await ctx.api.request('PATCH', `/api/v1/leads/${id}`, { name: 'Any' }, { 'if-match': '*' });
    expect(star.status).toBe(200);
    const missing = await ctx.api.request('PATCH', '/api/v1/leads/99999999', { name: 'x' }, { 'if-match': '*' });
    expect(missing.status).toBe(404);
    const del = await ctx.api.request('DELETE', `/api/v1/leads/${id}`, undefined, {
      'if-match': star.headers.get('etag') ?? '',
    });
    expect(del.status).toBe(204);
    expect(await nameInDb(id)).toBeUndefined();
  });

  it.skipIf(skip)('lets exactly one of two concurrent writers with the same ETag win', async () => {
    for (let round = 0; round < 5; round++) {
      const { id, etag } = await createLead();
      const [a, b] = await Promise.all([
        ctx.api.request('PATCH', `/api/v1/leads/${id}`, { name: `A${round}` }, { 'if-match': etag }),
        ctx.api.request('PATCH', `/api/v1/leads/${id}`, { name: `B${round}` }, { 'if-match': etag }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? `A${round}` : `B${round}`;
      expect(await nameInDb(id)).toBe(winner);
    }
  });

  it.skipIf(skip)('answers Prefer: return=minimal without a body', async () => {
    const created = await ctx.api.request('POST', '/api/v1/leads', newLead, { prefer: 'return=minimal' });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    expect(created.headers.get('preference-applied')).toBe('return=minimal');
    const location = created.headers.get('location') ?? '';
    const id = Number(location.split('/').pop());
    expect(await nameInDb(id)).toBe(newLead.name);
    const patched = await ctx.api.request(
      'PATCH',
      `/api/v1/leads/${id}`,
      { name: 'Minimal' },
      { prefer: 'return=minimal' },
    );
    expect(patched.status).toBe(204);
    expect(patched.headers.get('etag')).toBe((await ctx.api.get(`/api/v1/leads/${id}`)).headers.get('etag'));
  });
});
