/**
 * The request being edited, in one place: started from the URL hash (a deep link), else from the last
 * session (localStorage, without the token), else empty; every change is written back to both, so a
 * reload or a shared `#/explorer/GET/api/v1/…` link opens the same request.
 */
import { useCallback, useEffect, useState } from 'react';
import { draftFromHash, draftToHash, EMPTY_DRAFT, type Draft } from './explorer-draft.ts';

const KEY = 'pas.explorer.draft';

function remembered(): Draft | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Draft> | null;
    return saved === null ? null : { ...EMPTY_DRAFT, ...saved, token: '' };
  } catch {
    return null;
  }
}

export function useDraft(): readonly [Draft, (patch: Partial<Draft>) => void] {
  const [draft, setDraft] = useState<Draft>(() => {
    const base = remembered() ?? EMPTY_DRAFT;
    return draftFromHash(location.hash, base) ?? base;
  });
  useEffect(() => {
    const hash = draftToHash(draft);
    if (location.hash !== hash) history.replaceState(null, '', hash);
    localStorage.setItem(KEY, JSON.stringify({ ...draft, token: '' }));
  }, [draft]);
  useEffect(() => {
    const onHash = (): void => setDraft((d) => draftFromHash(location.hash, d) ?? d);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const change = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);
  return [draft, change];
}
