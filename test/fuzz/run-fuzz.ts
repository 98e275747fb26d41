/**
 * Runs hostile cases against a fuzz target under fast-check: each case is sent, its answer checked
 * by the oracle, and a write's effect on the database compared with its answer (a refused request,
 * or a dry run, must leave every writable table byte-for-byte as it was). Shared by the bounded
 * CI test and the long run in bench/fuzz-long.ts; the seed is printed so any failure replays.
 */
import fc from 'fast-check';
import type { FuzzTarget } from './fuzz-target.ts';
import { graphqlCase } from './graphql-cases.ts';
import { createRawClient, HangError, type FuzzReply, type RawClient } from './raw-request.ts';
import { checkReply, graphqlRefused, isParserRefusal } from './response-oracle.ts';
import { readCase, type FuzzCase } from './rest-cases.ts';
import { writeCase } from './rest-write-cases.ts';
import type { Gen } from './pick.ts';

export const SURFACES = {
  'rest-read': readCase,
  'rest-write': writeCase,
  graphql: graphqlCase,
} as const satisfies Record<string, (g: Gen, target: FuzzTarget) => FuzzCase>;
export type SurfaceName = keyof typeof SURFACES;

/** graphql-http answers here (the router is not case-sensitive about a trailing slash). */
const GRAPHQL_PATH = /^\/api\/v1\/graphql\/?(\?|$)/;

/** No answer within this time is a hang (the statement timeout of the target is 5 s). */
export const HANG_MS = 15_000;

/** What a run saw, so a test can show it exercised both the refusals and the working paths. */
export interface FuzzStats {
  readonly statuses: Map<number, number>;
  readonly codes: Map<string, number>;
  /** Writes answered 2xx / refused (4xx). */
  writesAccepted: number;
  writesRefused: number;
  slowestMs: number;
  cases: number;
  /** Answers of node's HTTP parser (see isParserRefusal), known and reported apart. */
  parserRefusals: number;
}

export function emptyStats(): FuzzStats {
  return {
    statuses: new Map(),
    codes: new Map(),
    writesAccepted: 0,
    writesRefused: 0,
    slowestMs: 0,
    cases: 0,
    parserRefusals: 0,
  };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The codes an answer carries (a REST problem's, or each GraphQL error's). */
function codesOf(reply: FuzzReply): string[] {
  const body = reply.json as { code?: unknown; errors?: { extensions?: { code?: unknown } }[] } | undefined;
  if (body === undefined || body === null || typeof body !== 'object') return [];
  if (typeof body.code === 'string') return [body.code];
  return Array.isArray(body.errors) ? body.errors.map((e) => String(e?.extensions?.code)) : [];
}

function describeCase(c: FuzzCase, reply: FuzzReply | null): string {
  const body = c.request.body === undefined ? '' : `\n  body: ${c.request.body.toString().slice(0, 1500)}`;
  const headers = c.request.headers.filter(([k]) => k !== 'authorization').map(([k, v]) => `${k}: ${v}`);
  const answer = reply === null ? '' : `\n  answer ${reply.status} ${reply.contentType}: ${reply.text.slice(0, 800)}`;
  return `${c.request.method} ${c.request.path.slice(0, 1500)}\n  caller: ${c.caller}${headers.length > 0 ? `\n  headers: ${headers.join(' | ')}` : ''}${body}${answer}`;
}

function isRefused(c: FuzzCase, reply: FuzzReply): boolean {
  return GRAPHQL_PATH.test(c.request.path) ? graphqlRefused(reply) : reply.status >= 400;
}

/** Sends one case and returns everything wrong with what happened (empty when all held). */
export async function runCase(target: FuzzTarget, client: RawClient, c: FuzzCase, stats: FuzzStats): Promise<string[]> {
  const before = c.write ? await target.fingerprint() : null;
  let reply: FuzzReply;
  try {
    reply = await client.send(c.request);
  } catch (error) {
    if (error instanceof HangError) return [`hang: ${error.message}\n${describeCase(c, null)}`];
    return [`transport error ${(error as Error).message}\n${describeCase(c, null)}`];
  }
  stats.cases++;
  bump(stats.statuses, reply.status);
  for (const code of codesOf(reply)) bump(stats.codes, code);
  stats.slowestMs = Math.max(stats.slowestMs, reply.ms);
  if (isParserRefusal(reply)) stats.parserRefusals++;
  const problems = checkReply(reply, {
    surface: GRAPHQL_PATH.test(c.request.path) ? 'graphql' : 'rest',
    request: c.request,
    resource: c.resource,
    sensitiveNames: target.sensitiveNames,
    secrets: target.secrets,
  });
  if (before !== null) {
    const refused = isRefused(c, reply);
    const dryRun = /tx=rollback/.test(String(reply.headers['preference-applied'] ?? ''));
    if (refused) stats.writesRefused++;
    else stats.writesAccepted++;
    if ((refused || dryRun) && (await target.fingerprint()) !== before) {
      problems.push(`${refused ? 'a refused' : 'a dry-run'} request changed the data`);
    }
    // A created row's hidden values (a fresh random `hash`) must not come back in the answer.
    if (!refused && reply.status === 201 && c.resource !== undefined) {
      const location = String(reply.headers.location ?? '');
      const key = decodeURIComponent(location.slice(location.lastIndexOf('/') + 1));
      for (const secret of await target.hiddenValues(c.resource, key)) {
        if (reply.text.includes(secret))
          problems.push(`the created row's hidden value ${secret.slice(0, 12)}… is in the answer`);
      }
    }
  }
  return problems.length === 0 ? [] : [`${problems.join('\n')}\n${describeCase(c, reply)}`];
}

export interface FuzzRunOptions {
  readonly surface: SurfaceName;
  readonly numRuns: number;
  readonly seed: number;
  /** Stop after this long even if runs remain (the long bench run). */
  readonly timeLimitMs?: number;
}

/**
 * Runs `numRuns` cases of one surface. Throws fast-check's report (seed, counterexample after
 * shrinking, and the request/answer that failed) on the first violation.
 */
export async function runFuzz(
  target: FuzzTarget,
  options: FuzzRunOptions,
  stats: FuzzStats = emptyStats(),
): Promise<FuzzStats> {
  const client = createRawClient(target.url, HANG_MS);
  const make = SURFACES[options.surface];
  try {
    await fc.assert(
      // Shrinking replays requests against the live server: bounded so a failure reports in seconds.
      fc.asyncProperty(fc.limitShrink(fc.gen(), 300), async (g) => {
        const problems = await runCase(target, client, make(g, target), stats);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      }),
      {
        numRuns: options.numRuns,
        seed: options.seed,
        ...(options.timeLimitMs === undefined
          ? {}
          : { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false }),
      },
    );
  } finally {
    client.close();
  }
  return stats;
}

/** A one-line summary of what a run saw. */
export function summarize(stats: FuzzStats): string {
  const statuses = [...stats.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  const codes = [...stats.codes.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 12)
    .map(([c, n]) => `${c}×${n}`);
  return `${stats.cases} requests; statuses ${statuses.join(' ')}; codes ${codes.join(' ')}; writes ${stats.writesAccepted} accepted, ${stats.writesRefused} refused; slowest ${stats.slowestMs.toFixed(0)} ms; node parser refusals ${stats.parserRefusals}`;
}
