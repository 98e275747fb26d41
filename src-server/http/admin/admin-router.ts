/**
 * `/admin/api`: the Studio's private API. Mounted behind the admin guard (loopback, Host, session
 * token); grows with the Studio (connections, whitelist, explorer, exports come with it).
 */
import express, { type Router } from 'express';
import type { Engine } from '../../engine/engine.ts';
import type { Store } from '../../store/open-store.ts';
import { createAdminCatalogRouter } from './admin-catalog.ts';
import { createAdminGuard } from './admin-guard.ts';
import { createAdminLogsRouter } from './admin-logs.ts';
import { createAdminSettingsRouter } from './admin-settings.ts';
import { createAdminTokensRouter } from './admin-tokens.ts';
import { createAdminViewsRouter } from './admin-views.ts';

export function createAdminRouter(store: Store, sessionToken: string, engine: Engine): Router {
  const router = express.Router();
  router.use(createAdminGuard(sessionToken));
  router.use(express.json({ limit: '256kb' }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use('/tokens', createAdminTokensRouter(store.tokens));
  router.use('/logs', createAdminLogsRouter(store.audit));
  router.use('/settings', createAdminSettingsRouter(store.settings));
  router.use('/views', createAdminViewsRouter(store.views));
  router.use('/catalog', createAdminCatalogRouter(engine));
  return router;
}
