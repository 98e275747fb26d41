/**
 * `/admin/api/views`: the Studio's saved views (the CLI's `view` commands do the same on the store).
 * A definition's shape is validated here; its query is checked against the catalog whenever it runs
 * (`GET /api/v1/views/{name}`), so a view that a whitelist change broke answers with the problem.
 */
import express, { type Router } from 'express';
import { Problem } from '../../errors/problem.ts';
import type { ViewsRepo } from '../../store/views-repo.ts';

function notFound(name: string): Problem {
  return new Problem('PAS130', `there is no view \`${name.slice(0, 64)}\``, {
    hint: 'GET /admin/api/views lists them.',
  });
}

export function createAdminViewsRouter(views: ViewsRepo): Router {
  const router = express.Router();

  router.get('/', (_req, res) => {
    res.json({ data: views.list() });
  });

  router.post('/', (req, res) => {
    const existed = views.get(String((req.body as { name?: unknown } | undefined)?.name ?? '')) !== undefined;
    res.status(existed ? 200 : 201).json({ data: views.put(req.body) });
  });

  router.get('/:name', (req, res) => {
    const view = views.get(req.params.name);
    if (view === undefined) throw notFound(req.params.name);
    res.json({ data: view });
  });

  router.put('/:name', (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Problem('PAS132', 'send the view as a JSON object');
    const name = (body as { name?: unknown }).name;
    if (name !== undefined && name !== req.params.name) {
      throw new Problem(
        'PAS132',
        `the body names the view \`${String(name).slice(0, 64)}\`, the path \`${req.params.name}\``,
      );
    }
    res.json({ data: views.put({ ...body, name: req.params.name }) });
  });

  router.delete('/:name', (req, res) => {
    if (!views.delete(req.params.name)) throw notFound(req.params.name);
    res.status(204).end();
  });

  return router;
}
