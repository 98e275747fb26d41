/**
 * What the explorer's SQL trace costs (CPU µs per request): sequential keep-alive GETs of one REST list through the real
 * app and security pipeline on the SQLite demo database, in three phases of one process:
 *   1. untraced, before any trace ever ran (AsyncLocalStorage not yet enabled in the process);
 *   2. traced (the explorer header, statements recorded);
 *   3. untraced again, now that AsyncLocalStorage's hooks are enabled for the rest of the process.
 * Phases 2 and 3 alternate over several rounds so drift (JIT, caches) does not favour one.
 *
 *   npx tsx bench/explorer-trace.ts [requests per phase = 2000] [data dir]   (PAS_BENCH_PATH: another request)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createDemoDatabase } from '../src-server/demo/create-demo-database.ts';
import { connect } from '../src-server/db/connect.ts';
import { loadEngine } from '../src-server/engine/load-engine.ts';
import { claimTrace } from '../src-server/explorer/trace-inbox.ts';
import { createApp } from '../src-server/http/create-app.ts';
import { createSecurityPipeline } from '../src-server/security/security-pipeline.ts';
import { DEFAULT_SECURITY_OPTIONS } from '../src-server/security/security-options.ts';
import { fileKeyProvider } from '../src-server/store/key-provider.ts';
import { openStore, storeFile } from '../src-server/store/open-store.ts';

const N = Number(process.argv[2] ?? 2000);
const dir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pas-bench-trace-'));
const SECRET = 'bench-explorer-secret';
const PATH = process.env.PAS_BENCH_PATH ?? '/api/v1/invoices?filter[status]=2&per_page=25';

const file = path.join(dir, 'demo.db');
if (!fs.existsSync(file)) {
  const driver = await connect(`sqlite:${file}`, { create: true });
  await createDemoDatabase(driver, { scale: 0.2, seed: 42 });
  await driver.close();
}
const engine = await loadEngine({ db: `sqlite:${file}`, whitelist: { expose: 'core', tables: {} } });
const store = openStore({ file: storeFile(dir), keyProvider: fileKeyProvider(dir) });
const token = store.tokens.create({ name: 'bench', grants: { scopes: ['rest'], read: '*', create: [], update: [], delete: [] }, rateLimit: 1_000_000 }).token;
const logger = pino({ level: 'silent' });
const pipeline = createSecurityPipeline({ catalog: () => engine.catalog, tokens: store.tokens, audit: store.audit, options: { ...DEFAULT_SECURITY_OPTIONS, ipRequestsPerMinute: 10_000_000 }, logger, explorerSecret: SECRET });
const server = http.createServer(createApp(engine, { logger, guard: pipeline.guard }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: PATH, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(String(res.headers['x-request-id'])) : reject(new Error(`status ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

const plain = { authorization: `Bearer ${token}` };
// PAS_BENCH_CONTROL=1: phase 2 untraced as well, to see what the phase order alone does to phase 3.
const traced = process.env.PAS_BENCH_CONTROL === '1' ? { ...plain } : { ...plain, 'x-pas-explorer': SECRET };

/**
 * CPU µs of this process per request over `n` sequential requests (client and server both run here).
 * CPU time rather than wall time: on a shared machine, other processes' load stretches the wall clock.
 */
async function phase(headers: Record<string, string>, n: number): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const id = await get(headers);
    // The explorer claims every trace; so does the bench, or the inbox would hold them until they expire.
    if (headers === traced) claimTrace(id);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / n;
}

// A long warm-up: phase 1 cannot be interleaved with the others (a trace enables AsyncLocalStorage for good).
for (let i = 0; i < 4000; i++) await get(plain);
const before = await phase(plain, N);
const rounds = 10;
const tracedRuns: number[] = [];
const afterRuns: number[] = [];
for (let r = 0; r < rounds; r++) {
  tracedRuns.push(await phase(traced, N / rounds));
  afterRuns.push(await phase(plain, N / rounds));
}
// Medians of the rounds: the machine is shared, and a neighbour's burst should not decide the result.
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const out = {
  requestsPerPhase: N,
  path: PATH,
  untracedBeforeAnyTraceUs: Math.round(before),
  tracedUs: Math.round(median(tracedRuns)),
  untracedAfterTracesUs: Math.round(median(afterRuns)),
};
console.log(JSON.stringify(out, null, 2));
agent.destroy();
server.close();
pipeline.close();
store.close();
await engine.driver.close();
if (process.argv[3] === undefined) fs.rmSync(dir, { recursive: true, force: true });
