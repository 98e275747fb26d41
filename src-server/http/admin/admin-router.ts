/**
 * `/admin/api`: the Studio's private API, behind the admin guard (loopback, Host, session token).
 * One router per screen; the JSON shapes are `src-shared/admin-api.ts`.
 */
import express, { type Router } from 'express';
import type { AdminContext } from './admin-context.ts';
import { createAdminCatalogRouter } from './admin-catalog.ts';
import { createAdminConnectionsRouter, createAdminJobsRouter } from './admin-connections.ts';
import { createAdminExplorerRouter } from './admin-explorer.ts';
import { createAdminGuard } from './admin-guard.ts';
import { createAdminLogsRouter } from './admin-logs.ts';
import { createAdminServerRouter, createAdminExportsRouter } from './admin-server.ts';
import { createAdminSettingsRouter } from './admin-settings.ts';
import { createAdminTokensRouter } from './admin-tokens.ts';
import { createAdminViewsRouter } from './admin-views.ts';
import { createAdminWhitelistRouter } from './admin-whitelist.ts';

export function createAdminRouter(ctx: AdminContext): Router {
  const router = express.Router();
  router.use(createAdminGuard(ctx.sessionToken));
  router.use(express.json({ limit: '1mb' }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use('/server', createAdminServerRouter(ctx));
  router.use('/exports', createAdminExportsRouter(ctx));
  router.use('/connections', createAdminConnectionsRouter(ctx));
  router.use('/jobs', createAdminJobsRouter(ctx));
  router.use('/whitelist', createAdminWhitelistRouter(ctx));
  router.use('/explorer', createAdminExplorerRouter(ctx));
  router.use('/tokens', createAdminTokensRouter(ctx.store.tokens));
  router.use('/logs', createAdminLogsRouter(ctx.store.audit));
  router.use('/settings', createAdminSettingsRouter(ctx.store.settings));
  router.use('/views', createAdminViewsRouter(ctx.store.views));
  router.use('/catalog', createAdminCatalogRouter(ctx.engine));
  return router;
}
