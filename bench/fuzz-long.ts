/**
 * The long hostile-input run: the same generators and oracle as the CI fuzz (test/fuzz), many more
 * cases, and every distinct violation collected (grouped by its first line, two examples each)
 * rather than stopping at the first, so one run surveys everything that is still wrong.
 *   npx tsx bench/fuzz-long.ts [--runs 20000] [--seed N] [--dialect sqlite|mariadb|both]
 *                              [--surface rest-read|rest-write|graphql|all] [--minutes M]
 * Cases are drawn in batches of 500 with seeds seed, seed+1, …, so `--seed` and the batch printed
 * with a violation replay it. Exits 1 when anything was found.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { mysqlAvailable } from '../test/support/mysql.ts';
import { createMysqlDemo, createSqliteDemo, type DemoDatabase } from '../test/support/test-server.ts';
import { startFuzzTarget } from '../test/fuzz/fuzz-target.ts';
import { createRawClient } from '../test/fuzz/raw-request.ts';
import { emptyStats, HANG_MS, runCase, summarize, SURFACES, type SurfaceName } from '../test/fuzz/run-fuzz.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    dialect: { type: 'string', default: 'both' },
    surface: { type: 'string', default: 'all' },
    minutes: { type: 'string', default: '0' },
  },
});
const BATCH = 500;
const runs = Number(args.runs);
const seed = Number(args.seed);
const deadline = Number(args.minutes) > 0 ? Date.now() + Number(args.minutes) * 60_000 : Infinity;
const surfaces = (args.surface === 'all' ? Object.keys(SURFACES) : [args.surface]) as SurfaceName[];

interface Finding {
  count: number;
  readonly examples: string[];
}

async function fuzzDialect(name: string, db: DemoDatabase, findings: Map<string, Finding>): Promise<string[]> {
  const target = await startFuzzTarget(db.url);
  const client = createRawClient(target.url, HANG_MS);
  const lines: string[] = [];
  try {
    for (const surface of surfaces) {
      const stats = emptyStats();
      const started = Date.now();
      for (let batch = 0; batch * BATCH < runs && Date.now() < deadline; batch++) {
        const arbitrary = fc.gen().map((g) => SURFACES[surface](g, target));
        const cases = fc.sample(arbitrary, { numRuns: Math.min(BATCH, runs - batch * BATCH), seed: seed + batch });
        for (const c of cases) {
          for (const violation of await runCase(target, client, c, stats)) {
            const key = `${name} ${surface}: ${violation.split('\n')[0]?.replace(/\d+/g, 'N').slice(0, 160)}`;
            const finding = findings.get(key) ?? { count: 0, examples: [] };
            finding.count++;
            if (finding.examples.length < 2) finding.examples.push(`(seed ${seed + batch}) ${violation}`);
            findings.set(key, finding);
          }
        }
      }
      const seconds = (Date.now() - started) / 1000;
      lines.push(`${name} ${surface}: ${summarize(stats)}; ${(stats.cases / seconds).toFixed(0)} requests/s`);
    }
  } finally {
    client.close();
    await target.close();
  }
  return lines;
}

async function main(): Promise<void> {
  console.log(`hostile-input fuzz: seed ${seed}, ${runs} cases per surface and dialect (${surfaces.join(', ')})`);
  const dialects: [string, () => Promise<DemoDatabase>][] = [];
  if (args.dialect !== 'mariadb') dialects.push(['sqlite', createSqliteDemo]);
  if (args.dialect !== 'sqlite') {
    if (await mysqlAvailable()) dialects.push(['mariadb', () => createMysqlDemo('fuzz_long')]);
    else console.log('MariaDB not reachable: SQLite only');
  }
  const findings = new Map<string, Finding>();
  const report: string[] = [];
  for (const [name, create] of dialects) {
    const db = await create();
    try {
      report.push(...(await fuzzDialect(name, db, findings)));
    } finally {
      await db.drop();
    }
  }
  console.log(report.join('\n'));
  if (findings.size === 0) {
    console.log('\nno violation: no 5xx, hang, non-problem error, hidden column or refused change');
    return;
  }
  console.log(`\n${findings.size} distinct violations:`);
  for (const [key, finding] of findings) console.log(`\n× ${finding.count}  ${key}\n${finding.examples.join('\n')}`);
  process.exitCode = 1;
}

await main();
