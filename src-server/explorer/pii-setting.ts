/**
 * The explorer's PII toggle as last set, remembered in the store's settings so the Studio opens the
 * way it was left. On by default: a Studio is often on a shared or recorded screen, and a fake name
 * shown by mistake costs nothing while a real one cannot be taken back.
 */
import type { SettingsRepo } from '../store/settings-repo.ts';

const KEY = 'explorer.pii';

export function explorerPiiEnabled(settings: SettingsRepo): boolean {
  return settings.get<boolean>(KEY) ?? true;
}

export function setExplorerPii(settings: SettingsRepo, enabled: boolean): void {
  settings.set(KEY, enabled);
}
