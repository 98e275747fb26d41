/** The HTTP server's Express app: security headers, request ids, the data API and the Studio page. */
import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Engine } from '../engine/engine.ts';
import { createErrorHandler } from './error-handler.ts';
import { createRestRouter } from './rest-router.ts';
import { renderStudioPlaceholder } from './studio-placeholder.ts';

export interface AppOptions {
  readonly logger: Logger;
  /**
   * The security pipeline in front of `/api/v1`: it authenticates the caller and must attach a
   * request context (`setRequestContext`) with the caller's access before calling next().
   */
  readonly guard: RequestHandler;
}

export function createApp(engine: Engine, { logger, guard }: AppOptions): Express {
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
  app.use('/api/v1', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  }, guard, createRestRouter(engine));
  app.get('/', (_req, res) => {
    res.type('html').send(renderStudioPlaceholder(engine.catalog));
  });
  app.use(createErrorHandler(logger));
  return app;
}
