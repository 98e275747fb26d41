/**
 * The explorer's request as the Studio sends it (`ExplorerRequest` in src-shared/admin-api.ts),
 * validated at the edge with zod. The path must stay under `/api/v1`: the explorer is a client of
 * the data API, and a path such as `//host/…` or `/admin/…` must never become another target.
 */
import { z } from 'zod';
import type { ExplorerRequest } from '../../src-shared/admin-api.ts';
import { notValid, parseAdminBody } from '../http/admin/parse-admin-body.ts';
import type { StoredRequest } from '../store/requests-repo.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `/api/v1`, `/api/v1/…` or `/api/v1?…` (spaces and non-ASCII are percent-encoded when sent). */
const API_PATH = /^\/api\/v1(?:[/?][^\r\n]*)?$/;

/** Header names (RFC 9110 tokens) and values without line breaks. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

const requestShape = {
  method: z.enum(METHODS),
  path: z.string().max(16_384).regex(API_PATH, 'a path under /api/v1, e.g. /api/v1/invoices?filter[status]=2'),
  headers: z
    .record(z.string().regex(HEADER_NAME, 'a header name'), z.string().max(8192).regex(/^[^\r\n]*$/, 'no line breaks'))
    .refine((h) => Object.keys(h).length <= 50, 'at most 50 headers')
    .optional(),
  body: z.string().max(1024 * 1024).nullable().optional(),
  pii: z.boolean(),
};

const explorerRequestSchema = z.strictObject({
  ...requestShape,
  auth: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('studio') }),
    z.strictObject({ kind: z.literal('token'), token: z.string().min(1, 'paste a token').max(200).regex(/^\S+$/, 'no spaces') }),
  ]),
});

/** What history and saved requests hold: the auth kind, never a token (a pasted one is dropped here). */
const storedRequestSchema = z.strictObject({
  ...requestShape,
  auth: z.object({ kind: z.enum(['studio', 'token']) }).transform((auth) => ({ kind: auth.kind })),
});

export function parseExplorerRequest(body: unknown): ExplorerRequest {
  return parseAdminBody(explorerRequestSchema, body, { code: 'PAS631', detail: notValid('explorer request') });
}

export function parseStoredRequest(body: unknown): StoredRequest {
  return parseAdminBody(storedRequestSchema, body, { code: 'PAS631', detail: notValid('saved request') });
}

/** The request as history keeps it: the auth kind only. */
export function withoutToken(request: ExplorerRequest): StoredRequest {
  return { ...request, auth: { kind: request.auth.kind } };
}
