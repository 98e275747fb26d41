/**
 * The last middleware: every error becomes a problem. Body-parser failures keep their meaning
 * (malformed JSON → 400, too large → 413, wrong charset → 415), an undecodable path segment is the
 * caller's mistake (400/404); database errors go through the one mapping table; anything unexpected
 * is logged with the request id and answered 500 without details.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { Problem } from '../errors/problem.ts';
import { mapDatabaseError } from '../execute/map-database-error.ts';
import { sendProblem } from './send-problem.ts';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly message?: string;
}

function fromBodyParser(error: BodyParserError): Problem | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new Problem('PAS113', `the body is not valid JSON: ${error.message ?? ''}`.trim());
    case 'entity.too.large':
      return new Problem('PAS116', 'the body is larger than 256 KB');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new Problem('PAS114', error.message ?? 'unsupported body encoding');
    case 'request.aborted':
    case 'request.size.invalid':
      return new Problem('PAS113', error.message ?? 'the body was incomplete');
    default:
      return null;
  }
}

/**
 * Express's router could not percent-decode a path parameter (`/api/v1/invoices/%zz`): a caller's
 * mistake (RFC 3986 §2.1), never a 500. An undecodable `{id}` is an invalid id; any other segment
 * names no route.
 */
function fromUndecodablePath(error: unknown, path: string): Problem | null {
  if (!(error instanceof URIError) || (error as { status?: number }).status !== 400) return null;
  const raw = /'(.*)'$/.exec(error.message)?.[1] ?? '';
  const segments = path.split('/');
  const detail = `the path segment \`${raw}\` is not valid percent-encoding`;
  const hint = 'Percent-encode each path segment as UTF-8 (encodeURIComponent).';
  const isId =
    segments.length === 5 &&
    segments[1] === 'api' &&
    segments[2] === 'v1' &&
    segments[3] !== 'views' &&
    segments[4] === raw;
  return new Problem(isId ? 'PAS111' : 'PAS115', detail, { hint });
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const instance = req.originalUrl.split('?')[0] ?? req.originalUrl;
    const problem =
      mapDatabaseError(error) ?? fromBodyParser(error as BodyParserError) ?? fromUndecodablePath(error, instance);
    if (problem !== null) {
      // A request cut by the server's own shutdown (PAS902) is expected: the client is told to retry,
      // and a warning with a stack per request would bury the log of a shutdown under load.
      if (problem.code === 'PAS902') logger.debug({ reqId: res.getHeader('X-Request-Id') }, problem.detail);
      else if (problem.status >= 500)
        logger.warn({ err: problem.cause ?? problem, reqId: res.getHeader('X-Request-Id') }, problem.detail);
      sendProblem(res, problem, instance);
      return;
    }
    logger.error(
      { err: error, reqId: res.getHeader('X-Request-Id'), method: req.method, path: instance },
      'unexpected error',
    );
    sendProblem(
      res,
      new Problem('PAS901', `an unexpected error occurred (request ${String(res.getHeader('X-Request-Id'))})`),
      instance,
    );
  };
}
