/**
 * Hands a trace from the security pipeline, which serves the explorer's loopback call, to the
 * explorer route that made the call and reads its answer. Both run in this process, on either side
 * of a real HTTP hop, so the only thing they share is the request id: the explorer draws it at
 * random (a UUID in `X-Request-Id`, which the app keeps) and claims the trace by it once the answer
 * has arrived.
 *
 * One inbox per process, like the AsyncLocalStorage it complements: only a caller holding a launch's
 * explorer secret can post to it, ids are random, and unclaimed traces (a send that timed out, a
 * hand-made call with the secret) expire, so it cannot grow.
 */
import type { RequestTrace } from './request-trace.ts';

const MAX_PENDING = 256;
const EXPIRE_MS = 120_000;

const pending = new Map<string, { trace: RequestTrace; at: number }>();

function expire(now: number): void {
  // Insertion order is age order: stop at the first fresh entry.
  for (const [id, entry] of pending) {
    if (pending.size < MAX_PENDING && now - entry.at < EXPIRE_MS) break;
    pending.delete(id);
  }
}

/** Leaves the trace of request `requestId` for the explorer to claim. */
export function postTrace(requestId: string, trace: RequestTrace): void {
  const now = performance.now();
  expire(now);
  pending.set(requestId, { trace, at: now });
}

/** The trace of `requestId`, removed from the inbox; undefined when the call was never traced. */
export function claimTrace(requestId: string): RequestTrace | undefined {
  const entry = pending.get(requestId);
  pending.delete(requestId);
  return entry?.trace;
}
