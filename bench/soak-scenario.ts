/**
 * Soak (issue 9): 200 concurrent connections for 5 minutes against `serve` on the scale-20 MariaDB
 * bench database, behind the security pipeline with a bench token, as a client on the LAN would use
 * it. Each connection loops over a mix of REST and GraphQL reads (lists with filters and sorts, rows
 * by id, includes, aggregates, a nested GraphQL query) and writes (a lead created, patched and
 * deleted over REST, another created and deleted over GraphQL, so the table does not grow).
 * Reports throughput, p50/p99 latency, answers by status (target: no error but 429), and the
 * server's RSS sampled from /proc every few seconds with its least-squares slope after warm-up
 * (target: no growth trend).
 * Run alone: `npx tsx bench/soak-scenario.ts [--minutes 5] [--connections 200] [--url mysql://…/]`;
 * `npm run bench -- --soak` runs it after the other scenarios.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { connect } from '../src-server/db/connect.ts';
import { createDemoDatabase } from '../src-server/demo/create-demo-database.ts';
import { benchToken, rssBytes, startServe } from './bench-cli.ts';

export interface SoakOptions {
  readonly minutes: number;
  readonly connections: number;
  /** Seconds between RSS samples. */
  readonly sampleSeconds: number;
  /** Samples before this are warm-up (JIT, pools, caches) and left out of the trend. */
  readonly warmupMinutes: number;
  readonly port: number;
}

/**
 * Warm-up is two minutes: under 200 connections the heap grows to its working size over that long
 * (a first 5-minute run: 184 MB at start, 258 MB at 1 min, 356 MB at 2 min, then 353–371 MB).
 */
export const DEFAULT_SOAK: SoakOptions = {
  minutes: 5,
  connections: 200,
  sampleSeconds: 5,
  warmupMinutes: 2,
  port: 4794,
};

const NESTED_QUERY = `{ invoices(filter: {status: 2}, limit: 20, orderBy: [{duedate: DESC}]) {
  id formatted_number total duedate client { userid company } payments { amount date } items { description qty rate } } }`;

/**
 * Least-squares slope and the half-width of its 95% confidence interval (≈ 2 standard errors), so
 * a trend can be told from the garbage collector's saw-tooth.
 */
export function fit(points: readonly (readonly [number, number])[]): { slope: number; margin: number } {
  const n = points.length;
  if (n < 3) return { slope: 0, margin: Infinity };
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return { slope: 0, margin: Infinity };
  const b = sxy / sxx;
  const residuals = points.reduce((s, [x, y]) => s + (y - (my + b * (x - mx))) ** 2, 0);
  return { slope: b, margin: 2 * Math.sqrt(residuals / (n - 2) / sxx) };
}

/** Leads writable: the soak creates, patches and deletes them. */
const SOAK_WHITELIST = {
  prefix: 'tbl',
  expose: 'core',
  tables: { tblleads: { operations: ['read', 'create', 'update', 'delete'] } },
};

type Context = { leadId?: number; graphqlLeadId?: number };

/** One connection's loop: 10 reads and 5 writes (two leads made and removed). */
function soakRequests(invoiceIds: readonly number[]): autocannon.Request[] {
  const json = { 'content-type': 'application/json' };
  const randomInvoice = (): number => invoiceIds[Math.floor(Math.random() * invoiceIds.length)] ?? 1;
  const getInvoice: autocannon.Request = {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/v1/invoices/${randomInvoice()}` }),
  };
  const list = { method: 'GET', path: '/api/v1/invoices?filter[status]=2&sort=-total&per_page=25' } as const;
  const include = {
    method: 'GET',
    path: '/api/v1/clients?include=contacts&fields[contacts]=firstname,lastname,email&per_page=10&sort=-datecreated',
  } as const;
  const aggregate = {
    method: 'GET',
    path: '/api/v1/invoicepaymentrecords?group_by=paymentmode&aggregate=count,sum:amount&sort=-sum_amount',
  } as const;
  const nested = {
    method: 'POST',
    path: '/api/v1/graphql',
    headers: json,
    body: JSON.stringify({ query: NESTED_QUERY }),
  } as const;
  const lead = (): string =>
    JSON.stringify({
      name: `Soak ${Math.random().toString(36).slice(2, 10)}`,
      status: 2,
      source: 1,
      addedfrom: 1,
      email: 'soak@example.com',
    });
  return [
    list,
    getInvoice,
    nested,
    {
      method: 'POST',
      path: '/api/v1/leads',
      headers: json,
      setupRequest: (req) => ({ ...req, body: lead() }),
      onResponse: (status, body, context) => {
        (context as Context).leadId =
          status === 201 ? (JSON.parse(body) as { data: { id: number } }).data.id : undefined;
      },
    },
    include,
    getInvoice,
    {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ status: 3, description: 'followed up by the soak' }),
      // No lead (its create failed): start the loop again rather than send a request that cannot work.
      setupRequest: (req, context) =>
        (context as Context).leadId === undefined
          ? (undefined as unknown as autocannon.Request)
          : { ...req, path: `/api/v1/leads/${(context as Context).leadId}` },
    },
    aggregate,
    nested,
    {
      method: 'DELETE',
      setupRequest: (req, context) => ({ ...req, path: `/api/v1/leads/${(context as Context).leadId}` }),
    },
    list,
    {
      method: 'POST',
      path: '/api/v1/graphql',
      headers: json,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          query: 'mutation($l: LeadCreateInput!) { createLead(input: $l) { success row { id } } }',
          variables: { l: JSON.parse(lead()) },
        }),
      }),
      onResponse: (status, body, context) => {
        const row =
          status === 200
            ? (JSON.parse(body) as { data?: { createLead?: { row?: { id: number } } } }).data?.createLead?.row
            : undefined;
        (context as Context).graphqlLeadId = row?.id;
      },
    },
    getInvoice,
    include,
    {
      method: 'POST',
      path: '/api/v1/graphql',
      headers: json,
      setupRequest: (req, context) =>
        (context as Context).graphqlLeadId === undefined
          ? (undefined as unknown as autocannon.Request)
          : {
              ...req,
              body: JSON.stringify({
                query: `mutation { deleteLead(id: "${(context as Context).graphqlLeadId}") { success } }`,
              }),
            },
    },
  ];
}

function run(options: autocannon.Options, onResponse: (status: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('response', (_client, status) => onResponse(status));
  });
}

/** Runs the soak against `database` (the scale-20 bench database) and returns its report. */
export async function soakScenario(
  serverUrl: string,
  database: string,
  options: SoakOptions = DEFAULT_SOAK,
): Promise<string> {
  const dbUrl = `${serverUrl.replace(/\/$/, '')}/${database}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-soak-'));
  const token = await benchToken(dataDir, 'soak', ['--write', 'leads']);
  const server = await startServe(dbUrl, dataDir, options.port, SOAK_WHITELIST);
  const pid = server.pid as number;
  const base = `http://127.0.0.1:${options.port}`;
  const headers = { authorization: `Bearer ${token}` };
  const countLeads = async (): Promise<number> => {
    const conn = await mysql.createConnection({ uri: dbUrl });
    const [[row]] = (await conn.query('SELECT COUNT(*) AS n FROM tblleads')) as unknown as [[{ n: number }]];
    await conn.end();
    return Number(row.n);
  };
  try {
    const ids = (await fetch(`${base}/api/v1/invoices?fields=id&per_page=500&sort=id`, { headers }).then((r) =>
      r.json(),
    )) as { data: { id: number }[] };
    const leadsBefore = await countLeads();
    const statuses = new Map<number, number>();
    let interval = 0;
    const perInterval: number[] = [];
    const samples: [number, number][] = [];
    const started = Date.now();
    samples.push([0, rssBytes(pid) / 2 ** 20]);
    const sampler = setInterval(() => {
      samples.push([(Date.now() - started) / 60_000, rssBytes(pid) / 2 ** 20]);
      perInterval.push(interval / options.sampleSeconds);
      interval = 0;
    }, options.sampleSeconds * 1000);
    let result: autocannon.Result;
    try {
      result = await run(
        {
          url: base,
          connections: options.connections,
          duration: Math.round(options.minutes * 60),
          headers,
          requests: soakRequests(ids.data.map((r) => r.id)),
          timeout: 30,
        },
        (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          interval++;
        },
      );
    } finally {
      clearInterval(sampler);
    }
    samples.push([(Date.now() - started) / 60_000, rssBytes(pid) / 2 ** 20]);
    const leadsAfter = await countLeads();

    const steady = samples.filter(([t]) => t >= options.warmupMinutes);
    const rss = samples.map(([, mb]) => mb);
    const errors = [...statuses].filter(([s]) => s >= 400 && s !== 429).reduce((n, [, c]) => n + c, 0);
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${s}: ${c}`)
      .join(', ');
    const every30s = samples.filter(
      (_, i) => i % Math.max(1, Math.round(30 / options.sampleSeconds)) === 0 || i === samples.length - 1,
    );
    const series = every30s.map(([t, mb]) => `${t.toFixed(1)}′ ${mb.toFixed(0)}`).join(', ');
    const lastHalf = samples.filter(([t]) => t >= options.minutes / 2);
    const trend = fit(steady);
    const half = fit(lastHalf);
    const minRate = Math.min(...perInterval.slice(1));
    const maxRate = Math.max(...perInterval.slice(1));
    return [
      `soak: ${options.connections} connections for ${options.minutes} min, 15-request loop per connection (10 reads: REST list/get/include/aggregate, GraphQL nested; 5 writes: REST create/patch/delete, GraphQL create/delete of leads), ${os.cpus().length} cores`,
      `  throughput ${result.requests.average.toFixed(0)} req/s average (${result.requests.total} requests; ${options.sampleSeconds}-second windows between ${minRate.toFixed(0)} and ${maxRate.toFixed(0)} req/s)`,
      `  latency   p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `  answers   ${byStatus}; socket errors ${result.errors}, timeouts ${result.timeouts}, loop restarts ${result.resets}`,
      `  errors    ${errors + result.errors} other than 429 (target 0)`,
      `  leads     ${leadsBefore} before, ${leadsAfter} after (loops cut by the end of the run leave at most 2 per connection)`,
      `  RSS       start ${rss[0]?.toFixed(0)} MB, end ${rss[rss.length - 1]?.toFixed(0)} MB, peak ${Math.max(...rss).toFixed(0)} MB; after ${options.warmupMinutes} min warm-up ${Math.min(...steady.map(([, mb]) => mb)).toFixed(0)}–${Math.max(...steady.map(([, mb]) => mb)).toFixed(0)} MB`,
      `  trend     ${trend.slope.toFixed(2)} ± ${trend.margin.toFixed(2)} MB/min (95%) least-squares slope of RSS after warm-up (${steady.length} samples every ${options.sampleSeconds} s; target: no growth); ${half.slope.toFixed(2)} ± ${half.margin.toFixed(2)} MB/min over the second half`,
      `  RSS (MB) by minute: ${series}`,
      `  RSS samples (MB, every ${options.sampleSeconds} s): ${samples.map(([, mb]) => mb.toFixed(0)).join(' ')}`,
    ].join('\n');
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Seeds `database` at `scale` unless it already holds that many invoices (as `npm run bench` does). */
async function ensureBenchDatabase(serverUrl: string, database: string, scale: number): Promise<void> {
  const admin = await mysql.createConnection({ uri: serverUrl });
  try {
    const [rows] = await admin.query(
      'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
      [database, 'tblinvoices'],
    );
    if (Number((rows as { n: number }[])[0]?.n) > 0) {
      const [count] = await admin.query(`SELECT COUNT(*) AS n FROM \`${database}\`.tblinvoices`);
      if (Number((count as { n: number }[])[0]?.n) >= 1400 * scale) return;
    }
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const driver = await connect(`${serverUrl.replace(/\/$/, '')}/${database}`);
  try {
    await createDemoDatabase(driver, { scale });
  } finally {
    await driver.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.PAS_BENCH_MYSQL_URL ?? 'mysql://pas:pas@127.0.0.1:3306/' },
      minutes: { type: 'string', default: String(DEFAULT_SOAK.minutes) },
      connections: { type: 'string', default: String(DEFAULT_SOAK.connections) },
      scale: { type: 'string', default: '20' },
    },
  });
  await ensureBenchDatabase(values.url, 'pas_bench', Number(values.scale));
  const minutes = Number(values.minutes);
  console.log(
    await soakScenario(values.url, 'pas_bench', {
      ...DEFAULT_SOAK,
      minutes,
      connections: Number(values.connections),
      warmupMinutes: Math.min(DEFAULT_SOAK.warmupMinutes, minutes * 0.4),
    }),
  );
}
