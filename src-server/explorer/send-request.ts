/**
 * Sends an explorer request as real HTTP to this server's own loopback listener, so it meets the
 * whole security pipeline, the transports and the serializers exactly as any client's call would.
 * The explorer secret marks it as the Studio's (traced; the Studio's rights when no token is given);
 * the trace is claimed by the request id once the answer is in.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { ExplorerRequest, ExplorerResponse, ExplorerStatement } from '../../src-shared/admin-api.ts';
import type { SqlValue } from '../db/driver.ts';
import { Problem } from '../errors/problem.ts';
import { EXPLORER_HEADER, PII_HEADER, PII_RANDOMISE, PII_RANDOMISED_HEADER } from './explorer-headers.ts';
import type { RequestTrace } from './request-trace.ts';
import { claimTrace } from './trace-inbox.ts';

export const SEND_TIMEOUT_MS = 30_000;
/** Larger answers are cut (and say so): the Studio shows a response in an editor, not a download. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface SendTarget {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  readonly secret: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/**
 * Headers the caller may not set: connection management belongs to the client, the credential to
 * `auth`, and the explorer's own channel (secret, PII wish, request id) to this module.
 */
const RESERVED = new Set([
  'host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'proxy-authorization', 'authorization', 'cookie', 'x-request-id', EXPLORER_HEADER, PII_HEADER,
]);

function outgoingHeaders(request: ExplorerRequest, secret: string, requestId: string, body: Buffer | null): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!RESERVED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers['x-request-id'] = requestId;
  headers[EXPLORER_HEADER] = secret;
  if (request.auth.kind === 'token') headers.authorization = `Bearer ${request.auth.token}`;
  if (request.pii) headers[PII_HEADER] = PII_RANDOMISE;
  if (body !== null) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(body.length);
  }
  return headers;
}

/** `parse;dur=0.08, plan;dur=0.02` → entries (W3C Server-Timing). */
export function parseServerTiming(header: string | undefined): { name: string; durationMs: number }[] {
  if (header === undefined || header === '') return [];
  return header.split(',').flatMap((entry) => {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim());
    const dur = params.find((p) => p.startsWith('dur='));
    const value = dur === undefined ? 0 : Number(dur.slice(4));
    return name === '' || !Number.isFinite(value) ? [] : [{ name, durationMs: value }];
  });
}

/** Bound values as JSON can carry them: dates in ISO 8601, bytes in hex, big integers as text. */
function jsonValue(value: SqlValue): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function statementsOf(trace: RequestTrace | undefined): ExplorerStatement[] {
  return (trace?.statements ?? []).map((s) => ({ sql: s.sql, params: s.params.map(jsonValue), durationMs: round(s.durationMs ?? 0) }));
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

interface Answer {
  readonly res: http.IncomingMessage;
  readonly body: Buffer;
  readonly truncated: boolean;
}

function exchange(url: URL, method: string, path: string, headers: Record<string, string>, body: Buffer | null, timeoutMs: number, maxBytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A fresh connection per send (no agent): nothing lingers to hold up the server's shutdown.
    const req = http.request({ hostname: url.hostname, port: url.port, method, path, headers, agent: false });
    const timer = setTimeout(() => req.destroy(new Problem('PAS632', `no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error instanceof Problem ? error : new Problem('PAS633', `the data API could not be reached at ${url.origin}: ${error.message}`, { cause: error }));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = (): void => {
        clearTimeout(timer);
        resolve({ res, body: Buffer.concat(chunks, Math.min(size, maxBytes)), truncated });
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size > maxBytes) {
          truncated = true;
          // Enough for the Studio to show: stop the transfer rather than read the rest for nothing.
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', (error) => (truncated ? undefined : fail(error)));
    });
    req.end(body ?? undefined);
  });
}

/** Sends `request` through the real data API and reports its answer with the SQL it ran. */
export async function sendExplorerRequest(request: ExplorerRequest, target: SendTarget): Promise<ExplorerResponse> {
  const url = new URL(target.baseUrl);
  const requestId = randomUUID();
  const body = request.body === undefined || request.body === null || request.body === '' || request.method === 'GET' ? null : Buffer.from(request.body);
  // A request line carries ASCII only: spaces and other characters are percent-encoded (UTF-8).
  const path = request.path.replace(/[^\x21-\x7e]+/g, (text) => encodeURI(text));
  const started = performance.now();
  const headersOut = outgoingHeaders(request, target.secret, requestId, body);
  let answer: Answer;
  try {
    answer = await exchange(url, request.method, path, headersOut, body, target.timeoutMs ?? SEND_TIMEOUT_MS, target.maxBytes ?? MAX_RESPONSE_BYTES);
  } catch (error) {
    claimTrace(requestId); // a failed send leaves no trace behind
    throw error;
  }
  const durationMs = performance.now() - started;
  // One turn for the server side's last callbacks (a cursor closed by a cut answer) before reading the trace.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const trace = claimTrace(requestId);
  const { res } = answer;
  const headers = flatHeaders(res.headers);
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    headers,
    body: answer.body.toString('utf8'),
    sizeBytes: answer.body.length,
    truncated: answer.truncated,
    durationMs: round(durationMs),
    requestId: headers['x-request-id'] ?? requestId,
    statements: statementsOf(trace),
    timings: [...(trace?.stages ?? []), ...parseServerTiming(headers['server-timing'])].map((t) => ({ name: t.name, durationMs: round(t.durationMs) })),
    piiRandomised: headers[PII_RANDOMISED_HEADER] === 'randomised',
  };
}
