/** REST writes on SQLite and MariaDB: create, update, delete, validation, duplicates, transactions. */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

const dialects = demoDialects('rest_write', withMysql);

describe.each(dialects)('REST writes on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const count = async (table: string): Promise<number> =>
    Number((await ctx.api.engine.driver.query(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);


  const newLead = { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', email: 'ada@example.com', status: 1, source: 1, addedfrom: 1, lead_value: 1250.5 };

  it.skipIf(skip)('creates a row: 201, Location, the stored row with its creation time', async () => {
    const before = await count('tblleads');
    const r = await ctx.api.request('POST', '/api/v1/leads', newLead);
    expect(r.status).toBe(201);
    const id = r.body.data.id;
    expect(typeof id).toBe('number');
    expect(r.headers.get('location')).toBe(`${ctx.api.url}/api/v1/leads/${id}`);
    expect(r.body.data).toMatchObject({ ...newLead, dateadded: '2026-06-30T12:00:00', country: 0, junk: 0, client_id: 0 });
    expect(r.body.data).not.toHaveProperty('hash');
    expect(await count('tblleads')).toBe(before + 1);
    const back = await ctx.api.get(`/api/v1/leads/${id}`);
    expect(back.body.data).toEqual(r.body.data);
  });

  it.skipIf(skip)('updates the given fields with PUT and PATCH and returns the row', async () => {
    const created = (await ctx.api.request('POST', '/api/v1/leads', newLead)).body.data;
    const patch = await ctx.api.request('PATCH', `/api/v1/leads/${created.id}`, { company: 'Babbage & Co', lead_value: '99.90' });
    expect(patch.status).toBe(200);
    expect(patch.body.data).toEqual({ ...created, company: 'Babbage & Co', lead_value: 99.9 });
    const put = await ctx.api.request('PUT', `/api/v1/leads/${created.id}`, { title: 'Countess', description: null });
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual({ ...patch.body.data, title: 'Countess', description: null });
    // An update that changes nothing still answers the row (MySQL reports 0 affected rows).
    const same = await ctx.api.request('PATCH', `/api/v1/leads/${created.id}`, { title: 'Countess' });
    expect(same.status).toBe(200);
    expect(same.body.data).toEqual(put.body.data);
  });

  it.skipIf(skip)('deletes: 204, then 404; PUT/PATCH/DELETE on a missing id are 404', async () => {
    const created = (await ctx.api.request('POST', '/api/v1/leads', newLead)).body.data;
    const del = await ctx.api.request('DELETE', `/api/v1/leads/${created.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await ctx.api.get(`/api/v1/leads/${created.id}`)).status).toBe(404);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await ctx.api.request(method, '/api/v1/leads/99999999', method === 'DELETE' ? undefined : { name: 'x' });
      expect(r.status, method).toBe(404);
      expect(r.body.code, method).toBe('PAS201');
    }
  });

  it.skipIf(skip)('validates bodies: 422 with one error per field, nothing written', async () => {
    const before = await count('tblleads');
    const r = await ctx.api.request('POST', '/api/v1/leads', {
      name: 'x'.repeat(192),
      status: 'open',
      source: 1.5,
      addedfrom: null,
      hash: 'abc',
      id: 5,
      dateadded: 'yesterday',
      lead_value: 1e20,
      nmae: 'typo',
    });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body.code).toBe('PAS401');
    const byField = Object.fromEntries(r.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(byField).toEqual({
      name: 'length',
      status: 'type',
      source: 'type',
      addedfrom: 'null',
      hash: 'unknown',
      id: 'not-writable',
      dateadded: 'format',
      lead_value: 'range',
      nmae: 'unknown',
    });
    expect(r.body.errors.find((e: { field: string }) => e.field === 'nmae').message).toContain('did you mean `name`?');
    expect(await count('tblleads')).toBe(before);

    const missing = await ctx.api.request('POST', '/api/v1/leads', { company: 'only a company' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['addedfrom', 'name', 'source', 'status']);
    expect(missing.body.errors.every((e: { code: string }) => e.code === 'required')).toBe(true);
  });

  it.skipIf(skip)('refuses hidden, read-only and primary-key fields in updates', async () => {
    const [{ id }] = (await ctx.api.engine.driver.query('SELECT id FROM tblinvoices ORDER BY id LIMIT 1')) as [{ id: number }];
    const r = await ctx.api.request('PATCH', `/api/v1/invoices/${id}`, { adminnote: 'secret', datesend: '2026-01-01', id: 9, hash: 'x' });
    expect(r.status).toBe(422);
    const byField = Object.fromEntries(r.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(byField).toEqual({ adminnote: 'unknown', datesend: 'not-writable', id: 'not-writable', hash: 'unknown' });
    const empty = await ctx.api.request('PATCH', `/api/v1/invoices/${id}`, {});
    expect(empty.status).toBe(422);
  });

  it.skipIf(skip)('fills Perfex hash tokens on create and never returns them', async () => {
    const [client] = await ctx.api.engine.driver.query('SELECT userid FROM tblclients ORDER BY userid LIMIT 1');
    const r = await ctx.api.request('POST', '/api/v1/invoices', {
      clientid: client?.userid, number: 900001, date: '2026-06-30', duedate: '2026-07-30', currency: 1,
      subtotal: 100, total: 100, discount_type: '', include_shipping: 0,
    });
    expect(r.status).toBe(201);
    expect(r.body.data).not.toHaveProperty('hash');
    expect(r.body.data.number).toBe(900001);
    const [stored] = await ctx.api.engine.driver.query('SELECT hash, number FROM tblinvoices WHERE id = ?', [r.body.data.id]);
    expect(stored?.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(stored?.number)).toBe(900001);
  });

  it.skipIf(skip)('answers duplicates with 409 and leaves the data unchanged', async () => {
    const before = await count('tblpas_tags');
    const r = await ctx.api.request('POST', '/api/v1/pas_tags', { name: 'vip' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('PAS402');
    expect(await count('tblpas_tags')).toBe(before);
    const ok = await ctx.api.request('POST', '/api/v1/pas_tags', { name: 'new tag', color: '#00ff00' });
    expect(ok.status).toBe(201);
    const dup = await ctx.api.request('PATCH', `/api/v1/pas_tags/${ok.body.data.id}`, { name: 'late payer' });
    expect(dup.status).toBe(409);
    expect((await ctx.api.get(`/api/v1/pas_tags/${ok.body.data.id}`)).body.data.name).toBe('new tag');
  });

  it.skipIf(skip)('refuses operations the whitelist does not allow with 405 and Allow', async () => {
    const r = await ctx.api.request('POST', '/api/v1/clients', { company: 'x' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    expect(r.body).toMatchObject({ code: 'PAS202', allowed: ['read'] });
    const del = await ctx.api.request('DELETE', '/api/v1/clients/1');
    expect(del.status).toBe(405);
  });

  it.skipIf(skip)('serialises concurrent writes without losing any', async () => {
    const before = await count('tblleads');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ctx.api.request('POST', '/api/v1/leads', { ...newLead, name: `Lead ${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.data.id)).size).toBe(20);
    expect(await count('tblleads')).toBe(before + 20);
  });
});
