/**
 * `/`: the Studio web page (the built src-renderer, `dist/studio` or Electron's `out/renderer`),
 * on this machine only. The URL printed at start carries the launch's admin session once
 * (`/?token=…`): it moves into an HttpOnly, SameSite=Strict cookie and out of the address bar.
 * Without a valid session the page says how to get one instead of showing a Studio that cannot work.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { ADMIN_COOKIE, ADMIN_HEADER, cookieValue, requireLocal, sameSecret } from './admin/admin-guard.ts';

/** Where `npm run build:studio` writes the browser build. */
export const DEFAULT_STUDIO_DIR = path.resolve(import.meta.dirname, '../../dist/studio');

// Monaco injects inline styles and starts its workers from blob: URLs; nothing leaves the origin.
const STUDIO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:42rem;padding:0 1rem;background:#16181d;color:#dfe3ea}code{background:#101216;padding:.1rem .35rem;border-radius:4px}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;
}

const NO_SESSION = page(
  'Perfex API Studio: open the link from the terminal',
  `<p data-testid="no-session">This page needs the admin session of the running server. Open the address that
<code>serve</code> printed when it started (<code>http://127.0.0.1:PORT/?token=…</code>); the token changes at every launch.</p>
<p>The data API itself is at <a href="/api/v1">/api/v1</a> and its documentation at <a href="/api_docs">/api_docs</a>.</p>`,
);

const NOT_BUILT = page(
  'Perfex API Studio is not built',
  `<p data-testid="not-built">The Studio's page has not been built in this checkout. Run <code>npm run build:studio</code>
(or <code>npm start</code>, which builds it when needed) and reload.</p>`,
);

export function createStudioRouter(sessionToken: string | undefined, studioDir = DEFAULT_STUDIO_DIR): Router {
  const router = express.Router();
  router.use((req, _res, next) => {
    requireLocal(req);
    next();
  });
  const sendIndex = (req: Request, res: Response): void => {
    res.setHeader('Content-Security-Policy', STUDIO_CSP);
    res.setHeader('Cache-Control', 'no-store');
    const url = new URL(req.originalUrl, 'http://localhost');
    const fromUrl = url.searchParams.get('token');
    if (sessionToken !== undefined && fromUrl !== null && sameSecret(fromUrl, sessionToken)) {
      res.cookie(ADMIN_COOKIE, fromUrl, { httpOnly: true, sameSite: 'strict', path: '/' });
      res.redirect(303, '/');
      return;
    }
    const given = (req.headers[ADMIN_HEADER] as string | undefined) ?? cookieValue(req, ADMIN_COOKIE);
    if (sessionToken === undefined || !sameSecret(given, sessionToken)) {
      res.status(401).type('html').send(NO_SESSION);
      return;
    }
    const index = path.join(studioDir, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.type('html').send(fs.readFileSync(index, 'utf8'));
  };
  router.get('/', sendIndex);
  router.get('/index.html', sendIndex);
  // Hashed asset names: cached for good; everything else is the page itself.
  router.use('/assets', express.static(path.join(studioDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  return router;
}
