/**
 * `GET /admin/api/logs` over HTTP against the real server (`serve` on the demo database): entries name
 * their token, `before` pages back, `after` reads forward oldest first (the Studio's live tail).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-shared/admin-api.ts';
import { serve, type Serving } from '../../src-server/server/serve.ts';
import { requester } from '../support/test-server.ts';

let serving: Serving;
let dataDir: string;
let request: ReturnType<typeof requester>;
let tokenId: string;
let secret: string;

const admin = (pathAndQuery: string) => request('GET', pathAndQuery, undefined, { 'x-pas-admin-token': serving.adminToken });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-admin-logs-'));
  serving = await serve({ db: undefined, dataDir, port: 0, logger: pino({ level: 'silent' }), demoToken: false });
  request = requester(serving.url);
  const created = serving.store.tokens.create({
    name: 'tail tester',
    grants: { scopes: ['rest'], read: ['invoices'], create: [], update: [], delete: [] },
  });
  tokenId = created.record.id;
  secret = created.token;
  for (const id of ['logs-1', 'logs-2', 'logs-3']) {
    await request('GET', '/api/v1/invoices?per_page=1', undefined, { authorization: `Bearer ${secret}`, 'x-request-id': id });
  }
  await request('GET', '/api/v1/invoices', undefined, { 'x-request-id': 'logs-anon' });
  serving.flushAudit();
});

afterAll(async () => {
  await serving?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /admin/api/logs', () => {
  it('names the token of each entry, and leaves the name out where there is no token', async () => {
    const r = await admin('/admin/api/logs?limit=10');
    expect(r.status).toBe(200);
    const entries = (r.body as { data: AuditEntry[] }).data;
    expect(entries.map((e) => e.requestId)).toEqual(['logs-anon', 'logs-3', 'logs-2', 'logs-1']);
    expect(entries[1]).toMatchObject({ tokenId, tokenName: 'tail tester', status: 200, rows: 1 });
    expect(entries[0]).toMatchObject({ tokenId: null, status: 401 });
    expect(entries[0]).not.toHaveProperty('tokenName');
  });

  it('pages back with before and forward with after (oldest first), each with its links.next', async () => {
    const newest = await admin('/admin/api/logs?limit=2');
    const page = newest.body as { data: AuditEntry[]; links: { next: string } };
    expect(page.data.map((e) => e.requestId)).toEqual(['logs-anon', 'logs-3']);
    expect(page.links.next).toBe(`/admin/api/logs?limit=2&before=${page.data[1]!.id}`);
    const older = (await admin(page.links.next)).body as { data: AuditEntry[]; links: { next: string | null } };
    expect(older.data.map((e) => e.requestId)).toEqual(['logs-2', 'logs-1']);
    expect(older.links.next).toBeNull();

    const first = older.data[1]!.id;
    const tail = (await admin(`/admin/api/logs?after=${first}&limit=2`)).body as { data: AuditEntry[]; links: { next: string } };
    expect(tail.data.map((e) => e.requestId)).toEqual(['logs-2', 'logs-3']);
    expect(tail.links.next).toBe(`/admin/api/logs?after=${tail.data[1]!.id}&limit=2`);
    const rest = (await admin(tail.links.next)).body as { data: AuditEntry[]; links: { next: string | null } };
    expect(rest.data.map((e) => e.requestId)).toEqual(['logs-anon']);
    expect(rest.links.next).toBeNull();
    const nothing = (await admin(`/admin/api/logs?after=${rest.data[0]!.id}`)).body as { data: AuditEntry[] };
    expect(nothing.data).toEqual([]);
  });

  it('combines after with the filters, and refuses a bad cursor with PAS112', async () => {
    const mine = (await admin(`/admin/api/logs?after=0&token=${tokenId}`)).body as { data: AuditEntry[] };
    expect(mine.data.map((e) => e.requestId)).toEqual(['logs-1', 'logs-2', 'logs-3']);
    const refused = (await admin('/admin/api/logs?after=0&status_class=4xx')).body as { data: AuditEntry[] };
    expect(refused.data.map((e) => e.requestId)).toEqual(['logs-anon']);
    const bad = await admin('/admin/api/logs?after=-1');
    expect([bad.status, (bad.body as { code: string }).code]).toEqual([400, 'PAS112']);
  });
});
