/**
 * Hostile-input property tests (issue 9), bounded for CI: fast-check generates random and malicious
 * query strings, filter trees, include/aggregate parameters, JSON bodies, headers and GraphQL
 * documents from the real catalog and schema, and sends them to the real server (store, security
 * pipeline, REST, GraphQL) over the demo database on SQLite and MariaDB. For every answer: never a
 * 5xx, never a hang, always problem+json (GraphQL: its errors carry the problem under
 * `extensions`), never a hidden column's name as a key nor its value anywhere, and a refused write
 * (or a dry run) leaves every writable table unchanged.
 *
 * Replay a failure with the seed it prints: PAS_FUZZ_SEED=… npx vitest run test/fuzz.
 * PAS_FUZZ_RUNS sets the runs per surface on SQLite (MariaDB runs half); bench/fuzz-long.ts runs far more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, type DemoDatabase } from '../support/test-server.ts';
import { startFuzzTarget, type FuzzTarget } from './fuzz-target.ts';
import { runFuzz, summarize, type SurfaceName } from './run-fuzz.ts';

const withMysql = await mysqlAvailable();
const SEED = Number(process.env.PAS_FUZZ_SEED ?? 20_260_609);
const RUNS = Number(process.env.PAS_FUZZ_RUNS ?? 800);
const SURFACES: readonly SurfaceName[] = ['rest-read', 'rest-write', 'graphql'];

describe.each(demoDialects('fuzz', withMysql))('hostile input on $name', ({ name, create, skip }) => {
  let db: DemoDatabase | undefined;
  let target: FuzzTarget;
  const runs = name === 'sqlite' ? RUNS : Math.ceil(RUNS / 2);
  beforeAll(async () => {
    if (skip) return;
    db = await create();
    target = await startFuzzTarget(db.url);
    console.warn(`fuzz on ${name}: seed ${SEED}, ${runs} runs per surface (PAS_FUZZ_SEED / PAS_FUZZ_RUNS to change)`);
  });
  afterAll(async () => {
    await target?.close();
    await db?.drop();
  });

  it.skipIf(skip).each(SURFACES)(
    '%s: no 5xx, hang, non-problem error, hidden column or refused change',
    async (surface) => {
      const stats = await runFuzz(target, { surface, numRuns: runs, seed: SEED });
      console.warn(`${name} ${surface}: ${summarize(stats)}`);
      // The generators must reach both sides: answers that worked and refusals of many kinds.
      const ok = [...stats.statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
      const refused = [...stats.statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
      expect(stats.cases).toBeGreaterThanOrEqual(runs);
      expect(ok).toBeGreaterThan(runs / 10);
      expect(surface === 'graphql' ? stats.codes.size : refused).toBeGreaterThan(surface === 'graphql' ? 3 : runs / 10);
      if (surface === 'rest-write')
        expect(Math.min(stats.writesAccepted, stats.writesRefused)).toBeGreaterThan(runs / 20);
    },
    120_000,
  );
});
