/**
 * Stage 1, shield: cheap refusals before any token work. Request id, query-string length, a per-IP
 * throttle (so token guessing is slow), and the body: read once with a size cap, checked for JSON
 * depth before parsing, kept raw for the HMAC body hash (the bytes as sent, compressed or not).
 * A compressed body (Content-Encoding gzip, deflate or br) is decompressed with the same size cap on
 * the decompressed bytes, enforced by zlib while it inflates (`maxOutputLength`): a zip bomb stops
 * at the cap, never allocating more. Any other coding is refused (415), never read as if it were JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
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

type Coding = 'identity' | 'gzip' | 'deflate' | 'br';
const CODINGS: Readonly<Record<string, Coding>> = { identity: 'identity', gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

/** The one content coding of a body (RFC 9110 §8.4); a list of codings or an unknown one is refused. */
function contentCoding(header: string | undefined): Coding {
  if (header === undefined) return 'identity';
  const codings = header.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return 'identity';
  const coding = codings.length === 1 ? CODINGS[codings[0]!] : undefined;
  if (coding === undefined) {
    throw new Problem('PAS134', `the body's Content-Encoding \`${header.slice(0, 100)}\` is not supported`);
  }
  return coding;
}

/** Decompresses `raw`, refusing (413) as soon as the output passes `maxBytes`. */
function decode(raw: Buffer, coding: Exclude<Coding, 'identity'>, maxBytes: number): Buffer {
  // One byte over the cap tells "too large" from "exactly at the cap".
  const options = { maxOutputLength: maxBytes + 1 };
  let out: Buffer;
  try {
    if (coding === 'gzip') out = zlib.gunzipSync(raw, options);
    // "deflate" is zlib-wrapped (RFC 9110 §8.4.1.2), though some clients send raw deflate.
    else if (coding === 'deflate') out = raw[0] !== undefined && (raw[0] & 0x0f) === 8 ? zlib.inflateSync(raw, options) : zlib.inflateRawSync(raw, options);
    else out = zlib.brotliDecompressSync(raw, options);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Problem('PAS116', `the ${coding} body decompresses to more than ${maxBytes} bytes`);
    }
    throw new Problem('PAS135', `the body is not valid ${coding} data: ${(error as Error).message}`);
  }
  if (out.length > maxBytes) throw new Problem('PAS116', `the ${coding} body decompresses to more than ${maxBytes} bytes`);
  return out;
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
      const coding = contentCoding(req.headers['content-encoding']);
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
      const text = (coding === 'identity' ? raw : decode(raw, coding, options.maxBodyBytes)).toString('utf8');
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
