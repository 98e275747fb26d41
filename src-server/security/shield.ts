/**
 * Stage 1, shield: cheap refusals before any token work. Request id, query-string length, a per-IP
 * throttle (so token guessing is slow), and the body: read once with a size cap, checked for JSON
 * depth before parsing, kept raw for the HMAC body hash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Problem } from '../errors/problem.ts';
import { rawJsonDepthExceeds } from './json-depth.ts';
import type { PipelineState } from './pipeline-state.ts';
import type { SecurityOptions } from './security-options.ts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The request's body as parsed for the transports: JSON for JSON types, text otherwise. */
export type ParsedBody = unknown;

export interface Shield {
  /** Query length and per-IP throttle; sets nothing on success. */
  checkRequest(req: IncomingMessage, res: ServerResponse, state: PipelineState): Promise<void>;
  /** Reads and checks the body; returns what the transports see as `req.body`. */
  readBody(req: IncomingMessage, state: PipelineState): Promise<ParsedBody>;
  /** Counts a failed authentication against the caller's address. */
  recordAuthFailure(ip: string): Promise<void>;
}

function retryAfter(res: ServerResponse, ms: number): void {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(ms / 1000))));
}

export function createShield(options: SecurityOptions): Shield {
  const perIp = new RateLimiterMemory({ keyPrefix: 'ip', points: options.ipRequestsPerMinute, duration: 60 });
  const authFailures = new RateLimiterMemory({ keyPrefix: 'auth-fail', points: options.ipAuthFailuresPerMinute, duration: 60 });

  async function throttle(res: ServerResponse, ip: string): Promise<void> {
    const failed = await authFailures.get(ip);
    if (failed !== null && failed.consumedPoints >= options.ipAuthFailuresPerMinute) {
      retryAfter(res, failed.msBeforeNext);
      throw new Problem('PAS310', `too many failed authentications from ${ip}; wait before trying again`);
    }
    try {
      await perIp.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw new Problem('PAS311', 'the per-address throttle failed', { cause: error });
      retryAfter(res, error.msBeforeNext);
      throw new Problem('PAS310', `more than ${options.ipRequestsPerMinute} requests per minute from ${ip}`);
    }
  }

  return {
    async checkRequest(req, res, state) {
      const url = req.url ?? '';
      const q = url.indexOf('?');
      if (q >= 0 && Buffer.byteLength(url) - q - 1 > options.maxQueryBytes) {
        throw new Problem('PAS118', `the query string is ${Buffer.byteLength(url) - q - 1} bytes; the limit is ${options.maxQueryBytes}`);
      }
      await throttle(res, state.ip);
    },

    async readBody(req, state) {
      const declared = req.headers['content-length'];
      // No body, or an empty one: nothing to read, and the stream stays untouched for transports that
      // read it themselves (graphql-http's Express handler reads the stream when req.body is empty).
      if ((declared === undefined || declared === '0') && req.headers['transfer-encoding'] === undefined) return undefined;
      if (declared !== undefined && Number(declared) > options.maxBodyBytes) {
        throw new Problem('PAS116', `the body is ${declared} bytes; the limit is ${options.maxBodyBytes}`, {
          hint: `Request bodies are limited to ${Math.round(options.maxBodyBytes / 1024)} KB.`,
        });
      }
      let raw: Buffer;
      try {
        raw = await getRawBody(req, { limit: options.maxBodyBytes, length: declared });
      } catch (error) {
        const type = (error as { type?: string }).type;
        if (type === 'entity.too.large') throw new Problem('PAS116', `the body is larger than ${options.maxBodyBytes} bytes`);
        throw new Problem('PAS113', `the body could not be read: ${(error as Error).message}`);
      }
      state.rawBody = raw;
      if (raw.length === 0) return undefined;
      const text = raw.toString('utf8');
      if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return text;
      if (rawJsonDepthExceeds(text, options.maxJsonDepth)) {
        throw new Problem('PAS117', `the JSON body nests deeper than ${options.maxJsonDepth} levels`);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new Problem('PAS113', `the body is not valid JSON: ${(error as Error).message}`);
      }
    },

    async recordAuthFailure(ip) {
      await authFailures.penalty(ip, 1).catch(() => undefined);
    },
  };
}
