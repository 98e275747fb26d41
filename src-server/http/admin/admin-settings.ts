/** `/admin/api/settings/{security|graphql}`: the data API's limits (in force and stored); changes apply at the next launch. */
import express, { type Router } from 'express';
import { Problem } from '../../errors/problem.ts';
import { effectiveLimits, isLimitSection, storedLimits, updateLimits, type LimitSection } from '../../settings/limit-settings.ts';
import type { SettingsRepo } from '../../store/settings-repo.ts';

function section(name: string | undefined): LimitSection {
  if (name !== undefined && isLimitSection(name)) return name;
  throw new Problem('PAS115', `there are no settings called ${String(name).slice(0, 40)}`, { hint: 'Settings: /admin/api/settings/security, /admin/api/settings/graphql.' });
}

export function createAdminSettingsRouter(settings: SettingsRepo): Router {
  const router = express.Router();
  router.get('/:section', (req, res) => {
    const name = section(req.params.section);
    res.json({ data: { effective: effectiveLimits(settings, name), stored: storedLimits(settings, name) } });
  });
  router.patch('/:section', (req, res) => {
    const name = section(req.params.section);
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Problem('PAS401', 'send a JSON object of settings to change, e.g. {"maxBodyBytes": 524288}');
    }
    try {
      const effective = updateLimits(settings, name, body as Record<string, unknown>);
      res.json({ data: { effective, stored: storedLimits(settings, name), appliesAt: 'next launch' } });
    } catch (error) {
      throw new Problem('PAS401', (error as Error).message, { cause: error });
    }
  });
  return router;
}
