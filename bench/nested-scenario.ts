/**
 * The nested-read scenario of `npm run bench`: 50 paid invoices with their client, payments and
 * items, once as one GraphQL query and once as the REST calls a client would make for the same
 * data (the list, then one batched call per relation with `filter[…in]=` the ids it got). It also
 * counts the SQL statements each way sends, in process, on the same database.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { whitelistAccess } from '../src-server/engine/access.ts';
import { loadEngine } from '../src-server/engine/load-engine.ts';
import { createApp } from '../src-server/http/create-app.ts';
import { setRequestContext } from '../src-server/http/request-context.ts';
import { startServer } from '../src-server/server/start-server.ts';

export const GRAPHQL_QUERY = `{
  invoices(filter: {status: 2}, limit: 50) {
    id formatted_number total duedate clientid
    client { userid company city }
    payments { id amount date paymentmode }
    items { id description qty rate }
  }
}`;

export interface NestedScenario {
  /** The REST calls, in the order a client makes them (paths with query strings). */
  readonly restPaths: readonly string[];
  readonly graphqlStatements: number;
  readonly restStatements: number;
  /** Rows of each kind the scenario returns (the two ways must agree). */
  readonly rows: { readonly invoices: number; readonly payments: number; readonly items: number };
}

interface Invoice {
  readonly id: number;
  readonly clientid: number;
}

/** Builds the REST calls from the real list and counts statements both ways. */
export async function prepareNestedScenario(dbUrl: string): Promise<NestedScenario> {
  const engine = await loadEngine({ db: dbUrl, whitelist: { prefix: 'tbl', expose: 'core' } });
  const access = whitelistAccess(engine.catalog);
  const app = createApp(engine, {
    logger: pino({ level: 'silent' }),
    guard: (req, _res, next) => {
      setRequestContext(req, { requestId: randomUUID(), access });
      next();
    },
  });
  const server = await startServer(app, '127.0.0.1', 0);
  let statements = 0;
  const stop = engine.driver.onStatement(() => statements++);
  try {
    const get = async (path: string): Promise<{ data: Record<string, unknown>[] }> => {
      const res = await fetch(`${server.url}${path}`);
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { data: Record<string, unknown>[] };
    };
    const list = '/api/v1/invoices?filter[status]=2&per_page=50&fields=id,formatted_number,total,duedate,clientid';
    const invoices = (await get(list)).data as unknown as Invoice[];
    const ids = invoices.map((i) => i.id).join(',');
    const clients = [...new Set(invoices.map((i) => i.clientid).filter((c) => c !== 0))].join(',');
    const restPaths = [
      list,
      `/api/v1/clients?filter[userid.in]=${clients}&per_page=50&fields=userid,company,city`,
      `/api/v1/invoicepaymentrecords?filter[invoiceid.in]=${ids}&per_page=500&fields=id,invoiceid,amount,date,paymentmode`,
      `/api/v1/itemable?filter[rel_type]=invoice&filter[rel_id.in]=${ids}&per_page=500&fields=id,rel_id,description,qty,rate`,
    ];
    statements = 0;
    const rest = [];
    for (const path of restPaths) rest.push(await get(path));
    const restStatements = statements;

    statements = 0;
    const res = await fetch(`${server.url}/api/v1/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHQL_QUERY }),
    });
    const body = (await res.json()) as {
      data?: { invoices: { payments: unknown[]; items: unknown[] }[] };
      errors?: unknown;
    };
    if (body.data === undefined) throw new Error(`GraphQL scenario failed: ${JSON.stringify(body.errors)}`);
    const graphqlStatements = statements;
    const rows = {
      invoices: body.data.invoices.length,
      payments: body.data.invoices.reduce((n, i) => n + i.payments.length, 0),
      items: body.data.invoices.reduce((n, i) => n + i.items.length, 0),
    };
    if (rows.payments !== rest[2]?.data.length || rows.items !== rest[3]?.data.length) {
      throw new Error(
        `GraphQL and REST disagree: ${JSON.stringify(rows)} vs ${rest[2]?.data.length} payments, ${rest[3]?.data.length} items`,
      );
    }
    return { restPaths, graphqlStatements, restStatements, rows };
  } finally {
    stop();
    await server.close();
    await engine.driver.close();
  }
}
