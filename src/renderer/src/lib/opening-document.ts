import type { DocumentDetail } from '../../../shared/document';
import { api } from '../api';

/**
 * The document the app was started on, fetched while the editor's code is still loading rather
 * than after it. Any navigation drops it, so a later open always reads what is stored by then.
 */
let early: { id: string; doc: Promise<DocumentDetail> } | null = null;

export function fetchEarly(id: string): void {
  const doc = api.getDocument({ id });
  doc.catch(() => undefined); // reported by the editor when it takes it
  early = { id, doc };
  window.addEventListener('hashchange', () => (early = null), { once: true });
}

export function openDocument(id: string): Promise<DocumentDetail> {
  const taken = early;
  early = null;
  return taken?.id === id ? taken.doc : api.getDocument({ id });
}
