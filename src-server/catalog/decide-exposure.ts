/**
 * Whether the whitelist exposes a table, and if not, why (shown in the Studio's whitelist editor).
 * An explicit table entry always wins; otherwise the `expose` mode decides, except that tables
 * holding nothing but secrets (NOTES.md §6) are never exposed by a mode.
 */
import { tableSettingsOf, type ResolvedWhitelistConfig } from '../config/whitelist-config.ts';
import { PERFEX_CORE_TABLES } from './perfex-knowledge/perfex-tables.ts';
import { PERFEX_SECRET_TABLES } from './perfex-knowledge/perfex-sensitive-columns.ts';

export type Exposure = { readonly exposed: true } | { readonly exposed: false; readonly reason: string };

/** `table` is the full name, `unprefixed` the name without the prefix. */
export function decideExposure(table: string, unprefixed: string, config: ResolvedWhitelistConfig): Exposure {
  const settings = tableSettingsOf(config, table);
  if (settings?.expose === false) return { exposed: false, reason: 'disabled in the whitelist (expose: false)' };
  if (settings?.expose === true) return { exposed: true };
  if (PERFEX_SECRET_TABLES.includes(unprefixed)) {
    return {
      exposed: false,
      reason: 'holds only secrets (NOTES §6); a table entry with expose: true is needed to expose it',
    };
  }
  switch (config.expose) {
    case 'all':
      return { exposed: true };
    case 'none':
      return { exposed: false, reason: "not in the whitelist (expose: 'none')" };
    case 'core':
      return PERFEX_CORE_TABLES.includes(unprefixed)
        ? { exposed: true }
        : {
            exposed: false,
            reason: "not a core Perfex table (expose: 'core'); add a table entry or use expose: 'all'",
          };
  }
}
