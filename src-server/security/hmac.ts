/**
 * Request signing for tokens that require it (DESIGN.md, auth stage). The canonical string is five
 * lines: METHOD, path, query sorted by key (then value), hex SHA-256 of the body, X-Timestamp.
 * X-Signature is the hex HMAC-SHA256 of that string under the token's secret. A signature is
 * accepted once within the time window (replay refused).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Problem } from '../errors/problem.ts';

/** `b=2&a=1&a=0` → `a=0&a=1&b=2`, each part re-encoded the same way whatever encoding the client used. */
export function canonicalQuery(search: string): string {
  const pairs = [...new URLSearchParams(search)];
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export function canonicalString(method: string, path: string, search: string, body: Buffer, timestamp: string): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return [method.toUpperCase(), path, canonicalQuery(search), bodyHash, timestamp].join('\n');
}

export function sign(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

/** Remembers accepted signatures until they fall out of the window. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  constructor(private readonly windowMs: number) {}

  /** True the first time a signature is offered within the window. */
  accept(signature: string, now: number): boolean {
    if (this.seen.size > 10_000) this.prune(now);
    const until = this.seen.get(signature);
    if (until !== undefined && until > now) return false;
    // Kept for two windows: the timestamp may be up to one window in the past or the future.
    this.seen.set(signature, now + 2 * this.windowMs);
    return true;
  }

  private prune(now: number): void {
    for (const [signature, until] of this.seen) if (until <= now) this.seen.delete(signature);
  }
}

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly search: string;
  readonly body: Buffer;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
}

/** Checks timestamp, signature and replay, in that order; throws the matching problem. */
export function verifySignature(request: SignedRequest, secret: string, windowSeconds: number, replay: ReplayGuard, now: number): void {
  const { timestamp, signature } = request;
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    throw new Problem('PAS307', 'this token requires signed requests: X-Timestamp (Unix seconds) is missing or not a number');
  }
  const skew = Math.abs(now / 1000 - Number(timestamp));
  if (skew > windowSeconds) {
    throw new Problem('PAS307', `X-Timestamp is ${Math.round(skew)} s away from the server clock; the window is ${windowSeconds} s`);
  }
  if (signature === undefined || !/^[0-9a-f]{64}$/i.test(signature)) {
    throw new Problem('PAS306', 'X-Signature is missing or not 64 hex characters');
  }
  const expected = Buffer.from(sign(secret, canonicalString(request.method, request.path, request.search, request.body, timestamp)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    throw new Problem('PAS306', 'X-Signature does not match the request');
  }
  if (!replay.accept(signature.toLowerCase(), now)) {
    throw new Problem('PAS308', 'this signature was already used');
  }
}
