/**
 * REST transport: translates HTTP to the engine's pipeline and back. No SQL and no business rules
 * live here (graphql-http's express adapter is the model: translate, call, translate).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Engine } from '../engine/engine.ts';
import { resolveResource } from '../engine/engine.ts';
import { runCreate, runDelete, runGet, runList, runUpdate, type RowResult } from '../engine/run-rest.ts';
import { StageTimer } from '../engine/stage-timer.ts';
import { canUse, requireRight } from '../engine/access.ts';
import { Problem } from '../errors/problem.ts';
import { describeIndexEntry, describeResource } from '../serialize/describe-resource.ts';
import { requestContext } from './request-context.ts';
import { apiBase, requestUrl } from './request-url.ts';
import { allowHeader } from './send-problem.ts';

type Handler = (req: Request, res: Response, timer: StageTimer) => Promise<void>;

/** Runs a handler with a stage timer and always reports `Server-Timing`, on errors too. */
function timed(handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const timer = new StageTimer();
    try {
      await handler(req, res, timer);
    } catch (error) {
      if (!res.headersSent) res.setHeader('Server-Timing', timer.header());
      next(error);
    }
  };
}

/**
 * Writes JSON directly: Express's `res.send` re-derives content type, charset and freshness on every
 * call, which showed as a fifth of the engine's CPU per request in `npm run bench`.
 */
function sendJson(res: Response, timer: StageTimer, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.setHeader('Server-Timing', timer.header());
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.statusCode = status;
  res.end(json);
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

function rowLinks(base: string, result: RowResult): Record<string, string> {
  base = `${base}/${result.resource}`;
  return { self: `${base}/${result.key.map((k) => encodeURIComponent(String(k))).join(',')}`, collection: base };
}

/** Bodies must be JSON objects; anything else that carries a body is 415 (RFC 9110 §15.5.16). */
function requireJsonBody(req: Request): unknown {
  const length = Number(req.get('content-length') ?? '0');
  const hasBody = length > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    throw new Problem('PAS114', `expected an application/json body, got ${req.get('content-type') ?? 'no Content-Type'}`);
  }
  return req.body;
}

export function createRestRouter(engine: Engine): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  // Bodies arrive read, size-checked and parsed by the security pipeline's shield (req.body).

  router.get('/', timed(async (req, res, timer) => {
    const base = apiBase(req);
    const { access } = requestContext(req);
    sendJson(res, timer, 200, {
      data: engine.catalog.resources.filter((r) => canUse(access, r.name, 'read')).map((r) => describeIndexEntry(r, base)),
      links: { self: base },
    });
  }));

  router.get('/:resource/schema', timed(async (req, res, timer) => {
    const resource = resolveResource(engine.catalog, param(req, 'resource'));
    requireRight(requestContext(req).access, resource, 'read');
    sendJson(res, timer, 200, { data: describeResource(engine.catalog, resource, apiBase(req)) });
  }));

  router.get('/:resource', timed(async (req, res, timer) => {
    const context = requestContext(req);
    const envelope = await runList(engine, context.access, param(req, 'resource'), requestUrl(req), timer);
    context.rows = envelope.data.length;
    sendJson(res, timer, 200, envelope);
  }));

  router.get('/:resource/:id', timed(async (req, res, timer) => {
    const url = requestUrl(req);
    const context = requestContext(req);
    const result = await runGet(engine, context.access, param(req, 'resource'), param(req, 'id'), url, timer);
    context.rows = 1;
    sendJson(res, timer, 200, { data: result.data, links: rowLinks(`${url.origin}/api/v1`, result) });
  }));

  router.post('/:resource', timed(async (req, res, timer) => {
    const context = requestContext(req);
    const result = await runCreate(engine, context.access, param(req, 'resource'), requireJsonBody(req), timer);
    context.rows = 1;
    const links = rowLinks(apiBase(req), result);
    res.setHeader('Location', links.self ?? '');
    sendJson(res, timer, 201, { data: result.data, links });
  }));

  const update = timed(async (req, res, timer) => {
    const context = requestContext(req);
    const result = await runUpdate(engine, context.access, param(req, 'resource'), param(req, 'id'), requireJsonBody(req), timer);
    context.rows = 1;
    sendJson(res, timer, 200, { data: result.data, links: rowLinks(apiBase(req), result) });
  });
  router.put('/:resource/:id', update);
  router.patch('/:resource/:id', update);

  router.delete('/:resource/:id', timed(async (req, res, timer) => {
    const context = requestContext(req);
    await runDelete(engine, context.access, param(req, 'resource'), param(req, 'id'), timer);
    context.rows = 1;
    res.setHeader('Server-Timing', timer.header());
    res.status(204).end();
  }));

  // Any other method on a known path: 405 with the methods the resource allows.
  router.all(['/:resource', '/:resource/:id'], timed(async (req) => {
    const resource = resolveResource(engine.catalog, param(req, 'resource'));
    const collection = req.params.id === undefined;
    const allowed = resource.operations.filter((op) => (collection ? op === 'read' || op === 'create' : op !== 'create'));
    throw new Problem('PAS202', `${req.method} is not supported on ${req.path}`, {
      hint: `allowed here: ${allowHeader(allowed) || 'nothing'}`,
      extra: { allowed },
    });
  }));

  router.use(timed(async (req) => {
    throw new Problem('PAS115', `no route ${req.method} /api/v1${req.path}`);
  }));
  return router;
}
