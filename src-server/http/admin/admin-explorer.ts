/**
 * `/admin/api/explorer`: the Studio's API explorer. Sends go through the real data API over this
 * server's loopback listener (explorer/send-request.ts); endpoints, the GraphQL schema and code
 * samples describe what the whitelist exposes; history and saved requests live in the store.
 * Shapes: `src-shared/admin-api.ts`, section Explorer.
 */
import express, { type Router } from 'express';
import { printSchema } from 'graphql';
import { z } from 'zod';
import { whitelistAccess } from '../../engine/access.ts';
import { Problem } from '../../errors/problem.ts';
import { describeEndpoints } from '../../explorer/explorer-endpoints.ts';
import { parseExplorerRequest, parseStoredRequest, withoutToken } from '../../explorer/explorer-request.ts';
import { explorerSamples } from '../../explorer/explorer-samples.ts';
import { explorerPiiEnabled, setExplorerPii } from '../../explorer/pii-setting.ts';
import { sendExplorerRequest } from '../../explorer/send-request.ts';
import { createSchemaCache } from '../../graphql/schema-cache.ts';
import type { AdminContext } from './admin-context.ts';
import { notValid, parseAdminBody } from './parse-admin-body.ts';

const savedInput = z.strictObject({ name: z.string().trim().min(1, 'give the request a name').max(200), request: z.unknown() });
const savedChange = z.strictObject({ name: z.string().trim().min(1).max(200).optional(), request: z.unknown().optional() });
const piiInput = z.strictObject({ enabled: z.boolean() });

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  return parseAdminBody(schema, body, { code: 'PAS631', detail: notValid(what) });
}

function unknownSaved(id: string): Problem {
  return new Problem('PAS634', `there is no saved request \`${id.slice(0, 64)}\``);
}

export function createAdminExplorerRouter(ctx: AdminContext): Router {
  const router = express.Router();
  const { requests, settings } = ctx.store;
  const schemas = createSchemaCache();

  router.get('/endpoints', (_req, res) => {
    res.json({ data: describeEndpoints(ctx.engine.catalog, ctx.server.baseUrl) });
  });

  // The schema the Studio's own calls get (whitelistAccess, saved views included), as /graphql/schema.graphql prints it.
  router.get('/graphql-schema', (_req, res) => {
    const catalog = ctx.engine.catalog;
    res.type('text/plain; charset=utf-8').send(`${printSchema(schemas.schema(catalog, whitelistAccess(catalog), ctx.store.views))}\n`);
  });

  router.post('/send', async (req, res) => {
    const request = parseExplorerRequest(req.body);
    const target = { baseUrl: ctx.server.baseUrl, secret: ctx.explorer.secret };
    try {
      const response = await sendExplorerRequest(request, target);
      requests.appendHistory(withoutToken(request), response.status, response.durationMs);
      res.json({ data: response });
    } catch (error) {
      // A send that got no answer is history too (status null): the developer may want to retry it.
      requests.appendHistory(withoutToken(request), null, null);
      throw error;
    }
  });

  router.post('/samples', (req, res) => {
    res.json({ data: explorerSamples(parseExplorerRequest(req.body), ctx.server.baseUrl) });
  });

  router.get('/history', (req, res) => {
    const limit = Number(req.query.limit ?? Number.NaN);
    res.json({ data: requests.history(Number.isFinite(limit) ? limit : undefined) });
  });

  router.delete('/history', (_req, res) => {
    requests.clearHistory();
    res.status(204).end();
  });

  router.get('/saved', (_req, res) => {
    res.json({ data: requests.saved() });
  });

  router.post('/saved', (req, res) => {
    const input = parse(savedInput, req.body, 'saved request');
    res.status(201).json({ data: requests.createSaved(input.name, parseStoredRequest(input.request)) });
  });

  router.put('/saved/:id', (req, res) => {
    const input = parse(savedChange, req.body, 'saved request');
    const saved = requests.updateSaved(req.params.id, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.request === undefined ? {} : { request: parseStoredRequest(input.request) }),
    });
    if (saved === undefined) throw unknownSaved(req.params.id);
    res.json({ data: saved });
  });

  router.delete('/saved/:id', (req, res) => {
    if (!requests.deleteSaved(req.params.id)) throw unknownSaved(req.params.id);
    res.status(204).end();
  });

  router.get('/pii', (_req, res) => {
    res.json({ data: { enabled: explorerPiiEnabled(settings) } });
  });

  router.put('/pii', (req, res) => {
    const { enabled } = parse(piiInput, req.body, 'PII setting');
    setExplorerPii(settings, enabled);
    res.json({ data: { enabled } });
  });

  return router;
}
