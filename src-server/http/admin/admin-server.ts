/**
 * The server panel and the exports of the Studio: `GET /admin/api/server` (base URL, LAN sharing and
 * its URLs, the database served, this launch's demo token), `PUT /admin/api/server/lan`, and
 * one-click downloads `GET /admin/api/exports/openapi` and `/exports/postman` of everything the
 * whitelist exposes, addressed to this server (like the CLI's `export`).
 */
import express, { type Router } from 'express';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { ServerInfo } from '../../../src-shared/admin-api.ts';
import { whitelistAccess } from '../../engine/access.ts';
import { Problem } from '../../errors/problem.ts';
import { openApiVersion } from '../docs-router.ts';
import type { AdminContext } from './admin-context.ts';

const lanBody = z.strictObject({ enabled: z.boolean() });

export function serverInfo(ctx: AdminContext): ServerInfo {
  const { server } = ctx;
  return {
    version: ctx.version,
    baseUrl: server.baseUrl,
    apiUrl: `${server.baseUrl}/api/v1`,
    docsUrl: `${server.baseUrl}/api_docs`,
    port: server.port,
    lan: { enabled: server.lanEnabled, urls: server.lanUrls },
    connection: ctx.databases.active(),
    demoToken: ctx.demoToken,
  };
}

export function createAdminServerRouter(ctx: AdminContext): Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.json({ data: serverInfo(ctx) });
  });
  router.put('/lan', async (req, res) => {
    const parsed = lanBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new Problem('PAS112', 'the body must be {"enabled": true|false}', { hint: 'PUT /admin/api/server/lan {"enabled": true}' });
    try {
      await ctx.server.setLan(parsed.data.enabled);
    } catch (error) {
      throw new Problem('PAS601', (error as Error).message, { hint: 'Connect this machine to a network, then try again.' });
    }
    ctx.logger.info(parsed.data.enabled ? `data API shared on the LAN: ${ctx.server.lanUrls.join(', ')}` : 'LAN sharing stopped');
    res.json({ data: serverInfo(ctx) });
  });
  return router;
}

export function createAdminExportsRouter(ctx: AdminContext): Router {
  const router = express.Router();
  router.get('/openapi', async (req, res) => {
    const url = new URL(req.originalUrl, 'http://localhost');
    const version = openApiVersion(req);
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'yaml') throw new Problem('PAS112', `format must be json or yaml, got \`${format.slice(0, 20)}\``, { hint: '?format=yaml' });
    const document = await ctx.docs.openapi(whitelistAccess(ctx.engine.catalog), ctx.server.baseUrl, version, ctx.store.views);
    const body = format === 'json' ? JSON.stringify(document, null, 2) : stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
    res.setHeader('Content-Type', format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="perfex-api.openapi-${version}.${format}"`);
    res.end(body);
  });
  router.get('/postman', async (_req, res) => {
    const collection = await ctx.docs.postman(whitelistAccess(ctx.engine.catalog), ctx.server.baseUrl, ctx.store.views);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="perfex-api.postman_collection.json"');
    res.end(JSON.stringify(collection, null, 2));
  });
  return router;
}
