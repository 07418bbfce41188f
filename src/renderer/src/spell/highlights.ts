/**
 * The misspellings of every section editor in one CSS Custom Highlight, `::highlight(minnes-stavning)`
 * in spell.css: ranges over the rendered text, painted by the browser. Nothing is added to the DOM
 * or to the editor state, so nothing of it can be saved, copied, exported or sent to co-editors.
 */
export const HIGHLIGHT_NAME = 'minnes-stavning';

let shared: Highlight | null = null;
let users = 0;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The shared highlight, registered while at least one editor uses it; null where the browser lacks the API. */
export function acquireHighlight(): Highlight | null {
  if (!highlightsSupported()) return null;
  if (!shared) {
    shared = new Highlight();
    CSS.highlights.set(HIGHLIGHT_NAME, shared);
  }
  users++;
  return shared;
}

export function releaseHighlight(): void {
  if (users === 0) return;
  users--;
  if (users === 0 && shared) {
    CSS.highlights.delete(HIGHLIGHT_NAME);
    shared = null;
  }
}
