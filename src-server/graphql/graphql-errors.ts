/**
 * Problems as GraphQL errors: the message is the problem's detail and `extensions` carries the same
 * object a REST caller gets as problem+json (`code`, `hint`, `status`, `type`, `title`, per-field
 * `errors`…). graphql-js's own validation errors get PAS124; anything unexpected becomes PAS901
 * without internals, logged with the request id.
 */
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { PROBLEMS, type ProblemCode } from '../errors/problem-catalogue.ts';
import { Problem, problemBody } from '../errors/problem.ts';
import { isSchemaDrift, schemaChanged } from '../engine/schema-drift.ts';
import { mapDatabaseError } from '../execute/map-database-error.ts';

export const GRAPHQL_INSTANCE = '/api/v1/graphql';

function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(PROBLEMS, code);
}

/** The extensions of a problem (RFC 9457 members plus `code` and `hint`). */
export function problemExtensions(problem: Problem): Record<string, unknown> {
  return problemBody(problem, GRAPHQL_INSTANCE);
}

/** A GraphQL error carrying `problem`, keeping the location and path of `located` when given. */
export function problemError(problem: Problem, located?: GraphQLError): GraphQLError {
  return new GraphQLError(problem.detail, {
    nodes: located?.nodes ?? null,
    source: located?.source ?? null,
    positions: located?.positions ?? null,
    path: located?.path ?? null,
    originalError: problem,
    extensions: problemExtensions(problem),
  });
}

/** A problem raised before execution (limits), located at `nodes`. */
export function limitError(problem: Problem, nodes: GraphQLError['nodes']): GraphQLError {
  return new GraphQLError(problem.detail, {
    nodes: nodes ?? null,
    originalError: problem,
    extensions: problemExtensions(problem),
  });
}

/**
 * Maps one error of a response. `requestId` and `logger` are known during execution; before it
 * (request parsing, validation) only errors of the caller's making can occur.
 */
export function formatGraphqlError(
  error: Readonly<GraphQLError | Error>,
  logger?: Logger,
  requestId?: string,
): GraphQLError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof Problem) return problemError(original, error instanceof GraphQLError ? error : undefined);
  const located = error instanceof GraphQLError ? error : undefined;
  if (located !== undefined && (located.originalError === undefined || located.originalError instanceof GraphQLError)) {
    const code = located.extensions.code;
    // Syntax, validation and variable-coercion errors: the caller's request is not valid GraphQL here.
    const problem = new Problem(isProblemCode(code) ? code : 'PAS124', located.message);
    return new GraphQLError(located.message, {
      nodes: located.nodes ?? null,
      source: located.source ?? null,
      positions: located.positions ?? null,
      path: located.path ?? null,
      extensions: { ...problemExtensions(problem), ...located.extensions, code: problem.code },
    });
  }
  if (located === undefined && !(error instanceof GraphQLError)) {
    // graphql-http's request parsing ("Missing query", "Unparsable JSON body"): a bad request.
    return problemError(new Problem('PAS124', error.message));
  }
  // A column or table gone from the database: the router refreshes the catalog; the caller retries.
  if (isSchemaDrift(original)) return problemError(schemaChanged(original), located);
  const mapped = mapDatabaseError(original);
  if (mapped !== null) return problemError(mapped, located);
  logger?.error({ err: original, reqId: requestId }, 'unexpected GraphQL error');
  return problemError(
    new Problem('PAS901', `an unexpected error occurred (request ${requestId ?? 'unknown'})`),
    located,
  );
}
