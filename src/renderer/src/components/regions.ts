import { useEffect, useRef } from 'react';

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

function tabbable(el: HTMLElement): boolean {
  return el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !el.closest('[hidden], dialog');
}

/** Focuses a region: where focus last was in it, else its first control, else the region itself. */
function enter(region: HTMLElement, last: HTMLElement | undefined): void {
  if (last?.isConnected && region.contains(last) && tabbable(last)) return last.focus();
  const first = [...region.querySelectorAll<HTMLElement>(TABBABLE)].find(tabbable);
  if (first) first.focus();
  else {
    if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
    region.focus();
  }
}

/**
 * F6 / Shift+F6 move focus between the page's regions (elements marked `data-region`), in the order
 * given, as in a word processor or a browser. A region may bring its own way in (`enterBy`, e.g. the
 * sections: back into the one being edited); otherwise focus returns to where it last was in the
 * region. Not while a modal dialog is open: the page behind it is inert.
 */
export function useF6Regions(order: readonly string[], enterBy: Partial<Record<string, () => boolean>> = {}): void {
  const last = useRef(new Map<string, HTMLElement>());
  const latest = useRef({ order, enterBy });
  latest.current = { order, enterBy };
  useEffect(() => {
    const regionOf = (el: Element | null) => el?.closest<HTMLElement>('[data-region]') ?? null;
    const onFocus = (e: FocusEvent) => {
      const region = regionOf(e.target as Element);
      if (region && e.target instanceof HTMLElement) last.current.set(region.dataset.region!, e.target);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const { order, enterBy } = latest.current;
      const present = order.filter((name) => document.querySelector(`[data-region="${name}"]`));
      if (present.length === 0) return;
      const here = regionOf(document.activeElement)?.dataset.region;
      const at = here ? present.indexOf(here) : -1;
      const step = e.shiftKey ? -1 : 1;
      const next = at < 0 ? (e.shiftKey ? present.length - 1 : 0) : (at + step + present.length) % present.length;
      const name = present[next]!;
      if (enterBy[name]?.()) return;
      enter(document.querySelector<HTMLElement>(`[data-region="${name}"]`)!, last.current.get(name));
    };
    window.addEventListener('focusin', onFocus);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('focusin', onFocus);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
