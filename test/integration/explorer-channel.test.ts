/**
 * The explorer's channel through the real security pipeline with a known secret (serve keeps its
 * secret to itself): what the pipeline hands to the transports for an explorer call (trace, PII
 * wish, the Studio's rights), that the right secret means nothing from a LAN peer, and
 * `sendExplorerRequest` itself (real HTTP, the 5 MB cap, the timeout).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whitelistAccess } from '../../src-server/engine/access.ts';
import type { Engine } from '../../src-server/engine/engine.ts';
import { loadEngine } from '../../src-server/engine/load-engine.ts';
import { currentTrace, tracing } from '../../src-server/explorer/request-trace.ts';
import { sendExplorerRequest } from '../../src-server/explorer/send-request.ts';
import { createErrorHandler } from '../../src-server/http/error-handler.ts';
import { requestContext } from '../../src-server/http/request-context.ts';
import { createSecurityPipeline, type SecurityPipeline } from '../../src-server/security/security-pipeline.ts';
import { DEFAULT_SECURITY_OPTIONS } from '../../src-server/security/security-options.ts';
import { createTempStore, type TempStore } from '../support/temp-store.ts';
import { createSqliteDemo, TEST_WHITELIST, type DemoDatabase } from '../support/test-server.ts';

const SECRET = 'test-explorer-secret-0123456789';

let db: DemoDatabase;
let engine: Engine;
let temp: TempStore;
let pipeline: SecurityPipeline;
let server: http.Server;
let base: string;
let token: string;

beforeAll(async () => {
  db = await createSqliteDemo();
  engine = await loadEngine({ db: db.url, whitelist: TEST_WHITELIST });
  temp = createTempStore();
  const store = temp.store;
  token = store.tokens.create({ name: 'reader', grants: { scopes: ['rest'], read: ['clients'], create: [], update: [], delete: [] } }).token;
  pipeline = createSecurityPipeline({ catalog: () => engine.catalog, tokens: store.tokens, audit: store.audit, options: DEFAULT_SECURITY_OPTIONS, logger: pino({ level: 'silent' }), explorerSecret: SECRET });
  const app = express();
  // As create-app.ts: the caller's X-Request-Id is kept (the explorer claims its trace by it).
  app.use((req, res, next) => {
    res.setHeader('X-Request-Id', req.get('x-request-id') ?? 'none');
    next();
  });
  // What a transport sees: the context the pipeline set, and whether its code runs inside a trace.
  app.use('/api/v1', pipeline.guard, (req, res) => {
    const context = requestContext(req);
    setImmediate(() =>
      res.json({
        token: context.token,
        studioRights: context.access.key === whitelistAccess(engine.catalog).key,
        traced: context.trace !== undefined && currentTrace() === context.trace,
        piiRequested: context.piiRequested ?? false,
      }),
    );
  });
  app.use(createErrorHandler(pino({ level: 'silent' })));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  pipeline?.close();
  temp?.dispose();
  await engine?.driver.close();
  await db?.drop();
});

async function get(headers: Record<string, string>, url = `${base}/api/v1/clients`): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the explorer channel in the security pipeline', () => {
  it('without a token: the Studio, with the whitelist\'s full rights, traced; the PII wish only when asked', async () => {
    const plain = await get({ 'x-pas-explorer': SECRET });
    expect(plain).toEqual({ status: 200, body: { token: { id: 'studio', name: 'Studio explorer' }, studioRights: true, traced: true, piiRequested: false } });
    const pii = await get({ 'x-pas-explorer': SECRET, 'x-pas-pii': 'randomise' });
    expect(pii.body.piiRequested).toBe(true);
  });

  it('with a token: that token and its rights, still traced', async () => {
    const reply = await get({ 'x-pas-explorer': SECRET, authorization: `Bearer ${token}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ token: { name: 'reader' }, studioRights: false, traced: true });
  });

  it('the PII header without the explorer secret is no wish at all, and nothing is traced', async () => {
    const reply = await get({ authorization: `Bearer ${token}`, 'x-pas-pii': 'randomise' });
    expect(reply.body).toMatchObject({ traced: false, piiRequested: false });
  });

  const lanAddress = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && !a.internal && a.family === 'IPv4')?.address;

  it.skipIf(lanAddress === undefined)('the right secret from a LAN peer is refused (403 PAS630)', async () => {
    const port = (server.address() as AddressInfo).port;
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get(`http://${lanAddress}:${port}/api/v1/clients`, { headers: { 'x-pas-explorer': SECRET }, localAddress: lanAddress, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).code).toBe('PAS630');
    expect(reply.body).not.toContain(SECRET);
  });
});

describe('sendExplorerRequest', () => {
  it('sends as the Studio through real HTTP and reports the answer', async () => {
    const answer = await sendExplorerRequest({ method: 'GET', path: '/api/v1/clients', auth: { kind: 'studio' }, pii: true }, { baseUrl: base, secret: SECRET });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ piiRequested: true, traced: true });
    expect(answer.timings.map((t) => t.name)).toEqual(['security']);
    // Once the traced request is over, AsyncLocalStorage is off again (no cost for untraced requests).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tracing()).toBe(false);
  });

  it('cuts an answer over the cap and says so', async () => {
    const big = http.createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/plain');
      res.end('x'.repeat(200_000));
    });
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(big.address() as AddressInfo).port}`;
      const cut = await sendExplorerRequest({ method: 'GET', path: '/api/v1/big', auth: { kind: 'studio' }, pii: false }, { baseUrl: url, secret: SECRET, maxBytes: 10_000 });
      expect(cut).toMatchObject({ status: 200, truncated: true, sizeBytes: 10_000 });
      expect(cut.body).toBe('x'.repeat(10_000));
      const whole = await sendExplorerRequest({ method: 'GET', path: '/api/v1/big', auth: { kind: 'studio' }, pii: false }, { baseUrl: url, secret: SECRET });
      expect(whole).toMatchObject({ truncated: false, sizeBytes: 200_000 });
    } finally {
      big.closeAllConnections();
      await new Promise((resolve) => big.close(resolve));
    }
  });

  it('gives up after the timeout with 504 PAS632, and 502 PAS633 when nothing listens', async () => {
    const hung = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    try {
      await expect(sendExplorerRequest({ method: 'GET', path: '/api/v1', auth: { kind: 'studio' }, pii: false }, { baseUrl: url, secret: SECRET, timeoutMs: 200 })).rejects.toMatchObject({ code: 'PAS632', status: 504 });
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
    await expect(sendExplorerRequest({ method: 'GET', path: '/api/v1', auth: { kind: 'studio' }, pii: false }, { baseUrl: url, secret: SECRET })).rejects.toMatchObject({ code: 'PAS633', status: 502 });
  });
});
