/**
 * A document's address with the word to find in it: `#/doc/<id>?q=word`, as the global search
 * opens a hit. The renderer's route (src/renderer/src/lib/route.ts) reads and writes it with these,
 * so the format is tested under plain Node.
 */

const DOC = /^#\/doc\/([A-Za-z0-9_-]+)(?:\?(.*))?$/;

/** The document id and query of a document address, or null for any other address. */
export function parseDocHash(hash: string): { id: string; query: string | null } | null {
  const m = DOC.exec(hash);
  if (!m?.[1]) return null;
  const query = m[2] === undefined ? null : new URLSearchParams(m[2]).get('q');
  return { id: m[1], query: query || null };
}

export function docHash(id: string, query?: string | null): string {
  return query ? `#/doc/${id}?${new URLSearchParams({ q: query }).toString()}` : `#/doc/${id}`;
}
