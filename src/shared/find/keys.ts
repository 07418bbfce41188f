/** The keys of finding, with no DOM: a KeyboardEvent has these fields, and so does a test's object. */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/**
 * Ctrl/Cmd+K or Ctrl/Cmd+Shift+F: the search across all minutes. Plain Ctrl/Cmd+F goes there only
 * when no document is open; in a document it finds in that document.
 */
export function isGlobalSearchKey(e: KeyPress, inDocument: boolean): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
  const key = e.key.toLowerCase();
  if (key === 'k') return !e.shiftKey;
  if (key === 'f') return e.shiftKey || !inDocument;
  return false;
}

/** In an open document: Ctrl/Cmd+F finds, Ctrl+H (and Cmd+Alt+F, the Mac habit) finds and replaces. */
export function findKeyMode(e: KeyPress): 'find' | 'replace' | null {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'h') return e.altKey ? null : 'replace';
  if (key === 'f') return !e.altKey ? 'find' : e.metaKey ? 'replace' : null;
  return null;
}
