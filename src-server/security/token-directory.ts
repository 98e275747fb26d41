/**
 * What the pipeline needs from the token store: lookups by secret and usage updates. The SQLite
 * store's TokensRepo satisfies it; keeping the interface here keeps the stages testable on their own.
 */
import type { Grants } from '../engine/access.ts';

export interface AuthToken {
  readonly id: string;
  readonly name: string;
  readonly expiresAt: string | null;
  readonly grants: Grants;
  readonly origins: readonly string[];
  readonly ipAllow: readonly string[];
  /** Requests per minute. */
  readonly rateLimit: number;
  readonly hmac: boolean;
}

export interface TokenDirectory {
  /** The live or expired token with this secret; undefined for malformed, unknown or revoked ones. */
  findBySecret(token: string): AuthToken | undefined;
  hmacSecret(id: string): string | null;
  /** Tokens neither revoked nor expired: with none, the API explains how to create one. */
  liveCount(): number;
  /** Records last-used times (id → ISO time) in one write. */
  touch(usage: ReadonlyMap<string, string>): void;
}
