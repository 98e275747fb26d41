/**
 * Transport of the docs and exports. Under /api/v1 (behind the security pipeline): `openapi.json`,
 * `openapi.yaml` and `postman.json`, generated for the caller's rights. Outside it: the public
 * `/api_docs` page (and `/api_docs/errors`, where problem `type` URIs point), documenting what the
 * whitelist exposes, served according to the docs switch. Nothing is cached here: the docs source keys
 * every document by the catalog object (which a refresh replaces) and by the saved views' revision.
 */
import express, { type Request, type Response, type Router } from 'express';
import { stringify } from 'yaml';
import type { ViewSource } from '../engine/run-view.ts';
import { Problem } from '../errors/problem.ts';
import type { DocsMode } from '../docs/docs-mode.ts';
import type { DocsSource, OpenApiVersion } from '../docs/docs-source.ts';
import { clientAddress, isLoopback } from '../security/client-address.ts';
import { requestContext } from './request-context.ts';
import { requestUrl } from './request-url.ts';

/** `?version=` of an OpenAPI export (3.1 by default); shared with the Studio's exports (admin API). */
export function openApiVersion(req: Request): OpenApiVersion {
  const version = requestUrl(req).searchParams.get('version') ?? '3.1';
  if (version === '3.1' || version === '3.1.0') return '3.1';
  if (version === '3.0' || version === '3.0.3') return '3.0';
  throw new Problem('PAS112', `version must be 3.1 or 3.0, got \`${version.slice(0, 20)}\``, {
    hint: '?version=3.0',
  });
}

function send(res: Response, type: string, body: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/**
 * `/openapi.json`, `/openapi.yaml`, `/postman.json`, relative to /api/v1; mounted before the REST router's
 * `/:resource`. `views`: the saved views (the local store's), documented for callers who may run them.
 */
export function createExportsRouter(docs: DocsSource, views?: ViewSource): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.get('/openapi.json', async (req, res) => {
    const { access } = requestContext(req);
    const document = await docs.openapi(access, requestUrl(req).origin, openApiVersion(req), views);
    send(res, 'application/json; charset=utf-8', JSON.stringify(document));
  });
  router.get('/openapi.yaml', async (req, res) => {
    const { access } = requestContext(req);
    const document = await docs.openapi(access, requestUrl(req).origin, openApiVersion(req), views);
    send(res, 'application/yaml; charset=utf-8', stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }));
  });
  router.get('/postman.json', async (req, res) => {
    const collection = await docs.postman(requestContext(req).access, requestUrl(req).origin, views);
    res.setHeader('Content-Disposition', 'attachment; filename="perfex-api.postman_collection.json"');
    send(res, 'application/json; charset=utf-8', JSON.stringify(collection));
  });
  return router;
}

/** `/api_docs` and `/api_docs/errors`: the same page, so `/api_docs/errors#<slug>` lands on the error's row. */
export function createApiDocsRouter(docs: DocsSource, mode: DocsMode, views?: ViewSource): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.get(['/', '/errors'], async (req, res) => {
    if (mode === 'off') throw new Problem('PAS140', 'the API docs are switched off on this server');
    if (mode === 'local' && !isLoopback(clientAddress(req))) {
      throw new Problem(
        'PAS140',
        'the API docs are served to this machine only; the server was not started with --docs lan',
      );
    }
    // Pages differ by origin (the base URL in samples: loopback or LAN addresses), catalog and views.
    const page = await docs.page(requestUrl(req).origin, views);
    res.setHeader('Content-Security-Policy', page.csp);
    res.setHeader('Cache-Control', 'no-cache');
    send(res, 'text/html; charset=utf-8', page.html);
  });
  return router;
}
