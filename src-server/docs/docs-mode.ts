/**
 * Who may open /api_docs: `off` nobody, `local` loopback peers only (the default: with `serve --lan`
 * the data API is shared but the docs are not), `lan` everyone who can reach the server. Stored as
 * the `docs` setting (`{ "mode": "lan" }`) so the Studio can switch it; `serve --docs` overrides it.
 */
import type { SettingsRepo } from '../store/settings-repo.ts';

export const DOCS_MODES = ['off', 'local', 'lan'] as const;
export type DocsMode = (typeof DOCS_MODES)[number];
export const DEFAULT_DOCS_MODE: DocsMode = 'local';

export function isDocsMode(value: unknown): value is DocsMode {
  return typeof value === 'string' && (DOCS_MODES as readonly string[]).includes(value);
}

/** The mode to serve with: the override, else the stored setting, else `local`; a bad stored value stops the launch. */
export function resolveDocsMode(settings: SettingsRepo, override?: DocsMode): DocsMode {
  if (override !== undefined) return override;
  const stored = settings.get<{ mode?: unknown }>('docs');
  if (stored === undefined) return DEFAULT_DOCS_MODE;
  if (!isDocsMode(stored.mode)) {
    throw new Error(
      `the stored docs setting ${JSON.stringify(stored)} is invalid; mode must be one of ${DOCS_MODES.join(', ')}`,
    );
  }
  return stored.mode;
}

/** Stores the mode (the Studio's switch). */
export function storeDocsMode(settings: SettingsRepo, mode: DocsMode): void {
  settings.set('docs', { mode });
}
