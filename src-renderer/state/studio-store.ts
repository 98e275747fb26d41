/**
 * The Studio's shared state in one place: theme, current screen, and what several screens show
 * (server and active connection). Screen-local state stays in the screens. A tiny external store
 * read with `useSyncExternalStore`, so any component re-renders only for the slice it selects.
 */
import { useSyncExternalStore } from 'react';
import type { ServerInfo } from '../../src-shared/admin-api.ts';

export type Theme = 'dark' | 'light';
export type ScreenId = 'connections' | 'whitelist' | 'explorer' | 'tokens' | 'logs' | 'export';

export interface StudioState {
  readonly theme: Theme;
  readonly screen: ScreenId;
  readonly server: ServerInfo | null;
  /** Bumped whenever the API's shape changes (whitelist edit, connection switch): screens reload what they show. */
  readonly catalogVersion: number;
}

const THEME_KEY = 'pas.theme';
const SCREEN_KEY = 'pas.screen';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

function initialScreen(): ScreenId {
  const fromHash = location.hash.replace(/^#\/?/, '').split('/')[0];
  const saved = fromHash !== '' ? fromHash : localStorage.getItem(SCREEN_KEY);
  const ids: readonly string[] = ['connections', 'whitelist', 'explorer', 'tokens', 'logs', 'export'];
  return saved !== null && saved !== undefined && ids.includes(saved) ? (saved as ScreenId) : 'explorer';
}

let state: StudioState = { theme: initialTheme(), screen: initialScreen(), server: null, catalogVersion: 0 };
const listeners = new Set<() => void>();

export function getStudioState(): StudioState {
  return state;
}

export function updateStudio(patch: Partial<StudioState>): void {
  state = { ...state, ...patch };
  if (patch.theme !== undefined) localStorage.setItem(THEME_KEY, patch.theme);
  if (patch.screen !== undefined) {
    localStorage.setItem(SCREEN_KEY, patch.screen);
    if (!location.hash.startsWith(`#/${patch.screen}`)) history.replaceState(null, '', `#/${patch.screen}`);
  }
  for (const listener of listeners) listener();
}

/** Tell every screen that resources, fields or relations changed. */
export function catalogChanged(): void {
  updateStudio({ catalogVersion: state.catalogVersion + 1 });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useStudio<T>(select: (state: StudioState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state));
}
