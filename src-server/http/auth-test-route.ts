/**
 * `GET /api/v1/auth/test`: lets a client check its token (name, scopes, how much it can reach)
 * without touching CRM data, as Stripe's and GitHub's "who am I" endpoints do.
 */
import type { Request, Response } from 'express';
import type { Engine } from '../engine/engine.ts';
import { canUse } from '../engine/access.ts';
import { requestContext } from './request-context.ts';

export function authTestHandler(engine: Engine) {
  return (req: Request, res: Response): void => {
    const { catalog } = engine;
    const { access, token } = requestContext(req);
    const readable = catalog.resources.filter((r) => canUse(access, r.name, 'read')).length;
    const writable = catalog.resources.filter((r) => ['create', 'update', 'delete'].some((op) => canUse(access, r.name, op as 'create'))).length;
    res.json({
      data: {
        token: token ?? null,
        scopes: [...access.scopes],
        resources: { readable, writable, exposed: catalog.resources.length },
        serverTime: new Date().toISOString(),
      },
    });
  };
}
