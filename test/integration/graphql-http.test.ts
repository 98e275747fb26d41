/**
 * The GraphQL transport on SQLite and MariaDB: GraphQL-over-HTTP conformance (graphql-http's own
 * server audits), GET and POST, the SDL route, the limits (depth, complexity, aliases, list size)
 * with their defaults and configured, introspection switched off, the schema pruned to the
 * caller's rights, the `graphql` scope, and what the transport reports (rows, Server-Timing).
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { serverAudits } from 'graphql-http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src-server/catalog/catalog.ts';
import { accessFromGrants, type Access } from '../../src-server/engine/access.ts';
import { loadEngine } from '../../src-server/engine/load-engine.ts';
import type { GraphqlOptions } from '../../src-server/graphql/create-graphql-router.ts';
import { createApp } from '../../src-server/http/create-app.ts';
import { setRequestContext, type RequestContext } from '../../src-server/http/request-context.ts';
import { startServer, type RunningServer } from '../../src-server/server/start-server.ts';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, TEST_WHITELIST, useDemoServer, type DemoDatabase } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON of any shape
type Json = any;

async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  accept = 'application/graphql-response+json',
): Promise<{ status: number; headers: Headers; body: Json }> {
  const res = await fetch(`${url}/api/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A server over the same database with GraphQL options and the rights a token would have. */
async function startWith(
  dbUrl: string,
  graphql: Partial<GraphqlOptions>,
  rights?: (catalog: Catalog) => Access,
): Promise<{ server: RunningServer; contexts: RequestContext[]; close(): Promise<void> }> {
  const engine = await loadEngine({ db: dbUrl, whitelist: TEST_WHITELIST });
  const contexts: RequestContext[] = [];
  const access =
    rights?.(engine.catalog) ??
    accessFromGrants(engine.catalog, {
      scopes: ['graphql', 'write'],
      read: '*',
      create: '*',
      update: '*',
      delete: '*',
    });
  const guard: RequestHandler = (req, _res, next) => {
    const context: RequestContext = { requestId: randomUUID(), access };
    contexts.push(context);
    setRequestContext(req, context);
    next();
  };
  const server = await startServer(
    createApp(engine, { logger: pino({ level: 'silent' }), guard, graphql }),
    '127.0.0.1',
    0,
  );
  return {
    server,
    contexts,
    async close() {
      await server.close();
      await engine.driver.close();
    },
  };
}

describe.each(demoDialects('graphql_http', withMysql))('GraphQL transport on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  // useDemoServer keeps the database beside the server; these tests start more servers over it.
  const dbUrl = (): string => (ctx as { db?: DemoDatabase }).db?.url ?? '';

  it.skipIf(skip)('passes every graphql-http server audit (GraphQL over HTTP)', async () => {
    const audits = serverAudits({ url: `${ctx.api.url}/api/v1/graphql` });
    expect(audits.length).toBeGreaterThan(30);
    const failed: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });

  it.skipIf(skip)('answers queries over GET and POST, mutations over POST only', async () => {
    const query = encodeURIComponent('{ invoices(limit: 2, sort: "id") { id } }');
    const get = await fetch(`${ctx.api.url}/api/v1/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { invoices: [{ id: 1 }, { id: 2 }] } });
    const mutation = encodeURIComponent('mutation { deletePasTag(id: 2) { success } }');
    const refused = await fetch(`${ctx.api.url}/api/v1/graphql?query=${mutation}`, {
      headers: { accept: 'application/json' },
    });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('POST');
    const viaPost = await post(ctx.api.url, '{ invoices(limit: 1) { id } }');
    expect(viaPost.status).toBe(200);
    expect(viaPost.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(viaPost.headers.get('server-timing')).toMatch(
      /parse;dur=[\d.]+, validate;dur=[\d.]+, plan;dur=[\d.]+, execute;dur=[\d.]+/,
    );
    expect(viaPost.headers.get('cache-control')).toBe('no-store');
    const syntax = await post(ctx.api.url, '{ invoices(limit: 1) { id }');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].extensions).toMatchObject({ code: 'PAS124', status: 400 });
  });

  it.skipIf(skip)('serves the SDL of the caller’s schema, without sensitive or hidden columns', async () => {
    const r = await ctx.api.get('/api/v1/graphql/schema.graphql');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.text).toMatch(/^type Invoice \{$/m);
    expect(r.text).toMatch(/^ {2}invoicesAggregate\($/m);
    expect(r.text).toMatch(/^input InvoiceFilter \{$/m);
    // Sensitive columns (hash tokens) exist in no type; the whitelist hides invoices.adminnote.
    expect(r.text).not.toMatch(/^\s+hash\b/m);
    for (const type of [
      'type Invoice',
      'input InvoiceFilter',
      'input InvoiceCreateInput',
      'input InvoiceUpdateInput',
      'input InvoiceOrderBy',
    ]) {
      const block = new RegExp(`^${type} \\{[\\s\\S]*?^\\}`, 'm').exec(r.text)?.[0] ?? '';
      expect(block, type).toMatch(/\bduedate\b/);
      expect(block, type).not.toMatch(/\badminnote/);
    }
    expect(/^type Estimate \{[\s\S]*?^\}/m.exec(r.text)?.[0]).toMatch(/^ {2}adminnote: String$/m);
  });

  it.skipIf(skip)('refuses operations over the default limits before running anything', async () => {
    let statements = 0;
    const stop = ctx.api.engine.driver.onStatement(() => statements++);
    try {
      const deep = await post(
        ctx.api.url,
        '{ invoices(limit: 1) { client { invoices(limit: 1) { client { invoices(limit: 1) { client { invoices(limit: 1) { client { company } } } } } } } } }',
      );
      expect(deep.status).toBe(400);
      expect(deep.body.errors[0].extensions).toMatchObject({ code: 'PAS120', status: 400 });
      expect(deep.body.errors[0].message).toMatch(/9 levels deep; the limit is 8/);
      const complex = await post(ctx.api.url, '{ invoices(limit: 500) { payments(limit: 500) { id } } }');
      expect(complex.body.errors[0].extensions.code).toBe('PAS121');
      expect(complex.body.errors[0].message).toMatch(/250500 rows/);
      const viaVariables = await post(
        ctx.api.url,
        'query ($n: Int) { clients(limit: 100) { invoices(limit: $n) { id } } }',
        { n: 100 },
      );
      expect(viaVariables.body.errors[0].extensions.code).toBe('PAS121');
      const aliases = await post(
        ctx.api.url,
        `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: invoices(limit: 1) { id }`).join(' ')} }`,
      );
      expect(aliases.body.errors.map((e: Json) => e.extensions.code)).toContain('PAS122');
      const large = await post(ctx.api.url, 'query ($n: Int) { invoices(perPage: $n) { id } }', { n: 501 });
      expect(large.body.errors[0].extensions).toMatchObject({ code: 'PAS123', status: 400 });
      const nested = await post(ctx.api.url, '{ clients(limit: 1) { invoices(limit: 600) { id } } }');
      expect(nested.body.errors[0].extensions.code).toBe('PAS123');
      expect(statements).toBe(0);
    } finally {
      stop();
    }
    const fine = await post(
      ctx.api.url,
      '{ invoices(limit: 50) { id client { company } payments { amount } items { description } } }',
    );
    expect(fine.body.errors).toBeUndefined();
  });

  it.skipIf(skip)('takes configured limits and switches introspection off', async () => {
    const custom = await startWith(dbUrl(), {
      maxDepth: 3,
      maxListSize: 10,
      defaultListSize: 5,
      maxAliases: 1,
      maxComplexity: 30,
      introspection: false,
    });
    try {
      const url = custom.server.url;
      expect((await post(url, '{ invoices { id } }')).body.data.invoices).toHaveLength(5);
      expect((await post(url, '{ invoices { client { company } } }')).body.errors).toBeUndefined();
      expect((await post(url, '{ invoices { client { contacts { id } } } }')).body.errors[0].extensions.code).toBe(
        'PAS120',
      );
      expect((await post(url, '{ invoices(limit: 11) { id } }')).body.errors[0].extensions.code).toBe('PAS123');
      expect((await post(url, '{ a: invoices { id } b: invoices { id } }')).body.errors[0].extensions.code).toBe(
        'PAS122',
      );
      expect(
        (await post(url, '{ invoices(limit: 10) { payments(limit: 3) { id } } }')).body.errors[0].extensions.code,
      ).toBe('PAS121');
      const introspection = await post(url, '{ __schema { queryType { name } } }');
      expect(introspection.status).toBe(400);
      expect(introspection.body.errors[0].extensions.code).toBe('PAS124');
      expect(introspection.body.errors[0].message).toMatch(/introspection/i);
    } finally {
      await custom.close();
    }
    const on = await post(
      ctx.api.url,
      '{ __schema { queryType { name } } __type(name: "Invoice") { fields { name } } }',
    );
    expect(on.body.data.__schema.queryType.name).toBe('Query');
    expect(on.body.data.__type.fields.map((f: { name: string }) => f.name)).toContain('payments');
  });

  it.skipIf(skip)('builds the schema for the caller’s rights and requires the graphql scope', async () => {
    const reader = await startWith(dbUrl(), {}, (catalog) =>
      accessFromGrants(catalog, {
        scopes: ['graphql'],
        read: ['invoices', 'invoicepaymentrecords'],
        create: [],
        update: [],
        delete: [],
      }),
    );
    try {
      const types = await post(
        reader.server.url,
        '{ __schema { mutationType { name } types { name } } __type(name: "Invoice") { fields { name } } }',
      );
      const names = types.body.data.__schema.types.map((t: { name: string }) => t.name);
      expect(names).toEqual(expect.arrayContaining(['Invoice', 'Invoicepaymentrecord', 'InvoiceFilter']));
      expect(names).not.toContain('Client');
      expect(types.body.data.__schema.mutationType).toBeNull();
      const fields = types.body.data.__type.fields.map((f: { name: string }) => f.name);
      expect(fields).toContain('payments');
      expect(fields).not.toContain('client');
      expect(fields).not.toContain('items');
      const unknown = await post(reader.server.url, '{ clients { userid } }');
      expect(unknown.body.errors[0].extensions.code).toBe('PAS124');
      const through = await post(reader.server.url, '{ invoices(sort: "client.company") { id } }');
      expect(through.body.errors[0].extensions).toMatchObject({ code: 'PAS313', status: 403 });
      const sdl = await fetch(`${reader.server.url}/api/v1/graphql/schema.graphql`).then((r) => r.text());
      expect(sdl).not.toMatch(/^type Client \{/m);
      expect(sdl).not.toMatch(/^type Mutation \{/m);
    } finally {
      await reader.close();
    }
    const restOnly = await startWith(dbUrl(), {}, (catalog) =>
      accessFromGrants(catalog, { scopes: ['rest'], read: '*', create: [], update: [], delete: [] }),
    );
    try {
      const r = await post(restOnly.server.url, '{ invoices { id } }');
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ code: 'PAS312', status: 403 });
      const sdl = await fetch(`${restOnly.server.url}/api/v1/graphql/schema.graphql`);
      expect(sdl.status).toBe(403);
    } finally {
      await restOnly.close();
    }
  });

  it.skipIf(skip)('reports the rows returned for the audit log', async () => {
    const server = await startWith(dbUrl(), {});
    try {
      const r = await post(
        server.server.url,
        '{ invoices(limit: 7) { id payments(limit: 1) { id } } clientsAggregate { count } }',
      );
      expect(r.body.errors).toBeUndefined();
      const payments = r.body.data.invoices.filter((i: Json) => i.payments.length > 0).length;
      expect(server.contexts.at(-1)?.rows).toBe(7 + payments + 1);
      await post(server.server.url, 'mutation { createPasTag(input: {name: "audited"}) { success } }');
      expect(server.contexts.at(-1)?.rows).toBe(1);
    } finally {
      await server.close();
    }
  });
});
