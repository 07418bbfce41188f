import { domRange, type FindMatch } from './matches';

/** The CSS Custom Highlight names find.css styles: every hit, and the one find stands on. */
export const ALL_HITS = 'minnes-sok';
export const CURRENT_HIT = 'minnes-sok-aktuell';

/** More ranges than this slow the page down; past it, the hits around the current one are painted. */
const MAX_PAINTED = 2000;

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Marks the hits on the page without touching the document: a highlight is ranges over the drawn
 * text, so nothing is saved, undone or sent to co-writers. Without the API (an old engine) only the
 * current hit shows, as the editor's selection.
 */
export function paintHighlights(matches: readonly FindMatch[], current: number): void {
  if (!supported()) return;
  const from = matches.length > MAX_PAINTED ? Math.max(0, Math.min(current - MAX_PAINTED / 2, matches.length - MAX_PAINTED)) : 0;
  const ranges = matches.slice(from, from + MAX_PAINTED).map(domRange);
  const all = new Highlight(...ranges.filter((r): r is Range => r !== null));
  const here = ranges[current - from];
  const now = new Highlight(...(here ? [here] : []));
  now.priority = 1;
  CSS.highlights.set(ALL_HITS, all);
  CSS.highlights.set(CURRENT_HIT, now);
}

export function clearHighlights(): void {
  if (!supported()) return;
  CSS.highlights.delete(ALL_HITS);
  CSS.highlights.delete(CURRENT_HIT);
}

/**
 * Scrolls the hit to the middle of the window unless it is already in view below `clearTop`
 * (the bottom of whatever is fixed over the page's top, the find bar included).
 */
export function scrollToMatch(match: FindMatch, clearTop: number): void {
  const range = domRange(match);
  if (!range) return;
  const rect = range.getBoundingClientRect();
  if (rect.height > 0 && rect.top >= clearTop && rect.bottom <= window.innerHeight - 16) return;
  const first = match.parts[0];
  const element = first ? match.section.editor.getElementByKey(first.key) : null;
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
