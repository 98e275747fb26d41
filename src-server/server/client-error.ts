/**
 * Requests node's HTTP parser refuses before any middleware runs (a head over the parser's limit, a
 * malformed request line or header, a broken chunk) answered as RFC 9457 problems instead of node's
 * bare `400 Bad Request`, without ever corrupting a keep-alive connection:
 * - only when nothing else is being written on the socket: node assigns a `ServerResponse` to the
 *   socket (`_httpMessage`) for the request being answered, and a pipelined or half-read request may
 *   still be running; an answer written then would arrive before (or inside) that response. Such a
 *   socket is destroyed, as node itself does once a response has started;
 * - no body when the request was HEAD (RFC 9110 §9.3.2), or may have been: a HEAD client reads body
 *   bytes as garbage ("Data after `Connection: close`", the fuzz found it);
 * - `Connection: close` and `Content-Length`, then `end()`: the parser is dead, nothing more can be
 *   read on this socket; the socket lingers until the client closes (so unread bytes do not turn the
 *   close into a reset that would swallow the answer), at most `LINGER_MS`;
 * - a peer that reset or half-closed the connection (ECONNRESET, HPE_INVALID_EOF_STATE) gets nothing.
 * The parser reports each later chunk of a dead connection again: those reports are ignored.
 */
import type { Duplex } from 'node:stream';
import { Problem, problemBody } from '../errors/problem.ts';

/** How long a refused connection may stay half-open waiting for the client to close it. */
const LINGER_MS = 2000;

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
};

const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

/** Sockets already answered or destroyed by this handler. */
const handled = new WeakSet<Duplex>();

interface ParserError extends Error {
  readonly code?: string;
  /** The chunk the parser was reading when it failed (node sets it for parse errors). */
  readonly rawPacket?: Buffer;
}

/** The problem for a parser error, or null when the peer should get nothing. */
export function parserProblem(error: ParserError, headLimitBytes: number): Problem | null {
  const code = error.code ?? '';
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new Problem('PAS119', `the request line and headers are larger than ${headLimitBytes / 1024} KB`);
  }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') {
    return new Problem('PAS116', 'the chunk extensions of the body are too large', {
      hint: 'Send the body with Content-Length, or chunked without chunk extensions.',
    });
  }
  if (code === 'HPE_INVALID_EOF_STATE' || !code.startsWith('HPE_')) return null;
  return new Problem('PAS133', `the request is not valid HTTP/1.1 (${code.slice(4).toLowerCase().replaceAll('_', ' ')})`);
}

/**
 * Whether the answer may carry a body. A HEAD answer must not (RFC 9110 §9.3.2): a HEAD client reads
 * body bytes as garbage. The parser reports only the chunk it was reading, so the method is known
 * when that chunk starts the request; a head overflowing in a later chunk (one sent in pieces) could
 * be a HEAD's, and gets the status alone. Any other refusal happens early in a short head.
 */
function mayHaveBody(error: ParserError): boolean {
  const start = error.rawPacket?.subarray(0, 16).toString('latin1') ?? '';
  if (/^HEAD /i.test(start)) return false;
  return error.code !== 'HPE_HEADER_OVERFLOW' || /^[A-Za-z]+ /.test(start);
}

/** The raw HTTP/1.1 answer to a refused request. */
export function rawProblemResponse(problem: Problem, withBody: boolean): string {
  // No `instance`: the request line could not be read (or not trusted).
  const { instance: _unread, ...members } = problemBody(problem, '');
  const body = JSON.stringify(members);
  return (
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Error'}\r\n` +
    (withBody
      ? `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      : 'Content-Length: 0\r\n') +
    'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
    (withBody ? body : '')
  );
}

/** `server.on('clientError', …)` for a server whose parser refuses heads over `headLimitBytes`. */
export function clientErrorHandler(headLimitBytes: number): (error: Error, socket: Duplex) => void {
  return (error, socket) => {
    if (handled.has(socket)) return;
    handled.add(socket);
    const parserError = error as ParserError;
    const inFlight = (socket as Duplex & { _httpMessage?: unknown })._httpMessage != null;
    const problem = parserProblem(parserError, headLimitBytes);
    if (inFlight || !socket.writable) {
      socket.destroy();
      return;
    }
    if (problem !== null) socket.end(rawProblemResponse(problem, mayHaveBody(parserError)));
    // A head or body not received within node's headersTimeout/requestTimeout: node's own answer.
    else if (parserError.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.end(REQUEST_TIMEOUT);
    else {
      socket.destroy();
      return;
    }
    // Read and drop what the client still sends until it closes; then (or after LINGER_MS) let go.
    socket.on('data', () => undefined);
    socket.resume();
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
  };
}
