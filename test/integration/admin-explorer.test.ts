/**
 * The API explorer's admin routes through the real composition root (`serve`): sends go over real
 * HTTP into the data API and come back with the SQL they ran (SQLite and MariaDB), pasted tokens
 * keep their own rights, the explorer header is refused when wrong or from another machine, history
 * never holds a token, saved requests, samples from /api_docs' generator, endpoints and the schema.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplorerEndpoints, ExplorerResponse, SavedRequest } from '../../src-shared/admin-api.ts';
import { codeSamples } from '../../src-server/docs/code-samples.ts';
import { claimTrace } from '../../src-server/explorer/trace-inbox.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createMysqlDemo, createSqliteDemo, type DemoDatabase, type Reply } from '../support/test-server.ts';

const ALL = { scopes: ['rest', 'graphql', 'views', 'write'] as const, read: '*', create: '*', update: '*', delete: '*' } as const;

async function send(api: SecureServer, request: Record<string, unknown>): Promise<{ status: number; data: ExplorerResponse; body: Reply['body'] }> {
  const reply = await api.admin('POST', '/admin/api/explorer/send', { auth: { kind: 'studio' }, pii: false, ...request });
  return { status: reply.status, data: reply.body?.data as ExplorerResponse, body: reply.body };
}

const withMysql = await mysqlAvailable();

describe.each([
  { name: 'sqlite', create: createSqliteDemo, skip: false },
  { name: 'mariadb', create: () => createMysqlDemo('explorer'), skip: !withMysql },
])('explorer send on $name', ({ name, create, skip }) => {
  let db: DemoDatabase;
  let api: SecureServer;
  beforeAll(async () => {
    if (skip) return;
    db = await create();
    api = await startSecureServer(db.url);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });
  const quote = name === 'sqlite' ? '"' : '`';

  it.skipIf(skip)('sends a filtered REST list as the Studio and reports its SQL, with ? parameters, and the stage timings', async () => {
    const { status, data } = await send(api, { method: 'GET', path: '/api/v1/invoices?filter[status]=2&sort=-total&per_page=5' });
    expect(status).toBe(200);
    expect(data.status).toBe(200);
    const body = JSON.parse(data.body);
    expect(body.data.length).toBe(5);
    expect(body.data.every((row: { status: number }) => row.status === 2)).toBe(true);
    expect(data.sizeBytes).toBe(Buffer.byteLength(data.body));
    expect(data.headers['content-type']).toMatch(/application\/json/);
    expect(data.requestId).toBe(data.headers['x-request-id']);
    // Rows and count, nothing else; values only as parameters.
    expect(data.statements).toHaveLength(2);
    const select = data.statements.find((s) => !s.sql.includes('COUNT('));
    const count = data.statements.find((s) => s.sql.includes('COUNT('));
    expect(select?.sql).toContain(`FROM ${quote}tblinvoices${quote}`);
    expect(select?.sql).toMatch(/\bstatus\b.*= \?/);
    expect(select?.sql).not.toMatch(/=\s*2\b/);
    expect(select?.params).toContain(2);
    expect(select?.params).toContain(5);
    expect(count?.sql).toContain(`FROM ${quote}tblinvoices${quote}`);
    expect(count?.params).toEqual([2]);
    for (const s of data.statements) expect(s.durationMs).toBeGreaterThanOrEqual(0);
    const stages = data.timings.map((t) => t.name);
    expect(stages).toEqual(expect.arrayContaining(['security', 'parse', 'plan', 'execute', 'serialize']));
    expect(data.timings.every((t) => t.durationMs >= 0)).toBe(true);
    expect(data.durationMs).toBeGreaterThan(0);
    expect(data.piiRandomised).toBe(false);
    // The secret is never echoed.
    expect(JSON.stringify(data.headers)).not.toMatch(/x-pas-explorer/i);
  });

  it.skipIf(skip)('sends GraphQL: one statement per level, whatever the number of rows', async () => {
    const { data } = await send(api, {
      method: 'POST',
      path: '/api/v1/graphql',
      body: JSON.stringify({ query: '{ invoices(limit: 3) { id client { company } } }' }),
    });
    expect(data.status).toBe(200);
    const body = JSON.parse(data.body);
    expect(body.errors).toBeUndefined();
    expect(body.data.invoices).toHaveLength(3);
    expect(data.statements).toHaveLength(2);
    expect(data.statements[0]?.sql).toContain(`${quote}tblinvoices${quote}`);
    expect(data.statements[1]?.sql).toContain(`${quote}tblclients${quote}`);
    expect(data.statements[1]?.sql).toMatch(/IN \(\?/);
    expect(data.timings.map((t) => t.name)).toEqual(expect.arrayContaining(['parse', 'validate', 'execute']));
  });

  it.skipIf(skip)('traces only its own request while untraced ones run alongside', async () => {
    const { token } = api.token({ read: '*' });
    const others = Array.from({ length: 6 }, () => api.request('GET', '/api/v1/invoices?per_page=3', undefined, bearer(token)));
    const [{ data }] = await Promise.all([send(api, { method: 'GET', path: '/api/v1/clients?per_page=2' }), ...others]);
    expect(data.status).toBe(200);
    expect(data.statements).toHaveLength(2);
    expect(data.statements.every((s) => s.sql.includes(`${quote}tblclients${quote}`))).toBe(true);
    const untraced = await Promise.all(others);
    // An untraced call leaves nothing to claim.
    for (const reply of untraced) {
      expect(reply.status).toBe(200);
      expect(claimTrace(reply.headers.get('x-request-id') ?? '')).toBeUndefined();
    }
  });
});

describe('explorer (SQLite demo)', () => {
  let db: DemoDatabase;
  let api: SecureServer;
  beforeAll(async () => {
    db = await createSqliteDemo();
    api = await startSecureServer(db.url);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('passes a pasted token through with its own rights: no read on invoices → its 403 problem', async () => {
    const { token } = api.token({ read: ['clients'] });
    const { status, data } = await send(api, { method: 'GET', path: '/api/v1/invoices', auth: { kind: 'token', token } });
    expect(status).toBe(200);
    expect(data.status).toBe(403);
    expect(data.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = JSON.parse(data.body);
    expect(problem.code).toBe('PAS313');
    expect(data.statements).toEqual([]);
    // The same token reads what it may, with its rate limit announced.
    const allowed = await send(api, { method: 'GET', path: '/api/v1/clients?per_page=1', auth: { kind: 'token', token } });
    expect(allowed.data.status).toBe(200);
    expect(allowed.data.headers['ratelimit-limit']).toBeDefined();
    expect(allowed.data.statements.length).toBeGreaterThan(0);
  });

  it('traces the statements a write runs inside its transaction', async () => {
    const created = await send(api, { method: 'POST', path: '/api/v1/pas_tags', body: '{"name":"explorer tag","color":"#00ff00"}' });
    expect(created.data.status).toBe(201);
    const id = JSON.parse(created.data.body).data.id as number;
    expect(created.data.statements.map((s) => s.sql.split(' ')[0])).toEqual(['INSERT', 'SELECT']);
    expect(created.data.statements[0]?.params).toEqual(expect.arrayContaining(['explorer tag', '#00ff00']));
    const deleted = await send(api, { method: 'DELETE', path: `/api/v1/pas_tags/${id}` });
    expect(deleted.data.status).toBe(204);
    expect(deleted.data.statements.map((s) => s.sql.split(' ')[0])).toEqual(['DELETE']);
    expect(deleted.data.statements[0]?.params).toEqual([id]);
  });

  it('records sends in the history without the pasted token, newest first', async () => {
    const { token } = api.token({ read: ['clients'] });
    await send(api, { method: 'GET', path: '/api/v1/clients?per_page=1', auth: { kind: 'token', token } });
    const history = await api.admin('GET', '/admin/api/explorer/history?limit=5');
    expect(history.status).toBe(200);
    const newest = history.body.data[0] as SavedRequest;
    expect(newest.request).toMatchObject({ method: 'GET', path: '/api/v1/clients?per_page=1', auth: { kind: 'token' } });
    expect(newest.status).toBe(200);
    expect(newest.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(history.body)).not.toContain(token);
    // Nor anywhere in the store file (database and WAL as on disk).
    const file = `${api.dataDir}/studio.db`;
    const bytes = Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes(token)).toBe(false);
    expect((await api.admin('DELETE', '/admin/api/explorer/history')).status).toBe(204);
    expect((await api.admin('GET', '/admin/api/explorer/history')).body.data).toEqual([]);
  });

  it('keeps the history to the newest 200 sends', async () => {
    for (let i = 0; i < 205; i++) api.serving.store.requests.appendHistory({ method: 'GET', path: `/api/v1/clients?page=${i + 1}`, pii: false, auth: { kind: 'studio' } }, 200, 1);
    const history = (await api.admin('GET', '/admin/api/explorer/history?limit=1000')).body.data as SavedRequest[];
    expect(history).toHaveLength(200);
    expect(history[0]?.request.path).toBe('/api/v1/clients?page=205');
    expect(history.at(-1)?.request.path).toBe('/api/v1/clients?page=6');
  });

  it('saves, lists, renames, changes and deletes requests (a token is never kept)', async () => {
    const request = { method: 'POST', path: '/api/v1/graphql', body: '{"query":"{ clients { userid } }"}', pii: true, auth: { kind: 'token', token: 'pas_notkept123' } };
    const created = await api.admin('POST', '/admin/api/explorer/saved', { name: 'Clients (GraphQL)', request });
    expect(created.status).toBe(201);
    const saved = created.body.data as SavedRequest;
    expect(saved.request.auth).toEqual({ kind: 'token' });
    expect(JSON.stringify(created.body)).not.toContain('pas_notkept123');
    const listed = (await api.admin('GET', '/admin/api/explorer/saved')).body.data as SavedRequest[];
    expect(listed.map((s) => s.id)).toContain(saved.id);
    const renamed = await api.admin('PUT', `/admin/api/explorer/saved/${saved.id}`, { name: 'All clients' });
    expect(renamed.body.data).toMatchObject({ id: saved.id, name: 'All clients', request: { path: '/api/v1/graphql', pii: true } });
    const changed = await api.admin('PUT', `/admin/api/explorer/saved/${saved.id}`, { request: { ...request, path: '/api/v1/clients', method: 'GET', body: null } });
    expect(changed.body.data).toMatchObject({ name: 'All clients', request: { method: 'GET', path: '/api/v1/clients' } });
    expect((await api.admin('DELETE', `/admin/api/explorer/saved/${saved.id}`)).status).toBe(204);
    const gone = await api.admin('DELETE', `/admin/api/explorer/saved/${saved.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('PAS634');
    const invalid = await api.admin('POST', '/admin/api/explorer/saved', { name: '', request: { ...request, method: 'TRACE' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('PAS631');
  });

  it('refuses requests outside the data API and malformed ones (422 PAS631)', async () => {
    for (const path of ['/admin/api/tokens', '//evil.example/api/v1', '/api/v10/x', 'http://127.0.0.1/api/v1']) {
      const reply = await api.admin('POST', '/admin/api/explorer/send', { method: 'GET', path, auth: { kind: 'studio' }, pii: false });
      expect(reply.status, path).toBe(422);
      expect(reply.body.code).toBe('PAS631');
      expect(reply.body.errors[0].field).toBe('path');
    }
    const noToken = await api.admin('POST', '/admin/api/explorer/send', { method: 'GET', path: '/api/v1', auth: { kind: 'token' }, pii: false });
    expect(noToken.status).toBe(422);
  });

  it('makes code samples with the /api_docs generator, the real base URL and the token placeholder (or the pasted token)', async () => {
    const request = { method: 'GET', path: '/api/v1/invoices?filter[status]=2&per_page=5', auth: { kind: 'studio' }, pii: false };
    const reply = await api.admin('POST', '/admin/api/explorer/samples', request);
    expect(reply.status).toBe(200);
    const expected = codeSamples({ method: 'GET', path: '/invoices', query: [['filter[status]', '2'], ['per_page', '5']], body: null }, `${api.url}/api/v1`, 'pas_YOUR_TOKEN');
    expect(reply.body.data).toEqual(expected);
    const withToken = await api.admin('POST', '/admin/api/explorer/samples', {
      ...request,
      method: 'POST',
      path: '/api/v1/pas_tags',
      body: '{"name":"gold"}',
      auth: { kind: 'token', token: 'pas_abc' },
    });
    expect(withToken.body.data).toEqual(codeSamples({ method: 'POST', path: '/pas_tags', query: [], body: { name: 'gold' } }, `${api.url}/api/v1`, 'pas_abc'));
    // The page's own sample for the same request is the same text.
    const page = await api.request('GET', '/api_docs');
    const unescape = (html: string): string => html.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
    const pageCurls = [...page.text.matchAll(/<pre data-lang="curl"><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => unescape(m[1] ?? ''));
    const pageCurl = pageCurls.find((c) => /^curl -sS -g -X GET '[^']*\/api\/v1\/invoices(\?[^']*)?'/.test(c)) ?? '';
    expect(pageCurl).not.toBe('');
    const url = /'(http[^']+)'/.exec(pageCurl)?.[1] ?? '';
    const fromExplorer = await api.admin('POST', '/admin/api/explorer/samples', { ...request, path: url.slice(api.url.length) });
    expect(fromExplorer.body.data.curl).toBe(pageCurl);
  });

  it('lists endpoints, operators and list parameters for the whole whitelist', async () => {
    const reply = await api.admin('GET', '/admin/api/explorer/endpoints');
    expect(reply.status).toBe(200);
    const data = reply.body.data as ExplorerEndpoints;
    expect(data.baseUrl).toBe(api.url);
    const invoices = data.resources.find((r) => r.resource === 'invoices');
    expect(invoices?.table).toBe('tblinvoices');
    expect(invoices?.operations).toEqual(['read', 'create', 'update', 'delete']);
    expect(invoices?.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/invoices', 'GET /api/v1/invoices/{id}', 'POST /api/v1/invoices', 'PATCH /api/v1/invoices/{id}', 'DELETE /api/v1/invoices/{id}']),
    );
    expect(invoices?.fields.find((f) => f.name === 'total')).toMatchObject({ type: 'decimal', pii: false });
    expect(invoices?.fields.some((f) => f.name === 'adminnote')).toBe(false);
    expect(invoices?.relations.find((r) => r.name === 'client')).toMatchObject({ kind: 'to-one', target: 'clients' });
    const clients = data.resources.find((r) => r.resource === 'clients');
    expect(clients?.endpoints.map((e) => e.method)).toEqual(['GET', 'GET', 'GET']);
    expect(data.operators.map((o) => o.name)).toEqual(expect.arrayContaining(['eq', 'gte', 'like', 'in', 'is_null', 'between']));
    expect(data.operators.every((o) => o.description.length > 0)).toBe(true);
    expect(data.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['fields', 'filter', 'where', 'sort', 'page', 'per_page', 'count', 'format', 'include', 'has', 'limit', 'aggregate', 'group_by', 'having', 'since']),
    );
    expect(data.graphql).toEqual({ path: '/api/v1/graphql', enabled: true });
  });

  it('serves the GraphQL SDL the Studio\'s rights get: the same as a full-rights token reads from the API', async () => {
    const reply = await api.admin('GET', '/admin/api/explorer/graphql-schema');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(reply.text).toContain('type Query');
    expect(reply.text).toContain('createInvoice');
    const { token } = api.token(ALL as never);
    const fromApi = await api.request('GET', '/api/v1/graphql/schema.graphql', undefined, bearer(token));
    expect(reply.text).toBe(fromApi.text);
  });

  it('remembers the PII toggle (on by default)', async () => {
    expect((await api.admin('GET', '/admin/api/explorer/pii')).body.data).toEqual({ enabled: true });
    expect((await api.admin('PUT', '/admin/api/explorer/pii', { enabled: false })).body.data).toEqual({ enabled: false });
    expect(api.serving.store.settings.get('explorer.pii')).toBe(false);
    expect((await api.admin('GET', '/admin/api/explorer/pii')).body.data).toEqual({ enabled: false });
    expect((await api.admin('PUT', '/admin/api/explorer/pii', { enabled: 'yes' })).status).toBe(422);
  });

  it('logs the Studio\'s calls under its own marker and name', async () => {
    const { data } = await send(api, { method: 'GET', path: '/api/v1/staff?per_page=1', pii: true });
    expect(data.status).toBe(200);
    expect(data.piiRandomised).toBe(true);
    api.serving.flushAudit();
    const logs = await api.admin('GET', '/admin/api/logs?limit=50');
    const entry = logs.body.data.find((e: { requestId: string }) => e.requestId === data.requestId);
    expect(entry).toMatchObject({ tokenId: 'studio', tokenName: 'Studio explorer', path: '/api/v1/staff', status: 200 });
    // Found by the logs' token filter too.
    const filtered = await api.admin('GET', '/admin/api/logs?token=studio&limit=50');
    expect(filtered.body.data.map((e: { requestId: string }) => e.requestId)).toContain(data.requestId);
  });

  it('refuses a wrong explorer secret from this machine like a bad token', async () => {
    const { token } = api.token({ read: '*' });
    const wrong = await api.request('GET', '/api/v1/invoices', undefined, { 'x-pas-explorer': 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('PAS302');
    expect(wrong.text).not.toContain('not-the-secret');
    // A valid token does not rescue a wrong explorer secret.
    const withToken = await api.request('GET', '/api/v1/invoices', undefined, bearer(token, { 'x-pas-explorer': 'x' }));
    expect(withToken.status).toBe(401);
  });
});

describe('explorer header refusals that count as failed guesses', () => {
  let db: DemoDatabase;
  let api: SecureServer;
  beforeAll(async () => {
    db = await createSqliteDemo();
    api = await startSecureServer(db.url, { ipAuthFailuresPerMinute: 2 });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('throttles an address after repeated wrong explorer secrets', async () => {
    const { token } = api.token({ read: '*' });
    for (let i = 0; i < 2; i++) expect((await api.request('GET', '/api/v1/clients', undefined, { 'x-pas-explorer': `guess${i}` })).status).toBe(401);
    const next = await api.request('GET', '/api/v1/clients', undefined, bearer(token));
    expect(next.status).toBe(429);
  });
});

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a !== undefined && !a.internal && a.family === 'IPv4')?.address;
if (lanAddress === undefined) console.warn('skipping the LAN peer case: this machine has no non-loopback IPv4 address');

describe.skipIf(lanAddress === undefined)('explorer header from a LAN peer', () => {
  it('is refused (403 PAS630) before any secret is compared, and a token alone still works from there', async () => {
    const db = await createSqliteDemo();
    const api = await startSecureServer(db.url);
    try {
      await api.serving.setLan(true);
      const { token } = api.token({ read: '*' });
      const lan = `http://${lanAddress}:${api.serving.port}`;
      const refused = await getFrom(lanAddress ?? '', `${lan}/api/v1/clients?per_page=1`, bearer(token, { 'x-pas-explorer': 'anything' }));
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body).code).toBe('PAS630');
      const plain = await getFrom(lanAddress ?? '', `${lan}/api/v1/clients?per_page=1`, bearer(token));
      expect(plain.status).toBe(200);
    } finally {
      await api.close();
      await db.drop();
    }
  });
});

/** GET through node's http with a chosen local (source) address. */
function getFrom(localAddress: string, url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, localAddress, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}
