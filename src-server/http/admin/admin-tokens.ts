/**
 * Admin API for tokens (the Studio's token screen; the CLI's `token` commands do the same on the
 * store directly). The secret and HMAC secret are in the creation answer only.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { grantsFromLists, SCOPES } from '../../engine/access.ts';
import { Problem } from '../../errors/problem.ts';
import type { NewToken, TokensRepo } from '../../store/tokens-repo.ts';
import { parseAdminBody, storeInput } from './parse-admin-body.ts';

const resourceList = z.union([z.literal('*'), z.array(z.string().max(64)).max(1000)]);

const tokenBody = z.strictObject({
  name: z.string(),
  scopes: z.array(z.enum(SCOPES)).optional(),
  read: resourceList.optional(),
  create: resourceList.optional(),
  update: resourceList.optional(),
  delete: resourceList.optional(),
  /** Shorthand: create + update + delete. */
  write: resourceList.optional(),
  expiresAt: z.string().nullable().optional(),
  origins: z.array(z.string()).max(100).optional(),
  ipAllow: z.array(z.string()).max(100).optional(),
  rateLimit: z.number().int().optional(),
  hmac: z.boolean().optional(),
  /** Answers show fake personal data (see pii/pii-randomiser.ts). */
  sandbox: z.boolean().optional(),
});

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseAdminBody(schema, body, { code: 'PAS401', detail: () => 'the token settings are not valid' });
}

function notFound(id: string): Problem {
  return new Problem('PAS201', `there is no token with id ${id.slice(0, 64)}`, { hint: 'GET /admin/api/tokens lists them.' });
}

export function createAdminTokensRouter(tokens: TokensRepo): Router {
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.json({ data: tokens.list() });
  });

  router.post('/', (req, res) => {
    const body = parseBody(tokenBody, req.body);
    const input: NewToken = {
      name: body.name,
      grants: grantsFromLists(body, body.scopes),
      ...(body.expiresAt === undefined ? {} : { expiresAt: body.expiresAt }),
      ...(body.origins === undefined ? {} : { origins: body.origins }),
      ...(body.ipAllow === undefined ? {} : { ipAllow: body.ipAllow }),
      ...(body.rateLimit === undefined ? {} : { rateLimit: body.rateLimit }),
      ...(body.hmac === undefined ? {} : { hmac: body.hmac }),
      ...(body.sandbox === undefined ? {} : { sandbox: body.sandbox }),
    };
    const created = storeInput(() => tokens.create(input));
    res.status(201).json({ data: created.record, token: created.token, hmacSecret: created.hmacSecret });
  });

  router.get('/:id', (req, res) => {
    const record = tokens.get(req.params.id);
    if (record === undefined) throw notFound(req.params.id);
    res.json({ data: record });
  });

  router.patch('/:id', (req, res) => {
    const current = tokens.get(req.params.id);
    if (current === undefined) throw notFound(req.params.id);
    const body = parseBody(tokenBody.partial(), req.body);
    const rightsGiven = ['scopes', 'read', 'create', 'update', 'delete', 'write'].some((k) => k in body);
    const patch: Partial<NewToken> = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(rightsGiven ? { grants: grantsFromLists({ ...current.grants, ...body }, body.scopes ?? current.grants.scopes) } : {}),
      ...(body.expiresAt === undefined ? {} : { expiresAt: body.expiresAt }),
      ...(body.origins === undefined ? {} : { origins: body.origins }),
      ...(body.ipAllow === undefined ? {} : { ipAllow: body.ipAllow }),
      ...(body.rateLimit === undefined ? {} : { rateLimit: body.rateLimit }),
      ...(body.hmac === undefined ? {} : { hmac: body.hmac }),
      ...(body.sandbox === undefined ? {} : { sandbox: body.sandbox }),
    };
    res.json({ data: storeInput(() => tokens.update(req.params.id, patch)) });
  });

  router.delete('/:id', (req, res) => {
    if (!tokens.revoke(req.params.id)) throw notFound(req.params.id);
    res.status(204).end();
  });

  return router;
}
