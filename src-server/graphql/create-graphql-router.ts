/**
 * GraphQL transport: graphql-http's Express handler (GraphQL-over-HTTP compliant: POST, and GET for
 * queries) at /api/v1/graphql, and the SDL at /api/v1/graphql/schema.graphql. It only translates:
 * the caller's Access picks a cached schema, the limits rule measures the operation, and the
 * resolvers run the engine's stages. No SQL here.
 */
import express, { type Router } from 'express';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  printSchema,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import type { Response as HttpResponse } from 'graphql-http';
import { requireScope } from '../engine/access.ts';
import { pinCatalog, type Engine } from '../engine/engine.ts';
import { isSchemaDrift } from '../engine/schema-drift.ts';
import type { ViewSource } from '../engine/run-view.ts';
import { Problem } from '../errors/problem.ts';
import { requestContext } from '../http/request-context.ts';
import { checkGraphqlTransport, mutationOverGet } from './check-graphql-transport.ts';
import { limitsRule } from './check-limits.ts';
import { createGraphqlContext, type GraphqlContext } from './graphql-context.ts';
import { formatGraphqlError, problemExtensions } from './graphql-errors.ts';
import { resolveGraphqlOptions, type GraphqlOptions } from './graphql-options.ts';
import { createSchemaCache } from './schema-cache.ts';

export type { GraphqlOptions } from './graphql-options.ts';

type OperationContextRecord = Record<PropertyKey, unknown>;

/** Tokens one document may hold (graphql-js parse option): bounds parsing work on hostile input. */
const MAX_TOKENS = 15_000;

/** A problem answered as problem+json, for refusals before any GraphQL work (missing scope). */
function problemResponse(problem: Problem, headers: Record<string, string> = {}): HttpResponse {
  return [
    JSON.stringify(problemExtensions(problem)),
    {
      status: problem.status,
      statusText: problem.title,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
  ];
}

/**
 * Errors of one response, mapped once each: a problem raised for every row of a level (the same
 * error object under many paths) is reported once, at its first path.
 */
function mapErrors(result: ExecutionResult, ctx: GraphqlContext, options: GraphqlOptions): ExecutionResult {
  if (result.errors === undefined) return result;
  const seen = new Set<unknown>();
  const errors: GraphQLError[] = [];
  for (const error of result.errors) {
    const shape = `${error.message}|${(error.path ?? []).filter((p) => typeof p === 'string').join('.')}`;
    const identity = error.originalError ?? shape;
    if (seen.has(identity) || seen.has(shape)) continue;
    seen.add(identity);
    seen.add(shape);
    errors.push(formatGraphqlError(error, options.logger, ctx.requestId));
  }
  return { ...result, errors };
}

/** The GraphQL routes, relative to /api/v1. */
/** `views`: the local store's saved views, offered as `view_<name>` fields (absent in some tests). */
export function createGraphqlRouter(engine: Engine, partial: Partial<GraphqlOptions> = {}, views?: ViewSource): Router {
  const options = resolveGraphqlOptions(partial);
  const cache = createSchemaCache();
  const router = express.Router({ caseSensitive: true, strict: false });

  router.get('/graphql/schema.graphql', (req, res) => {
    const { access } = requestContext(req);
    requireScope(access, 'graphql');
    const sdl = printSchema(cache.schema(engine.catalog, access, views));
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`${sdl}\n`);
  });

  const handler = createHandler<OperationContextRecord>({
    async onSubscribe(req, params) {
      const http = req.raw;
      const { access, requestId, pii } = requestContext(http);
      try {
        requireScope(access, 'graphql');
      } catch (error) {
        if (error instanceof Problem) return problemResponse(error);
        throw error;
      }
      // Driver and catalog pinned together: the engine may switch databases while resolvers run.
      const pinned = pinCatalog(engine);
      const catalog = pinned.catalog;
      const names = cache.names(catalog);
      const schema = cache.schema(catalog, access, views);
      const contextValue = createGraphqlContext({ engine: pinned, catalog, access, names, options, requestId, pii });
      let document: DocumentNode;
      try {
        document = contextValue.timer.time('parse', () => parse(params.query, { maxTokens: MAX_TOKENS }));
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      const overGet = mutationOverGet(http.method ?? '', document, params.operationName ?? undefined);
      if (overGet !== null) return problemResponse(overGet, { allow: 'POST' });
      const rules = [
        ...specifiedRules,
        limitsRule(contextValue, options, params.variables),
        ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
      ];
      const errors = contextValue.timer.time('validate', () => validate(schema, document, rules));
      if (errors.length > 0) {
        req.context.res.setHeader('Server-Timing', contextValue.timer.header());
        return errors;
      }
      return {
        schema,
        document,
        operationName: params.operationName ?? null,
        variableValues: params.variables ?? null,
        // graphql-http types contexts as records; resolvers receive it as the GraphqlContext it is.
        contextValue: contextValue as unknown as OperationContextRecord,
      };
    },
    onOperation(req, args, result) {
      const ctx = args.contextValue as unknown as GraphqlContext;
      // The database lost something this schema was built from: refresh, so the next request gets a schema without it.
      if (result.errors?.some((e) => isSchemaDrift(e.originalError)) === true) {
        engine.refresh().catch((error: unknown) => options.logger?.error({ err: error }, 'catalog refresh failed'));
      }
      const context = requestContext(req.raw);
      context.rows = ctx.rows;
      req.context.res.setHeader('Server-Timing', ctx.timer.header());
      return mapErrors(result, ctx, options);
    },
    formatError: (error) => formatGraphqlError(error, options.logger),
  });
  router.all('/graphql', checkGraphqlTransport, handler);
  return router;
}
