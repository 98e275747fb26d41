/**
 * Regressions found by the hostile-input fuzz (test/fuzz), each pinned as the plain request that
 * broke and the answer it must get now. Transport-level, so one dialect (SQLite) is enough.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

describe('fuzz regressions', () => {
  let db: DemoDatabase;
  let api: SecureServer;
  let token: string;
  beforeAll(async () => {
    db = await createSqliteDemo();
    api = await startSecureServer(db.url);
    token = api.token({
      read: '*',
      create: '*',
      update: '*',
      delete: '*',
      scopes: ['rest', 'graphql', 'views', 'write'],
    }).token;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers a path segment that is not valid percent-encoding as a problem, not a 500', async () => {
    const id = await api.request('GET', '/api/v1/contacts/%zz', undefined, bearer(token));
    expect([id.status, id.headers.get('content-type'), id.body.code]).toEqual([
      400,
      'application/problem+json; charset=utf-8',
      'PAS111',
    ]);
    expect(id.body.detail).toContain('`%zz` is not valid percent-encoding');
    const write = await api.request('PATCH', '/api/v1/leads/%E0%A4%A', { name: 'x' }, bearer(token));
    expect([write.status, write.body.code]).toEqual([400, 'PAS111']);
    const resource = await api.request('GET', '/api/v1/%zz', undefined, bearer(token));
    expect([resource.status, resource.body.code]).toEqual([404, 'PAS115']);
  });

  it('answers GraphQL transport refusals as problems: other methods, non-JSON bodies, GET mutations', async () => {
    const put = await api.request('PUT', '/api/v1/graphql', { query: '{ __typename }' }, bearer(token));
    expect([put.status, put.headers.get('content-type'), put.body.code, put.headers.get('allow')]).toEqual([
      405,
      'application/problem+json; charset=utf-8',
      'PAS202',
      'GET, POST',
    ]);
    const text = await api.request(
      'POST',
      '/api/v1/graphql',
      '{ __typename }',
      bearer(token, { 'content-type': 'text/plain' }),
    );
    expect([text.status, text.body.code]).toEqual([415, 'PAS114']);
    const get = await api.request(
      'GET',
      `/api/v1/graphql?query=${encodeURIComponent('mutation { deleteLead(id: 1) { success } }')}`,
      undefined,
      bearer(token),
    );
    expect([get.status, get.headers.get('content-type'), get.body.code, get.headers.get('allow')]).toEqual([
      405,
      'application/problem+json',
      'PAS202',
      'POST',
    ]);
    expect((await api.request('GET', '/api/v1/leads/1', undefined, bearer(token))).status).toBe(200);
  });

  it('answers GraphQL whatever Accept asks, as REST does, instead of an empty 406', async () => {
    const html = await api.request(
      'POST',
      '/api/v1/graphql',
      { query: '{ __typename }' },
      bearer(token, { accept: 'text/html' }),
    );
    expect([html.status, html.body]).toEqual([200, { data: { __typename: 'Query' } }]);
  });

  it('refuses a GraphQL body that is JSON but not an object at once, where it used to hang', async () => {
    for (const body of ['null', 'false', '0', '""']) {
      const started = Date.now();
      const r = await api.request(
        'POST',
        '/api/v1/graphql',
        body,
        bearer(token, { 'content-type': 'application/json' }),
      );
      expect([r.status, r.body.code, r.body.detail]).toEqual([
        400,
        'PAS124',
        `the body must be a JSON object, got ${body}`,
      ]);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});
