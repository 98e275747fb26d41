/**
 * The MySQL driver's fast failure for an unreachable database: a connection attempt that fails
 * slowly (a host dropping packets, a server that never sends its handshake) opens the breaker, so
 * for the next second operations fail at once instead of each waiting out the connect timeout; then
 * one operation at a time probes. Refused or denied connections fail fast by themselves and open nothing.
 */
import { UnreachableError } from './connection-failure.ts';

/** A connection attempt failing after this long (or timing out) opens the breaker… */
const SLOW_FAILURE_MS = 1000;
/** …for this long: operations meanwhile fail at once, then one of them probes the database. */
const OPEN_MS = 1000;

export interface ConnectBreaker {
  /** Before an attempt: an error to fail with at once, or null to go ahead (possibly as the probe). */
  admit(): UnreachableError | null;
  /** After an attempt that began at `started` (performance.now()): null when it connected. */
  record(error: { code?: string } | null, started: number): void;
}

export function createConnectBreaker(): ConnectBreaker {
  /** When a slow connection failure happened (0 = closed), its code, and whether a probe is out. */
  let failedAt = 0;
  let code = '';
  let probing = false;
  return {
    admit() {
      if (failedAt === 0) return null;
      const since = performance.now() - failedAt;
      if (since >= OPEN_MS && !probing) {
        probing = true;
        return null;
      }
      return new UnreachableError(code, Math.max(OPEN_MS - since, 100), since);
    },
    record(error, started) {
      probing = false;
      if (error !== null && (performance.now() - started >= SLOW_FAILURE_MS || error.code === 'ETIMEDOUT')) {
        failedAt = performance.now();
        code = error.code ?? 'connect failed';
      } else {
        failedAt = 0; // connected, or refused/denied at once: nothing to wait for
      }
    },
  };
}
