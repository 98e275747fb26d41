/**
 * The six security stages through the real composition root (`serve`): each right request passes,
 * each wrong one is refused with the documented status, problem code and headers.
 */
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

/** A GET with headers fetch refuses to set (Host). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

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

/** Signs as a client following the README's recipe, independently of the server's code. */
function signed(secret: string, method: string, pathAndQuery: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const [path = '', query = ''] = pathAndQuery.split('?');
  const sortedQuery = [...new URLSearchParams(query)]
    .sort(([a, va], [b, vb]) => (a === b ? (va < vb ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const canonical = [method, path, sortedQuery, createHash('sha256').update(body).digest('hex'), String(timestamp)].join('\n');
  return { 'x-timestamp': String(timestamp), 'x-signature': createHmac('sha256', secret).update(canonical).digest('hex') };
}

describe('without any token', () => {
  it('refuses every data call and explains how to create a token (PAS314)', async () => {
    const fresh = await startSecureServer(db.url);
    try {
      const r = await fresh.request('GET', '/api/v1/invoices');
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('PAS314');
      expect(r.body.hint).toContain('token create');
      expect(r.headers.get('www-authenticate')).toContain('Bearer');
    } finally {
      await fresh.close();
    }
  });
});

describe('GET /api/v1/health', () => {
  it('answers without a token, with no CRM data, pass while the database answers', async () => {
    const r = await api.request('GET', '/api/v1/health');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/health+json');
    expect(r.body.status).toBe('pass');
    const [db] = r.body.checks['database:responseTime'];
    expect(db).toMatchObject({ componentType: 'datastore', componentId: 'sqlite', status: 'pass', observedUnit: 'ms' });
    expect(Object.keys(r.body).sort()).toEqual(['checks', 'status', 'uptimeSeconds']);
  });

  it('fails with 503 when the database does not answer', async () => {
    const broken = await startSecureServer(db.url);
    try {
      await broken.serving.engine.driver.close();
      const r = await broken.request('GET', '/api/v1/health');
      expect(r.status).toBe(503);
      expect(r.body.status).toBe('fail');
      expect(r.body.checks['database:responseTime'][0].output).toBeTruthy();
    } finally {
      await broken.serving.close().catch(() => undefined);
      fs.rmSync(broken.dataDir, { recursive: true, force: true });
    }
  });
});

describe('auth, cors, rights: a table of refusals', () => {
  let reader: string;
  beforeAll(() => {
    reader = api.token({ read: ['invoices', 'clients'] }).token;
  });

  it('lets a valid token through, with OWASP headers, no-store and RateLimit headers', async () => {
    const r = await api.request('GET', '/api/v1/invoices?per_page=2', undefined, bearer(reader));
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(2);
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('ratelimit-limit')).toBe('600');
    expect(r.headers.get('ratelimit-remaining')).toBe('599');
    expect(r.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('GET /api/v1/auth/test describes the token without CRM data', async () => {
    const r = await api.request('GET', '/api/v1/auth/test', undefined, bearer(reader));
    expect(r.status).toBe(200);
    expect(r.body.data.token.name).toMatch(/^test \d+$/);
    expect(r.body.data.scopes).toEqual(['rest', 'graphql', 'views']);
    expect(r.body.data.resources).toMatchObject({ readable: 2, writable: 0 });
    expect(Date.parse(r.body.data.serverTime)).toBeGreaterThan(0);
  });

  it.each([
    ['missing token → 401 PAS301', {}, 'PAS301'],
    ['not a bearer token → 401 PAS302', { authorization: 'Basic dXNlcjpwYXNz' }, 'PAS302'],
    ['malformed token → 401 PAS302', { authorization: 'Bearer nope' }, 'PAS302'],
    ['unknown token → 401 PAS302', { authorization: `Bearer pas_${'A'.repeat(43)}` }, 'PAS302'],
  ])('%s, with WWW-Authenticate', async (_label, headers, code) => {
    const r = await api.request('GET', '/api/v1/invoices', undefined, headers as Record<string, string>);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe(code);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="perfex-api-studio"/);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a revoked token', async () => {
    const { token, id } = api.token({ read: '*' });
    expect((await api.request('GET', '/api/v1/invoices', undefined, bearer(token))).status).toBe(200);
    api.serving.store.tokens.revoke(id);
    const r = await api.request('GET', '/api/v1/invoices', undefined, bearer(token));
    expect([r.status, r.body.code]).toEqual([401, 'PAS302']);
  });

  it('refuses an expired token (PAS303)', async () => {
    const { token } = api.token({ read: '*' }, { expiresAt: new Date(Date.now() + 1200).toISOString() });
    expect((await api.request('GET', '/api/v1/invoices', undefined, bearer(token))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const r = await api.request('GET', '/api/v1/invoices', undefined, bearer(token));
    expect([r.status, r.body.code]).toEqual([401, 'PAS303']);
  });

  it('checks the IP allow-list (PAS304)', async () => {
    const outside = api.token({ read: '*' }, { ipAllow: ['10.0.0.0/8', 'fd00::/8'] }).token;
    const inside = api.token({ read: '*' }, { ipAllow: ['10.0.0.0/8', '127.0.0.0/8'] }).token;
    const r = await api.request('GET', '/api/v1/invoices', undefined, bearer(outside));
    expect([r.status, r.body.code]).toEqual([403, 'PAS304']);
    expect((await api.request('GET', '/api/v1/invoices', undefined, bearer(inside))).status).toBe(200);
  });

  it('answers CORS preflights without a token, and enforces the token origins after auth (PAS305)', async () => {
    const pre = await api.request('OPTIONS', '/api/v1/invoices', undefined, {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');

    const token = api.token({ read: '*' }, { origins: ['https://app.example'] }).token;
    const ok = await api.request('GET', '/api/v1/invoices', undefined, bearer(token, { origin: 'https://app.example' }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const bad = await api.request('GET', '/api/v1/invoices', undefined, bearer(token, { origin: 'https://evil.example' }));
    expect([bad.status, bad.body.code]).toEqual([403, 'PAS305']);
    // Server-to-server calls carry no Origin and are not a browser matter.
    expect((await api.request('GET', '/api/v1/invoices', undefined, bearer(token))).status).toBe(200);
  });

  it('refuses reading a resource outside the token rights (PAS313)', async () => {
    const r = await api.request('GET', '/api/v1/leads', undefined, bearer(reader));
    expect([r.status, r.body.code]).toEqual([403, 'PAS313']);
    const index = await api.request('GET', '/api/v1', undefined, bearer(reader));
    expect(index.body.data.map((e: { name: string }) => e.name).sort()).toEqual(['clients', 'invoices']);
  });

  it('refuses a filter or sort through a relation into an unreadable resource', async () => {
    const invoicesOnly = api.token({ read: ['invoices'] }).token;
    const filter = await api.request('GET', '/api/v1/invoices?filter[client.company.like]=A%25', undefined, bearer(invoicesOnly));
    expect([filter.status, filter.body.code]).toEqual([403, 'PAS313']);
    const sort = await api.request('GET', '/api/v1/invoices?sort=client.company', undefined, bearer(invoicesOnly));
    expect([sort.status, sort.body.code]).toEqual([403, 'PAS313']);
    const allowed = await api.request('GET', '/api/v1/invoices?filter[client.company.like]=A%25&per_page=1', undefined, bearer(reader));
    expect(allowed.status).toBe(200);
  });

  it('refuses writes without the write scope (PAS312) or without the right on the resource (PAS313)', async () => {
    const lead = { name: 'Ada Lovelace', status: 1, source: 1, assigned: 0, addedfrom: 0 };
    const noScope = await api.request('POST', '/api/v1/leads', lead, bearer(api.token({ read: '*' }).token));
    expect([noScope.status, noScope.body.code]).toEqual([403, 'PAS312']);
    const otherResource = api.token({ scopes: ['rest', 'write'], read: '*', create: ['invoices'] }).token;
    const wrong = await api.request('POST', '/api/v1/leads', lead, bearer(otherResource));
    expect([wrong.status, wrong.body.code]).toEqual([403, 'PAS313']);
    const writer = api.token({ scopes: ['rest', 'write'], read: ['leads'], create: ['leads'] }).token;
    const created = await api.request('POST', '/api/v1/leads', lead, bearer(writer));
    expect(created.status).toBe(201);
    // The right to create is not the right to delete.
    const del = await api.request('DELETE', `/api/v1/leads/${created.body.data.id}`, undefined, bearer(writer));
    expect([del.status, del.body.code]).toEqual([403, 'PAS313']);
  });

  it('refuses the GraphQL endpoint to a token without the graphql scope (PAS312)', async () => {
    const restOnly = api.token({ scopes: ['rest'], read: '*' }).token;
    const r = await api.request('POST', '/api/v1/graphql', { query: '{ __typename }' }, bearer(restOnly));
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('PAS312');
  });
});

describe('GraphQL behind the pipeline', () => {
  it('passes every graphql-http server audit with a token, the shield reading the body', async () => {
    const token = api.token({ scopes: ['graphql'], read: '*' }).token;
    const fetchFn: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const failed: string[] = [];
    for (const audit of serverAudits({ url: `${api.url}/api/v1/graphql`, fetchFn })) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });

  it('has no mutation for a token without the write right, and runs it for one with it', async () => {
    const mutation = 'mutation { createLead(input: { name: "Via GraphQL", status: 1, source: 1, assigned: 0, addedfrom: 0 }) { success affected_rows } }';
    const json = { accept: 'application/graphql-response+json' };
    // Read-only: the schema has no Mutation type at all.
    const reader = api.token({ scopes: ['graphql'], read: ['leads'] }).token;
    const none = await api.request('POST', '/api/v1/graphql', { query: mutation }, bearer(reader, json));
    expect(none.body.errors[0].message).toMatch(/not configured to execute mutation/);
    expect(none.body.data).toBeNull();
    // May create invoices but not leads: createLead does not exist for it.
    const other = api.token({ scopes: ['graphql', 'write'], read: ['leads'], create: ['invoices'] }).token;
    const refused = await api.request('POST', '/api/v1/graphql', { query: mutation }, bearer(other, json));
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/Cannot query field "createLead"/);
    const leads = await api.request('GET', '/api/v1/leads?filter[name]=Via%20GraphQL', undefined, bearer(api.token({ read: ['leads'] }).token));
    expect(leads.body.meta.total).toBe(0);
    const writer = api.token({ scopes: ['graphql', 'write'], read: ['leads'], create: ['leads'] }).token;
    const done = await api.request('POST', '/api/v1/graphql', { query: mutation }, bearer(writer, { accept: 'application/graphql-response+json' }));
    expect(done.status).toBe(200);
    expect(done.body.data.createLead).toEqual({ success: true, affected_rows: 1 });
  });

  it('does not expose relations into unreadable resources', async () => {
    const token = api.token({ scopes: ['graphql'], read: ['invoices'] }).token;
    const r = await api.request('POST', '/api/v1/graphql', { query: '{ invoices(limit: 1) { id client { company } } }' }, bearer(token, { accept: 'application/graphql-response+json' }));
    expect(r.status, r.text).toBe(400);
    expect(JSON.stringify(r.body.errors)).toContain('client');
    const ok = await api.request('POST', '/api/v1/graphql', { query: '{ invoices(limit: 1) { id } }' }, bearer(token));
    expect(ok.body.data.invoices).toHaveLength(1);
  });
});

describe('HMAC-signed tokens', () => {
  let token: string;
  let secret: string;
  beforeAll(() => {
    const created = api.token({ scopes: ['rest', 'write'], read: ['leads'], create: ['leads'] }, { hmac: true });
    token = created.token;
    secret = created.hmacSecret ?? '';
    expect(secret.length).toBeGreaterThan(20);
  });

  it('accepts a correctly signed GET and POST (query sorted, body hashed)', async () => {
    const path = '/api/v1/leads?per_page=2&fields=id,name';
    const get = await api.request('GET', path, undefined, bearer(token, signed(secret, 'GET', path, '')));
    expect(get.status).toBe(200);
    const body = JSON.stringify({ name: 'Signed Lead', status: 1, source: 1, assigned: 0, addedfrom: 0 });
    const post = await api.request('POST', '/api/v1/leads', body, bearer(token, signed(secret, 'POST', '/api/v1/leads', body)));
    expect(post.status).toBe(201);
  });

  it.each([
    ['no signature → 401 PAS307', () => ({}), 'PAS307'],
    ['stale timestamp → 401 PAS307', () => signed(secret, 'GET', '/api/v1/leads', '', Math.floor(Date.now() / 1000) - 301), 'PAS307'],
    ['wrong signature → 401 PAS306', () => ({ ...signed(secret, 'GET', '/api/v1/leads', ''), 'x-signature': 'ab'.repeat(32) }), 'PAS306'],
    ['signature of another path → 401 PAS306', () => signed(secret, 'GET', '/api/v1/clients', ''), 'PAS306'],
    ['signature with another secret → 401 PAS306', () => signed('not-the-secret', 'GET', '/api/v1/leads', ''), 'PAS306'],
  ])('%s', async (_label, headers, code) => {
    const r = await api.request('GET', '/api/v1/leads', undefined, bearer(token, headers()));
    expect([r.status, r.body.code]).toEqual([401, code]);
  });

  it('refuses a replayed signature (PAS308)', async () => {
    const headers = bearer(token, signed(secret, 'GET', '/api/v1/leads?per_page=1', ''));
    expect((await api.request('GET', '/api/v1/leads?per_page=1', undefined, headers)).status).toBe(200);
    const replay = await api.request('GET', '/api/v1/leads?per_page=1', undefined, headers);
    expect([replay.status, replay.body.code]).toEqual([401, 'PAS308']);
  });

  it('refuses a signed body that was changed in transit', async () => {
    const body = JSON.stringify({ name: 'Original', status: 1, source: 1, assigned: 0, addedfrom: 0 });
    const headers = bearer(token, signed(secret, 'POST', '/api/v1/leads', body));
    const r = await api.request('POST', '/api/v1/leads', body.replace('Original', 'Tampered'), headers);
    expect([r.status, r.body.code]).toEqual([401, 'PAS306']);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once the token budget is used, only for that token (PAS309)', async () => {
    const limited = api.token({ read: '*' }, { rateLimit: 5 }).token;
    const other = api.token({ read: '*' }).token;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(limited))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(limited));
    expect([over.status, over.body.code]).toEqual([429, 'PAS309']);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('ratelimit-remaining')).toBe('0');
    expect((await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(other))).status).toBe(200);
  });

  it('throttles an address that keeps guessing tokens, even with a valid token afterwards (PAS310)', async () => {
    const strict = await startSecureServer(db.url, { ipAuthFailuresPerMinute: 3 });
    try {
      const valid = strict.token({ read: '*' }).token;
      for (let i = 0; i < 3; i++) {
        const guess = await strict.request('GET', '/api/v1/invoices', undefined, bearer(`pas_${String(i).repeat(43)}`));
        expect(guess.body.code).toBe('PAS302');
      }
      const r = await strict.request('GET', '/api/v1/invoices', undefined, bearer(valid));
      expect([r.status, r.body.code]).toEqual([429, 'PAS310']);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('throttles any address above its request budget (PAS310)', async () => {
    const strict = await startSecureServer(db.url, { ipRequestsPerMinute: 3 });
    try {
      const valid = strict.token({ read: '*' }).token;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await strict.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(valid))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('shield', () => {
  let writer: string;
  beforeAll(() => {
    writer = api.token({ scopes: ['rest', 'write'], read: ['leads'], create: ['leads'] }).token;
  });

  it('refuses a body over 256 KB with 413 (PAS116), declared or streamed', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(300 * 1024) });
    const r = await api.request('POST', '/api/v1/leads', big, bearer(writer));
    expect([r.status, r.body.code]).toEqual([413, 'PAS116']);
  });

  it('refuses JSON nested deeper than 10 levels with 400 (PAS117)', async () => {
    const deep = `{"name":"x","description":${'['.repeat(11)}${']'.repeat(11)}}`;
    const r = await api.request('POST', '/api/v1/leads', deep, bearer(writer));
    expect([r.status, r.body.code]).toEqual([400, 'PAS117']);
    // A 100,000-level body is refused the same way, without a stack overflow.
    const hostile = await api.request('POST', '/api/v1/leads', '['.repeat(100_000), bearer(writer));
    expect([hostile.status, hostile.body.code]).toEqual([400, 'PAS117']);
  });

  it('refuses a query string over 8 KB with 400 (PAS118)', async () => {
    const r = await api.request('GET', `/api/v1/invoices?filter[id.in]=${'1,'.repeat(4200)}1`, undefined, bearer(writer));
    expect([r.status, r.body.code]).toEqual([400, 'PAS118']);
  });

  it('refuses malformed JSON with 400 (PAS113)', async () => {
    const r = await api.request('POST', '/api/v1/leads', '{"name": ', bearer(writer));
    expect([r.status, r.body.code]).toEqual([400, 'PAS113']);
  });
});

describe('audit log and admin API', () => {
  it('records one entry per request, refused ones included, readable with filters', async () => {
    const { token, id } = api.token({ read: ['invoices'] });
    await api.request('GET', '/api/v1/invoices?per_page=3', undefined, bearer(token, { 'x-request-id': 'audit-check-1' }));
    await api.request('GET', '/api/v1/clients', undefined, bearer(token));
    await api.request('GET', '/api/v1/invoices', undefined, { 'x-request-id': 'audit-check-anon' });
    api.serving.flushAudit();
    const mine = await api.admin('GET', `/admin/api/logs?token=${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((e: { status: number }) => e.status)).toEqual([403, 200]);
    const ok = mine.body.data[1];
    expect(ok).toMatchObject({ tokenId: id, method: 'GET', path: '/api/v1/invoices', status: 200, rows: 3, requestId: 'audit-check-1', ip: '127.0.0.1' });
    expect(ok.durationMs).toBeGreaterThan(0);
    const refused = await api.admin('GET', '/admin/api/logs?status=401&limit=1000');
    expect(refused.body.data.some((e: { requestId: string; tokenId: string | null }) => e.requestId === 'audit-check-anon' && e.tokenId === null)).toBe(true);
    const bad = await api.admin('GET', '/admin/api/logs?status=abc');
    expect([bad.status, bad.body.code]).toEqual([400, 'PAS112']);
  });

  it('manages tokens: create (secret shown once), use, restrict, revoke', async () => {
    const created = await api.admin('POST', '/admin/api/tokens', { name: 'dashboard', read: ['invoices'], rateLimit: 100 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^pas_[0-9A-Za-z]{43}$/);
    expect(JSON.stringify(created.body.data)).not.toContain(created.body.token);
    const id = created.body.data.id;
    expect((await api.request('GET', '/api/v1/invoices', undefined, bearer(created.body.token))).status).toBe(200);
    const listed = await api.admin('GET', '/admin/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(listed.body.data.some((t: { id: string }) => t.id === id)).toBe(true);
    const patched = await api.admin('PATCH', `/admin/api/tokens/${id}`, { read: ['clients'] });
    expect(patched.body.data.grants.read).toEqual(['clients']);
    expect((await api.request('GET', '/api/v1/invoices', undefined, bearer(created.body.token))).status).toBe(403);
    expect((await api.admin('DELETE', `/admin/api/tokens/${id}`)).status).toBe(204);
    expect((await api.request('GET', '/api/v1/clients', undefined, bearer(created.body.token))).status).toBe(401);
    const invalid = await api.admin('POST', '/admin/api/tokens', { name: 'x', ipAllow: ['10.0.0.0/99'] });
    expect([invalid.status, invalid.body.code]).toEqual([422, 'PAS401']);
    expect(invalid.body.errors[0].field).toContain('ipAllow');
  });

  it('refuses admin calls without the session token (PAS316) or with a foreign Host (PAS315)', async () => {
    const none = await api.request('GET', '/admin/api/tokens');
    expect([none.status, none.body.code]).toEqual([401, 'PAS316']);
    const wrong = await api.request('GET', '/admin/api/tokens', undefined, { 'x-pas-admin-token': 'guess' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'PAS316']);
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends its own Host (fetch cannot set Host).
    const rebound = await rawGet(api.url, '/admin/api/tokens', { host: 'evil.example:80', 'x-pas-admin-token': api.serving.adminToken });
    expect([rebound.status, JSON.parse(rebound.body).code]).toEqual([403, 'PAS315']);
    expect((await rawGet(api.url, '/', { host: 'evil.example' })).status).toBe(403);
    expect((await rawGet(api.url, '/admin/api/tokens', { host: `localhost:${api.serving.port}`, 'x-pas-admin-token': api.serving.adminToken })).status).toBe(200);
  });

  it('moves the session from the printed Studio URL into an HttpOnly cookie', async () => {
    const res = await fetch(api.serving.studioUrl, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pas_admin_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict/);
    const r = await api.request('GET', '/admin/api/tokens', undefined, { cookie: cookie.split(';')[0] ?? '' });
    expect(r.status).toBe(200);
  });

  it('reads and changes the stored security limits, validating every key', async () => {
    const before = await api.admin('GET', '/admin/api/settings/security');
    expect(before.body.data.effective).toMatchObject({ maxBodyBytes: 262144, maxJsonDepth: 10, maxQueryBytes: 8192, statementTimeoutMs: 10000 });
    const changed = await api.admin('PATCH', '/admin/api/settings/security', { maxBodyBytes: 524288 });
    expect(changed.status).toBe(200);
    expect(changed.body.data.stored).toEqual({ maxBodyBytes: 524288 });
    const unknown = await api.admin('PATCH', '/admin/api/settings/security', { maxBody: 1 });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'PAS401']);
    expect(unknown.body.detail).toContain('unknown security setting "maxBody"');
    const invalid = await api.admin('PATCH', '/admin/api/settings/security', { maxJsonDepth: 0 });
    expect(invalid.status).toBe(422);
    expect((await api.admin('PATCH', '/admin/api/settings/security', { maxBodyBytes: null })).body.data.stored).toEqual({});
    const graphql = await api.admin('PATCH', '/admin/api/settings/graphql', { maxDepth: 12, introspection: false });
    expect(graphql.body.data.effective).toMatchObject({ maxDepth: 12, introspection: false, maxComplexity: 5000 });
    expect((await api.admin('GET', '/admin/api/settings/nope')).status).toBe(404);
  });

  it('applies the stored limits at launch', async () => {
    const strict = await startSecureServer(db.url, {}, { graphql: { maxDepth: 2 }, security: { maxQueryBytes: 300 } });
    try {
      const token = strict.token({ scopes: ['rest', 'graphql'], read: '*' }).token;
      const deep = await strict.request('POST', '/api/v1/graphql', { query: '{ invoices(limit: 1) { client { company } } }' }, bearer(token));
      expect(deep.body.errors[0].extensions.code).toBe('PAS120');
      const long = await strict.request('GET', `/api/v1/invoices?filter[id.in]=${'1,'.repeat(200)}1`, undefined, bearer(token));
      expect(long.body.code).toBe('PAS118');
    } finally {
      await strict.close();
    }
  });

  it('never writes a plain token to the store file', async () => {
    const { token } = api.token({ read: '*' });
    await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(token));
    api.serving.flushAudit();
    const files = fs.readdirSync(api.dataDir).filter((f) => f.startsWith('studio.db'));
    expect(files).toContain('studio.db-wal');
    for (const file of files) {
      const bytes = fs.readFileSync(`${api.dataDir}/${file}`);
      expect(bytes.includes(Buffer.from(token)), file).toBe(false);
      expect(bytes.includes(Buffer.from(token.slice(4))), file).toBe(false);
    }
  });
});
