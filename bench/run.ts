/**
 * `npm run bench`: the engine against a minimal raw handler on the same MariaDB data.
 *   1. seeds MariaDB (database pas_bench) with the demo generator at --scale 20 (≈ 30,000 invoices),
 *      unless it is already there (--reseed forces it);
 *   2. starts `perfex-api-studio serve` and bench/raw-server.ts as separate processes;
 *   3. runs autocannon against each for the list and single-row requests, and prints req/s, p99 and
 *      the ratio engine/raw (target ≥ 0.7);
 *   4. runs the nested scenario (bench/nested-scenario.ts: 50 invoices with client, payments and
 *      items) as one GraphQL query and as the equivalent REST calls, and prints scenarios/s and the
 *      SQL statements each way sends;
 *   5. exports a generated 1,000,000-row table as CSV and NDJSON (bench/stream-scenario.ts) and
 *      prints the served process's peak RSS above idle;
 *   6. with --soak only, the soak (bench/soak-scenario.ts: 200 connections of mixed REST/GraphQL reads
 *      and writes for --soak-minutes, default 5), reporting latency, errors and RSS over time.
 * The long hostile-input fuzz is its own script: bench/fuzz-long.ts.
 * The served engine runs behind the security pipeline with a bench token (rate limits raised so
 * they measure nothing but themselves), as a client on the LAN would use it.
 * Options: --url mysql://pas:pas@127.0.0.1:3306/ --scale 20 --duration 15 --connections 10 --reseed
 *          --soak [--soak-minutes 5]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { compile } from '../src-server/compile/compile.ts';
import { connect } from '../src-server/db/connect.ts';
import { createDemoDatabase } from '../src-server/demo/create-demo-database.ts';
import { createCliProgress } from '../src-server/demo/demo-progress.ts';
import { GRAPHQL_QUERY, prepareNestedScenario } from './nested-scenario.ts';
import { DEFAULT_SOAK, soakScenario } from './soak-scenario.ts';
import { streamScenario } from './stream-scenario.ts';
import { benchToken, startServe } from './bench-cli.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.PAS_BENCH_MYSQL_URL ?? 'mysql://pas:pas@127.0.0.1:3306/' },
    scale: { type: 'string', default: '20' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    reseed: { type: 'boolean', default: false },
    soak: { type: 'boolean', default: false },
    'soak-minutes': { type: 'string', default: '5' },
  },
});
const DATABASE = 'pas_bench';
const dbUrl = `${args.url.replace(/\/$/, '')}/${DATABASE}`;
const scale = Number(args.scale);

async function seed(): Promise<void> {
  const admin = await mysql.createConnection({ uri: args.url });
  const [rows] = await admin.query(
    'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
    [DATABASE, 'tblinvoices'],
  );
  const exists = Number((rows as { n: number }[])[0]?.n) > 0;
  const marker = exists ? await admin.query(`SELECT COUNT(*) AS n FROM \`${DATABASE}\`.tblinvoices`) : null;
  const invoices = marker === null ? 0 : Number((marker[0] as { n: number }[])[0]?.n);
  if (exists && !args.reseed && invoices >= 1400 * scale) {
    console.log(`reusing ${DATABASE} (${invoices} invoices); --reseed to regenerate`);
    await admin.end();
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await admin.query(`CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const driver = await connect(dbUrl);
  const progress = createCliProgress();
  const started = Date.now();
  const summary = await createDemoDatabase(driver, { scale, onProgress: progress.update });
  progress.stop();
  await driver.close();
  console.log(`seeded scale ${scale}: ${summary.rowCounts.tblinvoices} invoices in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function startProcess(command: string, argv: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      if (ready.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${command} ${argv.join(' ')} exited with ${code}: ${out}`)));
  });
  return child;
}

interface Figures {
  readonly rps: number;
  readonly p99: number;
  readonly errors: number;
}

type LoadOptions = Pick<autocannon.Options, 'headers' | 'method' | 'body' | 'requests'>;

async function load(url: string, options: LoadOptions = {}): Promise<Figures> {
  const result = await autocannon({ url, connections: Number(args.connections), duration: Number(args.duration), ...options });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  await seed();
  const driver = await connect(dbUrl);
  const [{ id }] = (await driver.query('SELECT id FROM tblinvoices WHERE status = 2 ORDER BY id LIMIT 1 OFFSET 100')) as [{ id: number }];
  await driver.close();

  // The raw handler runs exactly the SQL the engine compiles for the two requests.
  const tsx = path.resolve('node_modules/.bin/tsx');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-bench-'));
  const headers = { authorization: `Bearer ${await benchToken(dataDir, 'bench')}` };
  const engine = await startServe(dbUrl, dataDir, 4791, { prefix: 'tbl', expose: 'core' });
  const sqlProbe = await fetch(`http://127.0.0.1:4791/api/v1/invoices/schema`, { headers }).then((r) => r.json() as Promise<{ data: { fields: { name: string }[] } }>);
  const columns = sqlProbe.data.fields.map((f) => f.name);
  const where = { kind: 'condition', column: { hops: [], column: 'status', zeroDate: null }, op: 'eq', value: 2 } as const;
  const list = compile({ kind: 'select', table: 'tblinvoices', columns, where, orderBy: [{ column: { hops: [], column: 'total', zeroDate: null }, direction: 'desc' }, { column: { hops: [], column: 'id', zeroDate: null }, direction: 'asc' }], limit: 25, offset: 0 }, 'mysql');
  const count = compile({ kind: 'count', table: 'tblinvoices', where }, 'mysql');
  const get = compile({ kind: 'select', table: 'tblinvoices', columns, where: { kind: 'condition', column: { hops: [], column: 'id', zeroDate: null }, op: 'eq', value: id }, orderBy: [], limit: 1, offset: 0 }, 'mysql');
  const raw = await startProcess(tsx, ['bench/raw-server.ts', dbUrl, '4792', list.sql, count.sql, get.sql], /listening/);

  const requests = [
    ['list  GET /api/v1/invoices?filter[status]=2&sort=-total&per_page=25', '/api/v1/invoices?filter[status]=2&sort=-total&per_page=25'],
    [`get   GET /api/v1/invoices/${id}`, `/api/v1/invoices/${id}`],
  ] as const;
  const rows: string[] = [];
  try {
    for (const [label, urlPath] of requests) {
      await load(`http://127.0.0.1:4791${urlPath}`, { headers }); // warm-up: JIT, statement caches, buffer pool
      const e = await load(`http://127.0.0.1:4791${urlPath}`, { headers });
      await load(`http://127.0.0.1:4792${urlPath}`);
      const r = await load(`http://127.0.0.1:4792${urlPath}`);
      rows.push(
        `${label}\n  engine ${e.rps.toFixed(0).padStart(6)} req/s  p99 ${String(e.p99).padStart(4)} ms  errors ${e.errors}` +
          `\n  raw    ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(4)} ms  errors ${r.errors}` +
          `\n  ratio  ${(e.rps / r.rps).toFixed(2)} (target ≥ 0.70)`,
      );
    }
    rows.push(await nestedScenario(headers));
  } finally {
    engine.kill('SIGTERM');
    raw.kill('SIGTERM');
    await Promise.all([once(engine, 'exit'), once(raw, 'exit')]);
  }
  console.log(`\n${os.cpus().length} cores, ${args.connections} connections, ${args.duration} s per run, scale ${scale}\n`);
  console.log(rows.join('\n\n'));
  console.log(`\n${await streamScenario(args.url, DATABASE)}`);
  if (args.soak) {
    console.log(`\n${await soakScenario(args.url, DATABASE, { ...DEFAULT_SOAK, minutes: Number(args['soak-minutes']) })}`);
  }
}

/** GraphQL's one nested query against the REST calls a client needs for the same data. */
async function nestedScenario(headers: Record<string, string>): Promise<string> {
  const scenario = await prepareNestedScenario(dbUrl);
  const graphql: LoadOptions = {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: GRAPHQL_QUERY }),
  };
  const rest: LoadOptions = { headers, requests: scenario.restPaths.map((p) => ({ method: 'GET', path: p })) };
  await load('http://127.0.0.1:4791/api/v1/graphql', graphql);
  const g = await load('http://127.0.0.1:4791/api/v1/graphql', graphql);
  await load('http://127.0.0.1:4791', rest);
  const r = await load('http://127.0.0.1:4791', rest);
  const calls = scenario.restPaths.length;
  const { rows } = scenario;
  return (
    `nested: ${rows.invoices} invoices with client, ${rows.payments} payments, ${rows.items} items\n` +
    `  GraphQL 1 request      ${g.rps.toFixed(0).padStart(6)} scenarios/s  p99 ${String(g.p99).padStart(4)} ms  ` +
    `${scenario.graphqlStatements} SQL statements  errors ${g.errors}\n` +
    `  REST    ${calls} requests     ${(r.rps / calls).toFixed(0).padStart(6)} scenarios/s  (${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms per call)  ` +
    `${scenario.restStatements} SQL statements  errors ${r.errors}\n` +
    `  ratio   ${(g.rps / (r.rps / calls)).toFixed(2)} (GraphQL/REST scenarios per second)`
  );
}

await main();
