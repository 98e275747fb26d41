/**
 * REST transport: translates HTTP to the engine's pipeline and back. No SQL and no business rules
 * live here (graphql-http's express adapter is the model: translate, call, translate). HTTP-only
 * concerns are: content negotiation (JSON, CSV, NDJSON), conditional requests (ETag, If-None-Match,
 * If-Match), `Prefer`, and streaming exports with backpressure.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Engine } from '../engine/engine.ts';
import { resolveResource } from '../engine/engine.ts';
import { runListResult, type ListResult } from '../engine/run-list.ts';
import { runCreate, runCreateMany, runDelete, runGet, runUpdate, type RowResult } from '../engine/run-rest.ts';
import type { ViewSource } from '../engine/run-view.ts';
import { StageTimer } from '../engine/stage-timer.ts';
import { canUse, requireRight } from '../engine/access.ts';
import { Problem } from '../errors/problem.ts';
import { isSchemaDrift, schemaChanged } from '../engine/schema-drift.ts';
import type { OutputFormat } from '../parse/list-request.ts';
import { ifNoneMatchHits } from '../serialize/row-etag.ts';
import { describeIndexEntry, describeResource } from '../serialize/describe-resource.ts';
import { appliedPreferences, readPreferences } from './prefer-header.ts';
import { requestContext } from './request-context.ts';
import { apiBase, requestUrl } from './request-url.ts';
import { allowHeader } from './send-problem.ts';
import { createViewsRouter } from './views-router.ts';
import { writeExport } from './write-export.ts';

type Handler = (req: Request, res: Response, timer: StageTimer) => Promise<void>;

/** Runs a handler with a stage timer and always reports `Server-Timing`, on errors too. */
export function timed(engine: Engine, handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let timer = new StageTimer();
    try {
      try {
        await handler(req, res, timer);
      } catch (error) {
        // The database lost a column or table the catalog still lists: refresh the catalog and run
        // the request once more, so it either works or gets the clear 4xx of the new catalog.
        if (!isSchemaDrift(error) || res.headersSent) throw error;
        await engine.refresh();
        timer = new StageTimer();
        await handler(req, res, timer);
      }
    } catch (error) {
      if (!res.headersSent) res.setHeader('Server-Timing', timer.header());
      if (!res.headersSent) next(isSchemaDrift(error) ? schemaChanged(error) : error);
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

/** The format `Accept` asks for, when it prefers CSV or NDJSON to JSON (`format=` in the query wins). */
export function acceptedFormat(req: Request): OutputFormat | undefined {
  if (req.get('accept') === undefined) return undefined;
  const best = req.accepts(['application/json', 'text/csv', 'application/x-ndjson', 'application/ndjson']);
  return best === 'text/csv'
    ? 'csv'
    : best === 'application/x-ndjson' || best === 'application/ndjson'
      ? 'ndjson'
      : undefined;
}

/** Sends a list result: the JSON envelope, or a streamed export. Returns the rows written. */
export async function sendList(
  res: Response,
  timer: StageTimer,
  result: ListResult,
  filename: string,
): Promise<number> {
  if (result.kind === 'json') {
    sendJson(res, timer, 200, result.envelope);
    return result.rows;
  }
  return writeExport(res, timer, result.format, result.columns, result.rows, filename);
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

function rowLinks(base: string, result: Pick<RowResult, 'resource' | 'key'>): Record<string, string> {
  base = `${base}/${result.resource}`;
  return { self: `${base}/${result.key.map((k) => encodeURIComponent(String(k))).join(',')}`, collection: base };
}

/** Bodies must be JSON; anything else that carries a body is 415 (RFC 9110 §15.5.16). */
function requireJsonBody(req: Request): unknown {
  const length = Number(req.get('content-length') ?? '0');
  const hasBody = length > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    throw new Problem(
      'PAS114',
      `expected an application/json body, got ${req.get('content-type') ?? 'no Content-Type'}`,
    );
  }
  return req.body;
}

/** Headers every answer about one written row carries. */
function rowHeaders(res: Response, result: RowResult, applied: string | null): void {
  if (result.etag !== null) res.setHeader('ETag', result.etag);
  if (applied !== null) res.setHeader('Preference-Applied', applied);
}

/** `views`: the saved views of the local store (absent where the server has no store, e.g. some tests). */
export function createRestRouter(engine: Engine, views?: ViewSource): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.use(express.json({ limit: '256kb', strict: false, type: ['application/json', 'application/*+json'] }));

  router.get(
    '/',
    timed(engine, async (req, res, timer) => {
      const base = apiBase(req);
      const { access } = requestContext(req);
      sendJson(res, timer, 200, {
        data: engine.catalog.resources
          .filter((r) => canUse(access, r.name, 'read'))
          .map((r) => describeIndexEntry(r, base)),
        links: { self: base },
      });
    }),
  );

  if (views !== undefined) router.use('/views', createViewsRouter(engine, views));

  router.get(
    '/:resource/schema',
    timed(engine, async (req, res, timer) => {
      const resource = resolveResource(engine.catalog, param(req, 'resource'));
      requireRight(requestContext(req).access, resource, 'read');
      sendJson(res, timer, 200, { data: describeResource(engine.catalog, resource, apiBase(req)) });
    }),
  );

  router.get(
    '/:resource',
    timed(engine, async (req, res, timer) => {
      const context = requestContext(req);
      const accept = acceptedFormat(req);
      const result = await runListResult(engine, context.access, param(req, 'resource'), requestUrl(req), timer, {
        ...(accept === undefined ? {} : { accept }),
        pii: context.pii,
      });
      context.rows = await sendList(res, timer, result, param(req, 'resource'));
    }),
  );

  router.get(
    '/:resource/:id',
    timed(engine, async (req, res, timer) => {
      const url = requestUrl(req);
      const context = requestContext(req);
      const result = await runGet(engine, context.access, param(req, 'resource'), param(req, 'id'), url, timer, {
        pii: context.pii,
      });
      context.rows = result.rows;
      if (result.etag !== null) {
        res.setHeader('ETag', result.etag);
        // Revalidation replaces no-store for a row with a validator (DESIGN.md: no-store unless ETag applies).
        res.setHeader('Cache-Control', 'private, no-cache');
        const ifNoneMatch = req.get('if-none-match');
        if (ifNoneMatch !== undefined && ifNoneMatchHits(ifNoneMatch, result.etag)) {
          res.setHeader('Server-Timing', timer.header());
          res.status(304).end();
          return;
        }
      }
      sendJson(res, timer, 200, { data: result.data, links: rowLinks(`${url.origin}/api/v1`, result) });
    }),
  );

  router.post(
    '/:resource',
    timed(engine, async (req, res, timer) => {
      const context = requestContext(req);
      const prefer = readPreferences(req);
      const body = requireJsonBody(req);
      const name = param(req, 'resource');
      const applied = appliedPreferences(prefer);
      if (applied !== null) res.setHeader('Preference-Applied', applied);
      if (Array.isArray(body)) {
        const results = await runCreateMany(engine, context.access, name, body, timer, {
          dryRun: prefer.rollback,
          pii: context.pii,
        });
        context.rows = results.length;
        if (prefer.minimal) {
          res.setHeader('Server-Timing', timer.header());
          res.status(201).end();
          return;
        }
        sendJson(res, timer, 201, {
          data: results.map((r) => ({ ...r.data })),
          links: { collection: `${apiBase(req)}/${name}` },
        });
        return;
      }
      const result = await runCreate(engine, context.access, name, body, timer, {
        dryRun: prefer.rollback,
        pii: context.pii,
      });
      context.rows = 1;
      const links = rowLinks(apiBase(req), result);
      if (!prefer.rollback) res.setHeader('Location', links.self ?? '');
      rowHeaders(res, result, null);
      if (prefer.minimal) {
        res.setHeader('Server-Timing', timer.header());
        res.status(201).end();
        return;
      }
      sendJson(res, timer, 201, { data: result.data, links });
    }),
  );

  const update = timed(engine, async (req, res, timer) => {
    const context = requestContext(req);
    const prefer = readPreferences(req);
    const result = await runUpdate(
      engine,
      context.access,
      param(req, 'resource'),
      param(req, 'id'),
      requireJsonBody(req),
      timer,
      {
        ifMatch: req.get('if-match'),
        dryRun: prefer.rollback,
        pii: context.pii,
      },
    );
    context.rows = 1;
    rowHeaders(res, result, appliedPreferences(prefer));
    if (prefer.minimal) {
      res.setHeader('Server-Timing', timer.header());
      res.status(204).end();
      return;
    }
    sendJson(res, timer, 200, { data: result.data, links: rowLinks(apiBase(req), result) });
  });
  router.put('/:resource/:id', update);
  router.patch('/:resource/:id', update);

  router.delete(
    '/:resource/:id',
    timed(engine, async (req, res, timer) => {
      const context = requestContext(req);
      const prefer = readPreferences(req);
      await runDelete(engine, context.access, param(req, 'resource'), param(req, 'id'), timer, {
        ifMatch: req.get('if-match'),
        dryRun: prefer.rollback,
      });
      context.rows = 1;
      const applied = appliedPreferences({ ...prefer, minimal: false });
      if (applied !== null) res.setHeader('Preference-Applied', applied);
      res.setHeader('Server-Timing', timer.header());
      res.status(204).end();
    }),
  );

  // Any other method on a known path: 405 with the methods the resource allows.
  router.all(
    ['/:resource', '/:resource/:id'],
    timed(engine, async (req) => {
      const resource = resolveResource(engine.catalog, param(req, 'resource'));
      const collection = req.params.id === undefined;
      const allowed = resource.operations.filter((op) =>
        collection ? op === 'read' || op === 'create' : op !== 'create',
      );
      throw new Problem('PAS202', `${req.method} is not supported on ${req.path}`, {
        hint: `allowed here: ${allowHeader(allowed) || 'nothing'}`,
        extra: { allowed },
      });
    }),
  );

  router.use(
    timed(engine, async (req) => {
      throw new Problem('PAS115', `no route ${req.method} /api/v1${req.path}`);
    }),
  );
  return router;
}
