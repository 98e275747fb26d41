/**
 * The last middleware: every error becomes a problem. Body-parser failures keep their meaning
 * (malformed JSON → 400, too large → 413, wrong charset → 415); database errors go through the one
 * mapping table; anything unexpected is logged with the request id and answered 500 without details.
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

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const problem = mapDatabaseError(error) ?? fromBodyParser(error as BodyParserError);
    const instance = req.originalUrl.split('?')[0] ?? req.originalUrl;
    if (problem !== null) {
      if (problem.status >= 500) logger.warn({ err: problem.cause ?? problem, reqId: res.getHeader('X-Request-Id') }, problem.detail);
      sendProblem(res, problem, instance);
      return;
    }
    logger.error({ err: error, reqId: res.getHeader('X-Request-Id'), method: req.method, path: instance }, 'unexpected error');
    sendProblem(res, new Problem('PAS901', `an unexpected error occurred (request ${String(res.getHeader('X-Request-Id'))})`), instance);
  };
}
