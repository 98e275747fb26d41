/**
 * The trace of one explorer request: the SQL statements it ran (in the order they were sent, with
 * their bound values and durations) and the time the security stages took. The security pipeline
 * starts a trace only for the Studio's own calls (`X-PAS-Explorer`) and runs the rest of the request
 * inside it (AsyncLocalStorage), so the execute stage finds it without any parameter threading.
 * Untraced requests pay one `getStore()` per statement and allocate nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlValue } from '../db/driver.ts';

export interface TracedStatement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
  /** null while the statement runs (or when it never settled, e.g. a stream abandoned by the client). */
  durationMs: number | null;
}

/** More statements than any request shape produces (they grow with the shape, never the rows). */
const MAX_STATEMENTS = 1000;

export class RequestTrace {
  readonly statements: TracedStatement[] = [];
  /** Statements beyond MAX_STATEMENTS, counted, not kept. */
  dropped = 0;
  /** Stages timed outside the engine's StageTimer (the security pipeline). */
  readonly stages: { name: string; durationMs: number }[] = [];

  /** Records a statement as it is sent; call the returned function when it settles. */
  begin(sql: string, params: readonly SqlValue[]): () => void {
    if (this.statements.length >= MAX_STATEMENTS) {
      this.dropped++;
      return () => undefined;
    }
    // A copy: the caller owns its array, and the trace is read after the request has finished.
    const entry: TracedStatement = { sql, params: params.slice(), durationMs: null };
    this.statements.push(entry);
    const started = performance.now();
    return () => {
      entry.durationMs ??= performance.now() - started;
    };
  }

  stage(name: string, durationMs: number): void {
    this.stages.push({ name, durationMs });
  }
}

const storage = new AsyncLocalStorage<RequestTrace>();
let inFlight = 0;

/**
 * Runs `work` (and everything it starts, sync or async) with `trace` as the current trace; call the
 * returned function when the request is over. AsyncLocalStorage is switched off again when no traced
 * request is left: on Node 20 it works through async_hooks, whose promise hook, once on, costs every
 * request in the process (measured ~40–70 µs CPU on a REST call, bench/explorer-trace.ts), traced or not.
 */
export function runTraced(trace: RequestTrace, work: () => void): () => void {
  inFlight++;
  let over = false;
  const end = (): void => {
    if (over) return;
    over = true;
    // The next runTraced switches it on again. A late callback of a finished request finds no trace,
    // which is right: its trace has been read (or dropped) by then.
    if (--inFlight === 0) storage.disable();
  };
  try {
    storage.run(trace, work);
  } catch (error) {
    end();
    throw error;
  }
  return end;
}

/** The trace of the request whose code is running, if it is traced. */
export function currentTrace(): RequestTrace | undefined {
  return storage.getStore();
}

/** Whether a traced request is running (AsyncLocalStorage on); false once every traced request is over. */
export function tracing(): boolean {
  return inFlight > 0;
}
