/**
 * Stage 2, cors. Preflights are answered before authentication (browsers never send credentials on
 * them) by the `cors` package, which also reflects the Origin on every answer so a browser client can
 * read our problems. After authentication, a token with allowed origins refuses any other Origin.
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import cors from 'cors';
import { Problem } from '../errors/problem.ts';
import type { AuthToken } from './token-directory.ts';

export const corsHandler = cors({
  origin: true,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type', 'X-Timestamp', 'X-Signature', 'X-Request-Id'],
  exposedHeaders: ['X-Request-Id', 'Location', 'Server-Timing', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
  maxAge: 600,
  preflightContinue: false,
  optionsSuccessStatus: 204,
}) as unknown as (req: IncomingMessage, res: Parameters<RequestListener>[1], next: (error?: unknown) => void) => void;

/** Refuses (403) a browser call from an Origin the token does not list, when it lists any. */
export function checkOrigin(req: IncomingMessage, token: AuthToken): void {
  const origin = req.headers.origin;
  if (origin === undefined || token.origins.length === 0) return;
  if (token.origins.includes(origin)) return;
  throw new Problem('PAS305', `the token \`${token.name}\` does not accept calls from the origin ${origin.slice(0, 200)}`, {
    hint: `allowed origins: ${token.origins.join(', ')}`,
  });
}
