/**
 * A guard for tests of the engine and transports that are not about security: every caller gets
 * what the whitelist allows. Lives in test/support on purpose: production code has no anonymous path.
 */
import { randomUUID } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import type { Catalog } from '../../src-server/catalog/catalog.ts';
import { whitelistAccess } from '../../src-server/engine/access.ts';
import { setRequestContext } from '../../src-server/http/request-context.ts';

export function openGuard(catalog: Catalog): RequestHandler {
  const access = whitelistAccess(catalog);
  // In production the shield reads and parses bodies; here express.json plays that part.
  const json = express.json({ limit: '256kb', strict: false, type: ['application/json', 'application/*+json'] });
  return (req, res, next) => {
    setRequestContext(req, { requestId: randomUUID(), access });
    json(req, res, next);
  };
}
