/**
 * The data API's limits as stored settings, in two sections: `security` (the pipeline's limits) and
 * `graphql` (depth, complexity, aliases, list size, introspection). Read by `serve` at launch;
 * changed by the CLI (`security set`) and the admin API, each key validated, unknown keys refused.
 */
import { resolveGraphqlOptions, type GraphqlOptions } from '../graphql/graphql-options.ts';
import { resolveSecurityOptions, securityOptionsSchema, type SecurityOptions } from '../security/security-options.ts';
import type { SettingsRepo } from '../store/settings-repo.ts';

type Values = Record<string, unknown>;

const SECTIONS = {
  security: { keys: Object.keys(securityOptionsSchema.shape), resolve: (v: Values) => resolveSecurityOptions(v) },
  graphql: {
    keys: ['maxDepth', 'maxComplexity', 'maxAliases', 'maxListSize', 'defaultListSize', 'introspection'],
    resolve: (v: Values) => resolveGraphqlOptions(v),
  },
} as const;

export type LimitSection = keyof typeof SECTIONS;

export function isLimitSection(name: string): name is LimitSection {
  return Object.hasOwn(SECTIONS, name);
}

export function storedLimits(settings: SettingsRepo, section: 'security'): Partial<SecurityOptions>;
export function storedLimits(settings: SettingsRepo, section: 'graphql'): Partial<GraphqlOptions>;
export function storedLimits(settings: SettingsRepo, section: LimitSection): Values;
export function storedLimits(settings: SettingsRepo, section: LimitSection): Values {
  return settings.get<Values>(section) ?? {};
}

/** The values in force: defaults overlaid with the stored ones. */
export function effectiveLimits(settings: SettingsRepo, section: LimitSection): Values {
  const { logger: _logger, ...values } = SECTIONS[section].resolve(storedLimits(settings, section)) as Values;
  return values;
}

/** Merges `changes` into a section after validating the result; `null` resets a key to its default. */
export function updateLimits(settings: SettingsRepo, section: LimitSection, changes: Readonly<Values>): Values {
  const { keys, resolve } = SECTIONS[section];
  const next: Values = { ...storedLimits(settings, section) };
  for (const [key, value] of Object.entries(changes)) {
    if (!(keys as readonly string[]).includes(key)) throw new Error(`unknown ${section} setting "${key}"; known: ${keys.join(', ')}`);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  resolve(next);
  settings.set(section, next);
  return effectiveLimits(settings, section);
}
