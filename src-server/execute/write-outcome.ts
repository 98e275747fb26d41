/**
 * What became of a write whose connection failed. Before COMMIT was sent nothing can have been
 * committed: the server rolls back a transaction whose session ends. While COMMIT was under way the
 * database may have committed or not; this module finds out by waiting until the lost session can no
 * longer commit (the driver's `settle`) and reading each written row back by key on a new connection:
 * - every row as the write left it → `applied` (the caller gets the write's normal answer);
 * - every row as it was before (or still absent / still present) → `not-applied`;
 * - anything else (another writer touched the row meanwhile), or the database out of reach for the
 *   whole window → `unknown`.
 * The answer names the outcome (`outcome` member of PAS501/PAS502), so a client knows whether to retry.
 */
import { compile } from '../compile/compile.ts';
import type { CommitUnknownError } from '../db/connection-failure.ts';
import type { Driver, Row, SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { keyWhere } from '../plan/plan-read.ts';

export type WriteOutcome = 'applied' | 'not-applied' | 'unknown';

/** How long a write whose COMMIT reply was lost waits for the database before answering `unknown`. */
export const COMMIT_CHECK_WINDOW_MS = 3000;

/** One row a write changes: how to find it again and the states that tell the outcome apart. */
export interface RowExpectation {
  readonly table: string;
  readonly key: readonly { readonly column: string; readonly value: SqlValue }[];
  /** Columns compared (the key columns alone for a delete). */
  readonly columns: readonly string[];
  /** The row as the write leaves it; null when the write deletes it. */
  readonly after: Row | null;
  /** The row before the write; null when it did not exist (a create); `present` when only its existence matters (a delete). */
  readonly before: Row | null | 'present';
}

function sameRow(found: Row | undefined, expected: Row | null | 'present', columns: readonly string[]): boolean {
  if (expected === 'present') return found !== undefined;
  if (expected === null || found === undefined) return expected === null && found === undefined;
  return columns.every((c) => JSON.stringify(found[c]) === JSON.stringify(expected[c]));
}

async function readRow(driver: Driver, expectation: RowExpectation): Promise<Row | undefined> {
  const plan = {
    kind: 'select',
    table: expectation.table,
    columns: expectation.columns,
    where: keyWhere(expectation.key),
    orderBy: [],
    limit: 1,
    offset: 0,
  } as const;
  const { sql, params } = compile(plan, driver.dialect);
  return (await driver.query(sql, params))[0];
}

/** Learns whether a transaction that failed during COMMIT changed `expectations`' rows. */
export async function learnOutcome(
  driver: Driver,
  error: CommitUnknownError,
  expectations: readonly RowExpectation[],
  windowMs = COMMIT_CHECK_WINDOW_MS,
): Promise<WriteOutcome> {
  const started = performance.now();
  if (expectations.length === 0 || !(await error.settle(windowMs))) return 'unknown';
  const found: WriteOutcome[] = [];
  for (const expectation of expectations) {
    let row: Row | undefined;
    for (;;) {
      try {
        row = await readRow(driver, expectation);
        break;
      } catch {
        // The database answered `settle` but failed again: keep trying within the window.
        if (performance.now() - started > windowMs) return 'unknown';
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    if (sameRow(row, expectation.after, expectation.columns)) found.push('applied');
    else if (sameRow(row, expectation.before, expectation.columns)) found.push('not-applied');
    else return 'unknown';
  }
  return found.every((o) => o === found[0]) ? (found[0] as WriteOutcome) : 'unknown';
}

const HINTS: Record<Exclude<WriteOutcome, 'applied'>, string> = {
  'not-applied': 'Nothing was written (the transaction was rolled back); retry once GET /api/v1/health passes.',
  unknown:
    'The connection was lost while the database committed and it could not be checked: GET the row (for a create, the `id` member) before retrying.',
};

/** The problem answering a write that failed with `problem`, saying what became of it. */
export function withOutcome(
  problem: Problem,
  outcome: Exclude<WriteOutcome, 'applied'>,
  extra: Record<string, unknown> = {},
): Problem {
  return new Problem(problem.code, problem.detail, {
    hint: HINTS[outcome],
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
    extra: { ...problem.extra, ...extra, outcome },
    cause: problem.cause,
  });
}
