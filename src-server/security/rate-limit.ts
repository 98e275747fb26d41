/**
 * Stage 4, rate limit: a budget per token and minute (rate-limiter-flexible's in-memory limiter),
 * announced with the IETF RateLimit-* headers. If the limiter itself fails, the request is refused:
 * a broken limiter must not become an unlimited one (fail closed).
 */
import type { ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Problem } from '../errors/problem.ts';
import type { AuthToken } from './token-directory.ts';

export interface TokenRateLimiter {
  consume(res: ServerResponse, token: AuthToken): Promise<void>;
}

function setHeaders(res: ServerResponse, limit: number, state: RateLimiterRes): void {
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
  res.setHeader('RateLimit-Reset', String(Math.max(0, Math.ceil(state.msBeforeNext / 1000))));
}

export function createTokenRateLimiter(): TokenRateLimiter {
  // One limiter per distinct budget; tokens with the same budget share it, keyed by token id.
  const limiters = new Map<number, RateLimiterMemory>();
  function limiterFor(points: number): RateLimiterMemory {
    let limiter = limiters.get(points);
    if (limiter === undefined) limiters.set(points, (limiter = new RateLimiterMemory({ keyPrefix: `tok${points}`, points, duration: 60 })));
    return limiter;
  }

  return {
    async consume(res, token) {
      let state: RateLimiterRes;
      try {
        state = await limiterFor(token.rateLimit).consume(token.id);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) {
          throw new Problem('PAS311', 'the rate limiter could not decide, so the request was refused', { cause: error });
        }
        setHeaders(res, token.rateLimit, error);
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))));
        throw new Problem('PAS309', `the token \`${token.name}\` may make ${token.rateLimit} requests per minute`);
      }
      setHeaders(res, token.rateLimit, state);
    },
  };
}
