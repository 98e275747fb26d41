/** `/admin/api/settings/security`: the security limits (effective values and what is stored); changes apply at the next launch. */
import express, { type Router } from 'express';
import { Problem } from '../../errors/problem.ts';
import { resolveSecurityOptions } from '../../security/security-options.ts';
import { storedSecurity, updateSecurity } from '../../security/security-settings.ts';
import type { SettingsRepo } from '../../store/settings-repo.ts';

export function createAdminSettingsRouter(settings: SettingsRepo): Router {
  const router = express.Router();
  router.get('/security', (_req, res) => {
    const stored = storedSecurity(settings);
    res.json({ data: { effective: resolveSecurityOptions(stored), stored } });
  });
  router.patch('/security', (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Problem('PAS401', 'send a JSON object of settings to change, e.g. {"maxBodyBytes": 524288}');
    }
    try {
      const effective = updateSecurity(settings, body as Record<string, unknown>);
      res.json({ data: { effective, stored: storedSecurity(settings), appliesAt: 'next launch' } });
    } catch (error) {
      throw new Problem('PAS401', (error as Error).message, { cause: error });
    }
  });
  return router;
}
