/**
 * Reading and changing the stored `security` setting (CLI `security`, admin API): only known keys,
 * each validated; the running server picks the new values up at its next launch.
 */
import type { SettingsRepo } from '../store/settings-repo.ts';
import { resolveSecurityOptions, securityOptionsSchema, type SecurityOptions } from './security-options.ts';

export const SECURITY_SETTING = 'security';

export function storedSecurity(settings: SettingsRepo): Partial<SecurityOptions> {
  return settings.get<Partial<SecurityOptions>>(SECURITY_SETTING) ?? {};
}

/** Merges `changes` into the stored values after validating the result; `null` resets a key to its default. */
export function updateSecurity(settings: SettingsRepo, changes: Readonly<Record<string, unknown>>): SecurityOptions {
  const known = Object.keys(securityOptionsSchema.shape);
  const next: Record<string, unknown> = { ...storedSecurity(settings) };
  for (const [key, value] of Object.entries(changes)) {
    if (!known.includes(key)) throw new Error(`unknown security setting "${key}"; known: ${known.join(', ')}`);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const resolved = resolveSecurityOptions(next);
  settings.set(SECURITY_SETTING, next);
  return resolved;
}
