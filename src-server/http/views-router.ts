/**
 * `/api/v1/views`: the saved views (the security pipeline already requires the `views` scope on this
 * path). `GET /views` lists them; `GET /views/{name}?param=…` runs one with the list pipeline's
 * envelopes, pagination, formats and rights.
 */
import express, { type Router } from 'express';
import type { Engine } from '../engine/engine.ts';
import { runView, type ViewSource } from '../engine/run-view.ts';
import { runnableView } from '../engine/view-access.ts';
import { requestContext } from './request-context.ts';
import { apiBase, requestUrl } from './request-url.ts';
import { acceptedFormat, sendList, timed } from './rest-router.ts';

export function createViewsRouter(engine: Engine, views: ViewSource): Router {
  const router = express.Router({ caseSensitive: true, strict: false });

  router.get(
    '/',
    timed(engine, async (req, res, timer) => {
      const base = `${apiBase(req)}/views`;
      const { access } = requestContext(req);
      const catalog = engine.catalog;
      // Only the views this caller may run, as OpenAPI and GraphQL list them.
      const runnable = views.list().filter(({ definition }) => runnableView(catalog, access, definition) !== null);
      const data = runnable.map(({ definition: v }) => ({
        name: v.name,
        description: v.description ?? null,
        resource: v.resource,
        params: v.params ?? {},
        links: { self: `${base}/${v.name}` },
      }));
      res.setHeader('Server-Timing', timer.header());
      res.json({ data, links: { self: base } });
    }),
  );

  router.get(
    '/:name',
    timed(engine, async (req, res, timer) => {
      const context = requestContext(req);
      const accept = acceptedFormat(req);
      const name = typeof req.params.name === 'string' ? req.params.name : '';
      const result = await runView(engine, context.access, views, name, requestUrl(req), timer, {
        ...(accept === undefined ? {} : { accept }),
        pii: context.pii,
      });
      context.rows = await sendList(res, timer, result, name);
    }),
  );

  return router;
}
