/** The HTTP server's Express app: security headers, request ids, the data API and the Studio page. */
import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Driver } from '../db/driver.ts';
import type { Engine } from '../engine/engine.ts';
import { createGraphqlRouter, type GraphqlOptions } from '../graphql/create-graphql-router.ts';
import type { AdminContext } from './admin/admin-context.ts';
import { createAdminRouter } from './admin/admin-router.ts';
import { authTestHandler } from './auth-test-route.ts';
import { createDocsSource, type DocsSource } from '../docs/docs-source.ts';
import { DEFAULT_DOCS_MODE, type DocsMode } from '../docs/docs-mode.ts';
import { createApiDocsRouter, createExportsRouter } from './docs-router.ts';
import { createErrorHandler } from './error-handler.ts';
import { healthHandler } from './health-route.ts';
import { createRestRouter } from './rest-router.ts';
import { createStudioRouter } from './studio-page.ts';

export interface AppOptions {
  readonly logger: Logger;
  /**
   * The security pipeline in front of `/api/v1`: it authenticates the caller and must attach a
   * request context (`setRequestContext`) with the caller's access before calling next().
   */
  readonly guard: RequestHandler;
  /** The Studio's admin API and session; absent in tests of the data API alone. */
  readonly admin?: AdminContext;
  /** Where the built Studio page is (default `dist/studio`; the desktop app passes its own). */
  readonly studioDir?: string;
  /** Limits and switches of /api/v1/graphql (depth, complexity, aliases, list size, introspection). */
  readonly graphql?: Partial<GraphqlOptions>;
  /** Docs and exports: where examples come from, and who may open /api_docs (default: typed examples, loopback only). */
  readonly docs?: { readonly source?: DocsSource; readonly mode?: DocsMode };
}

export function createApp(engine: Engine, { logger, guard, admin, graphql, docs, studioDir }: AppOptions): Express {
  const docsSource = docs?.source ?? createDocsSource(engine, 'types');
  const app = express();
  app.disable('x-powered-by');
  // Query strings are parsed by the engine from the raw URL (filter[a.b] keys must stay literal).
  app.set('query parser', false);
  app.set('etag', false);
  app.use(helmet());
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming !== undefined && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    next();
  });
  // Before the guard: health carries no data and must answer without a token.
  // One handler (and probe cache) per driver, looked up per request: the engine may switch databases.
  const health = new WeakMap<Driver, ReturnType<typeof healthHandler>>();
  const startedAt = Date.now();
  app.get('/api/v1/health', (req, res) => {
    const { driver } = engine;
    let handler = health.get(driver);
    if (handler === undefined) health.set(driver, (handler = healthHandler(driver, startedAt)));
    return handler(req, res);
  });
  app.use('/api/v1', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  }, guard, createGraphqlRouter(engine, { ...graphql, logger }, admin?.store.views), express.Router().get('/auth/test', authTestHandler(engine)), createExportsRouter(docsSource, admin?.store.views), createRestRouter(engine, admin?.store.views));
  app.use('/api_docs', createApiDocsRouter(docsSource, docs?.mode ?? DEFAULT_DOCS_MODE, admin?.store.views));
  if (admin !== undefined) app.use('/admin/api', createAdminRouter(admin));
  app.use('/', createStudioRouter(admin?.sessionToken, studioDir));
  app.use(createErrorHandler(logger));
  return app;
}
