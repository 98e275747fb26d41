/** Starts the HTTP server and resolves once it listens, or rejects with a sentence a person can act on. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { Problem, problemBody } from '../errors/problem.ts';
import { clientErrorHandler } from './client-error.ts';

export interface RunningServer {
  /** `http://HOST:PORT` */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts
   * whatever is left (a stuck client must not keep the process alive).
   */
  close(graceMs?: number): Promise<void>;
}

/** How long in-flight requests may take to finish once shutdown starts. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export class ServerStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServerStartError';
  }
}

function explainListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host}; stop the other server or choose another with --port`;
    case 'EACCES':
      return `not allowed to listen on ${host}:${port}; ports below 1024 need privileges, choose another with --port`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${host}: no such local address (use 127.0.0.1, or 0.0.0.0 to share on the LAN)`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/** The documented limit on a request's line and headers (node's default parser limit). */
export const HEAD_LIMIT_BYTES = 16 * 1024;
/**
 * The parser's own limit, above the documented one: heads between the two reach the request handler,
 * which knows the method and answers 431 through node's response (no body for HEAD, keep-alive
 * framing intact); only heads beyond it are refused by the parser (`client-error.ts`).
 */
// Below node's 64 KB read size: a head written at once overflows within the chunk holding its request
// line, so the parser's refusal still knows the method (see client-error.ts).
const PARSER_HEAD_LIMIT_BYTES = 48 * 1024;

/** The size of a request's line and headers as they came on the wire (CRLFs included). */
function headBytes(req: http.IncomingMessage): number {
  let n = req.method!.length + (req.url ?? '').length + 12;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) n += raw[i]!.length + raw[i + 1]!.length + 4;
  return n + 2;
}

/** Answers a request without the app (refused before it): problem+json, then the connection closes. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, problem: Problem): void {
  const body = JSON.stringify(problemBody(problem, (req.url ?? '').split('?')[0] ?? ''));
  res.shouldKeepAlive = false;
  res.writeHead(problem.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(problem.status === 503 ? { 'Retry-After': '5' } : {}),
    Connection: 'close',
  });
  res.end(body);
  // The unread body (if any) is drained by node; the socket closes once the answer is out.
  req.resume();
}

export function startServer(app: Express, host: string, port: number): Promise<RunningServer> {
  let closing = false;
  const server = http.createServer({ maxHeaderSize: PARSER_HEAD_LIMIT_BYTES }, (req, res) => {
    // A kept-alive connection may bring a request after shutdown began: it is refused, not started,
    // so nothing reaches the database or the store while they close.
    if (closing) {
      refuse(req, res, new Problem('PAS902', 'the server is shutting down'));
      return;
    }
    if (headBytes(req) > HEAD_LIMIT_BYTES) {
      refuse(req, res, new Problem('PAS119', `the request line and headers are ${headBytes(req)} bytes; the limit is ${HEAD_LIMIT_BYTES}`));
      return;
    }
    app(req, res);
  });
  server.on('clientError', clientErrorHandler(PARSER_HEAD_LIMIT_BYTES));
  // Keep-alive sockets must outlive typical client pools (autocannon, browsers) without piling up.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ServerStartError(explainListenError(error, host, port), { cause: error })));
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: (graceMs = DEFAULT_SHUTDOWN_GRACE_MS) =>
          new Promise<void>((done) => {
            closing = true;
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
            // Keep-alive connections that finish their request while we wait are closed as they go idle.
            const sweep = setInterval(() => server.closeIdleConnections(), 100);
            server.once('close', () => clearInterval(sweep));
          }),
      });
    });
  });
}
