/**
 * `/admin/api/catalog`: what the API exposes now (`GET`), and `POST /admin/api/catalog/refresh` to
 * introspect the database again after a schema change (a module installed, a column added) without
 * restarting. The answer says what changed, by resource.
 */
import express, { type Router } from 'express';
import { describeCatalog } from '../../catalog/describe-catalog.ts';
import type { Engine } from '../../engine/engine.ts';

export function createAdminCatalogRouter(engine: Engine): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    const catalog = engine.catalog;
    res.json({ data: { ...describeCatalog(catalog), database: catalog.database, warnings: catalog.warnings ?? [] } });
  });
  router.post('/refresh', async (_req, res) => {
    const { catalog, added, removed, changed, durationMs } = await engine.refresh();
    res.json({
      data: {
        resources: catalog.resources.length,
        added,
        removed,
        changed,
        warnings: catalog.warnings ?? [],
        durationMs,
      },
    });
  });
  return router;
}
