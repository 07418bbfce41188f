import { useCallback, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = 'button, select, input, [data-roving-item]';

/** The group's own controls (not those of a menu opened from it) that can take focus now. */
function itemsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(ITEMS)].filter(
    (el) => !el.closest('[role="menu"]') && !(el as HTMLButtonElement).disabled && !el.hidden,
  );
}

/**
 * A toolbar's single Tab stop (WAI-ARIA "roving tabindex"): Tab reaches the group once, on the
 * control last used in it; ←/→ (and Home/End) move between its controls. Keeps the formatting
 * toolbar and each section's commands from costing a Tab per button.
 */
export function useRovingTabIndex<T extends HTMLElement>(): {
  ref: RefObject<T | null>;
  onKeyDown: (e: KeyboardEvent<T>) => void;
  onFocus: (e: React.FocusEvent<T>) => void;
} {
  const ref = useRef<T | null>(null);
  const current = useRef<HTMLElement | null>(null);
  const apply = useCallback(() => {
    const root = ref.current;
    if (!root) return;
    const items = itemsOf(root);
    if (!current.current || !items.includes(current.current)) current.current = items[0] ?? null;
    for (const el of root.querySelectorAll<HTMLElement>(ITEMS)) {
      if (el.closest('[role="menu"]')) continue;
      el.tabIndex = el === current.current ? 0 : -1;
    }
  }, []);
  // After every render: a control may have been disabled, added or removed.
  useLayoutEffect(apply);
  const onFocus = useCallback(
    (e: React.FocusEvent<T>) => {
      const root = ref.current;
      if (root && e.target !== root && itemsOf(root).includes(e.target as HTMLElement)) {
        current.current = e.target as HTMLElement;
        apply();
      }
    },
    [apply],
  );
  const onKeyDown = useCallback((e: KeyboardEvent<T>) => {
    const root = ref.current;
    if (!root || e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('[role="menu"]')) return;
    const items = itemsOf(root);
    const at = items.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowRight'
        ? (at + 1) % items.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + items.length) % items.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    items[next]!.focus();
  }, []);
  return { ref, onKeyDown, onFocus };
}
