/**
 * GraphQL-over-HTTP refusals as problems. graphql-http answers a method other than GET/POST (405),
 * a POST body that is not UTF-8 JSON (415) and an Accept it cannot meet (406) with an empty body,
 * and would wait forever for a body the security shield already read when that body was JSON but
 * not an object (`null`, `false`, `0`, `""`). These checks run first, so each of those answers is
 * the catalogue's problem+json like any REST refusal (found by the hostile-input fuzz, issue 9).
 */
import type { NextFunction, Request, Response } from 'express';
import { getOperationAST, type DocumentNode } from 'graphql';
import { Problem } from '../errors/problem.ts';

const TRANSPORT_HINT =
  'GraphQL takes GET ?query=… for queries and POST with a JSON body {query, variables, operationName}.';

/** graphql-http's own test: `application/json`, in UTF-8 when a charset is given. */
function isJsonUtf8(contentType: string | undefined): boolean {
  const [mediaType, charset = 'charset=utf-8'] = (contentType ?? '').replace(/\s/g, '').toLowerCase().split(';');
  return mediaType === 'application/json' && charset === 'charset=utf-8';
}

/** Whether graphql-http finds a media type it serves in `accept` (its parsing: no q-values). */
function acceptsGraphqlJson(accept: string | undefined): boolean {
  return (accept ?? '*/*')
    .replace(/\s/g, '')
    .toLowerCase()
    .split(',')
    .some((entry) => {
      const [mediaType, ...params] = entry.split(';');
      const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
      const utf8 =
        charset === 'charset=utf-8' ||
        (charset === 'charset=utf8' && mediaType !== 'application/graphql-response+json');
      return (
        utf8 &&
        ['application/graphql-response+json', 'application/json', 'application/*', '*/*'].includes(mediaType ?? '')
      );
    });
}

/** Express middleware in front of graphql-http's handler. */
export function checkGraphqlTransport(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    throw new Problem('PAS202', `GraphQL is served over GET and POST, not ${req.method}`, { hint: TRANSPORT_HINT });
  }
  if (req.method === 'POST' && !isJsonUtf8(req.get('content-type'))) {
    throw new Problem(
      'PAS114',
      `expected a UTF-8 application/json body, got ${req.get('content-type') ?? 'no Content-Type'}`,
      {
        hint: TRANSPORT_HINT,
      },
    );
  }
  // The body was read (and parsed) by the shield but is no object: nothing is left on the stream.
  if (req.method === 'POST' && !req.body && req.readableEnded) {
    throw new Problem(
      'PAS124',
      `the body must be a JSON object, got ${req.body === undefined ? 'nothing' : JSON.stringify(req.body)}`,
      {
        hint: TRANSPORT_HINT,
      },
    );
  }
  // REST answers JSON whatever Accept says; GraphQL does the same rather than an empty 406
  // (RFC 9110 §12.5.1 lets a server disregard Accept).
  if (!acceptsGraphqlJson(req.get('accept'))) req.headers.accept = 'application/json';
  next();
}

/**
 * A mutation asked over GET (GraphQL over HTTP: GET is for queries only), as a 405 problem.
 * Null when the document may run.
 */
export function mutationOverGet(
  method: string,
  document: DocumentNode,
  operationName: string | undefined,
): Problem | null {
  if (method !== 'GET') return null;
  if (getOperationAST(document, operationName)?.operation !== 'mutation') return null;
  return new Problem('PAS202', 'mutations are accepted over POST only', { hint: TRANSPORT_HINT });
}
