/** What the security stages learn about one request as it moves through them. */
import type { AuthToken } from './token-directory.ts';

export interface PipelineState {
  readonly requestId: string;
  readonly ip: string;
  /** Epoch milliseconds when the request arrived (the audit entry's time). */
  readonly startedAt: number;
  /** The raw body (empty when none), kept for the HMAC body hash. */
  rawBody: Buffer;
  token: AuthToken | undefined;
}
