/**
 * Transport of the docs and exports. Under /api/v1 (behind the security pipeline): `openapi.json`,
 * `openapi.yaml` and `postman.json`, generated for the caller's rights. Outside it: the public
 * `/api_docs` page (and `/api_docs/errors`, where problem `type` URIs point), documenting what the
 * whitelist exposes, served according to the docs switch.
 */
import express, { type Request, type Response, type Router } from 'express';
import { stringify } from 'yaml';
import { whitelistAccess } from '../engine/access.ts';
import { Problem } from '../errors/problem.ts';
import type { DocsMode } from '../docs/docs-mode.ts';
import type { DocsSource, OpenApiVersion } from '../docs/docs-source.ts';
import { renderApiDocs, type ApiDocsPage } from '../docs/render-api-docs.ts';
import { createSchemaCache } from '../graphql/schema-cache.ts';
import { clientAddress, isLoopback } from '../security/client-address.ts';
import { requestContext } from './request-context.ts';
import { requestUrl } from './request-url.ts';

function openApiVersion(req: Request): OpenApiVersion {
  const version = requestUrl(req).searchParams.get('version') ?? '3.1';
  if (version === '3.1' || version === '3.1.0') return '3.1';
  if (version === '3.0' || version === '3.0.3') return '3.0';
  throw new Problem('PAS112', `version must be 3.1 or 3.0, got \`${version.slice(0, 20)}\``, {
    hint: '/api/v1/openapi.json?version=3.0',
  });
}

function send(res: Response, type: string, body: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** `/openapi.json`, `/openapi.yaml`, `/postman.json`, relative to /api/v1; mounted before the REST router's `/:resource`. */
export function createExportsRouter(docs: DocsSource): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.get('/openapi.json', async (req, res) => {
    const document = await docs.openapi(requestContext(req).access, requestUrl(req).origin, openApiVersion(req));
    send(res, 'application/json; charset=utf-8', JSON.stringify(document));
  });
  router.get('/openapi.yaml', async (req, res) => {
    const document = await docs.openapi(requestContext(req).access, requestUrl(req).origin, openApiVersion(req));
    send(res, 'application/yaml; charset=utf-8', stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }));
  });
  router.get('/postman.json', async (req, res) => {
    const collection = await docs.postman(requestContext(req).access, requestUrl(req).origin);
    res.setHeader('Content-Disposition', 'attachment; filename="perfex-api.postman_collection.json"');
    send(res, 'application/json; charset=utf-8', JSON.stringify(collection));
  });
  return router;
}

/** `/api_docs` and `/api_docs/errors`: the same page, so `/api_docs/errors#<slug>` lands on the error's row. */
export function createApiDocsRouter(docs: DocsSource, mode: DocsMode): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  const access = whitelistAccess(docs.engine.catalog);
  const graphql = createSchemaCache();
  const pages = new Map<string, ApiDocsPage>();
  router.get(['/', '/errors'], async (req, res) => {
    if (mode === 'off') throw new Problem('PAS140', 'the API docs are switched off on this server');
    if (mode === 'local' && !isLoopback(clientAddress(req))) {
      throw new Problem(
        'PAS140',
        'the API docs are served to this machine only; the server was not started with --docs lan',
      );
    }
    const origin = requestUrl(req).origin;
    let page = pages.get(origin);
    if (page === undefined) {
      page = renderApiDocs({ catalog: docs.engine.catalog, access, examples: await docs.examples(), origin, graphql });
      // Pages differ only by origin (the base URL in samples); a few hosts at most (loopback, LAN addresses).
      if (pages.size >= 8) pages.clear();
      pages.set(origin, page);
    }
    res.setHeader('Content-Security-Policy', page.csp);
    res.setHeader('Cache-Control', 'no-cache');
    send(res, 'text/html; charset=utf-8', page.html);
  });
  return router;
}
