/**
 * `GET /admin/api/logs`: the audit log, newest first, filtered and paged by an id cursor
 * (`before`, `links.next` = the older page). `after=<id>` reads forward instead, oldest first: the
 * Studio's live tail asks for what is newer than the newest entry it shows (`links.next` then
 * continues forward when more than `limit` matched). Each entry names its token (`tokenName`).
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import { Problem } from '../../errors/problem.ts';
import type { AuditRepo } from '../../store/audit-repo.ts';

const isoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO 8601 date or date-time');

const logQuery = z.strictObject({
  from: isoTime.optional(),
  to: isoTime.optional(),
  token: z.string().max(64).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  status_class: z.enum(['2xx', '3xx', '4xx', '5xx']).optional(),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
  path: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
  after: z.coerce.number().int().min(0).optional(),
});

export function createAdminLogsRouter(audit: AuditRepo): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    const url = new URL(req.originalUrl, 'http://localhost');
    const parsed = logQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Problem('PAS112', `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`, {
        hint: 'Filters: from, to (ISO dates), token (id), status, status_class (2xx…5xx), method, path (prefix), limit (≤ 1000), before (older than an id), after (newer than an id, oldest first).',
      });
    }
    const q = parsed.data;
    const page = audit.query({
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
      ...(q.token === undefined ? {} : { tokenId: q.token }),
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.status_class === undefined ? {} : { statusClass: Number(q.status_class[0]) as 2 | 3 | 4 | 5 }),
      ...(q.method === undefined ? {} : { method: q.method }),
      ...(q.path === undefined ? {} : { pathPrefix: q.path }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
      ...(q.before === undefined ? {} : { before: q.before }),
      ...(q.after === undefined ? {} : { after: q.after }),
    });
    let next: string | null = null;
    const cursor = page.nextAfter !== null ? (['after', page.nextAfter] as const) : page.nextBefore !== null ? (['before', page.nextBefore] as const) : null;
    if (cursor !== null) {
      url.searchParams.set(cursor[0], String(cursor[1]));
      next = `${url.pathname}?${url.searchParams.toString()}`;
    }
    res.json({ data: page.entries, links: { next } });
  });
  return router;
}
