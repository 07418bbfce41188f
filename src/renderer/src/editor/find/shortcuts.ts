import { useEffect, useRef } from 'react';
import { findKeyMode } from '../../../../shared/find/keys';

export type FindMode = 'find' | 'replace';

/**
 * Ctrl/Cmd+F opens find in the open document, Ctrl+H (and Cmd+Alt+F, the Mac habit) find and replace.
 * Bound while the component that calls it is mounted, i.e. while a document is open. A modal dialog
 * keeps its own keys: the bar would open behind it, out of reach.
 */
export function useFindShortcuts(open: (mode: FindMode) => void): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      const mode = findKeyMode(e);
      if (!mode) return;
      e.preventDefault();
      latest.current(mode);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
