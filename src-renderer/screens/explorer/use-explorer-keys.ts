/** The explorer's shortcuts while it is shown: Ctrl/⌘+Enter sends, Esc cancels, Ctrl/⌘+S saves. */
import { useEffect, useRef } from 'react';

export interface ExplorerKeys {
  readonly send: () => void;
  readonly cancel: () => void;
  readonly save: () => void;
  readonly sending: boolean;
}

export function useExplorerKeys(keys: ExplorerKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // Monaco handles Ctrl+Enter itself (its command calls send) and marks the event handled.
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key === 'Enter') {
        event.preventDefault();
        latest.current.send();
      } else if (mod && event.key.toLowerCase() === 's' && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        latest.current.save();
      } else if (event.key === 'Escape' && latest.current.sending) {
        latest.current.cancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
