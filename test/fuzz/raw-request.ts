/**
 * A bare HTTP/1.1 client for the fuzz: `fetch` normalises paths, refuses some headers and hides
 * duplicated ones, so hostile requests go out through node:http with the path, headers and body
 * bytes exactly as generated. A request that takes longer than `timeoutMs` counts as a hang.
 */
import http from 'node:http';

export interface FuzzRequest {
  readonly method: string;
  /** Path and query string as they go on the request line (already encoded as the case wants). */
  readonly path: string;
  /** Header pairs; a name may repeat. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string | Buffer;
  /** Sends the body chunked (no Content-Length), in two pieces. */
  readonly chunked?: boolean;
}

export interface FuzzReply {
  readonly status: number;
  readonly contentType: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  readonly json: unknown;
  readonly ms: number;
}

export class HangError extends Error {}

export interface RawClient {
  send(request: FuzzRequest): Promise<FuzzReply>;
  /** Closes the kept-alive sockets (end of a run). */
  close(): void;
}

/** A client for one server; kept-alive sockets so thousands of requests stay cheap. */
export function createRawClient(baseUrl: string, timeoutMs: number): RawClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return { send: (request) => sendRaw(agent, url, request, timeoutMs), close: () => agent.destroy() };
}

/** Header values node's client accepts: no CR, LF or NUL, Latin-1 only. */
function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return value.replace(/[\r\n\0]/g, ' ').replace(/[^\u0009\u0020-\u00ff]/g, '?');
}

function sendRaw(agent: http.Agent, url: URL, request: FuzzRequest, timeoutMs: number): Promise<FuzzReply> {
  // With headers given as a list node adds nothing, not even the Host HTTP/1.1 requires (RFC 9112 §3.2).
  const rawHeaders: string[] = ['host', url.host];
  for (const [name, value] of request.headers) rawHeaders.push(name, headerSafe(value));
  if (request.chunked === true) rawHeaders.push('transfer-encoding', 'chunked');
  else if (request.body !== undefined) rawHeaders.push('content-length', String(Buffer.byteLength(request.body)));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: request.method,
      path: request.path,
      headers: rawHeaders,
      agent,
    });
    const timer = setTimeout(() => req.destroy(new HangError(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        const contentType = String(res.headers['content-type'] ?? '');
        resolve({
          status: res.statusCode ?? 0,
          contentType,
          headers: res.headers,
          text,
          json,
          ms: performance.now() - started,
        });
      });
    });
    if (request.chunked === true && request.body !== undefined) {
      const body = Buffer.from(request.body);
      req.write(body.subarray(0, body.length >> 1));
      req.end(body.subarray(body.length >> 1));
    } else req.end(request.body);
  });
}
