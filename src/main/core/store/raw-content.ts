import type { Db } from '../db';
import { userError } from '../errors';

/**
 * A document's content exactly as stored, never parsed: the way out for content that can no longer
 * be loaded (too deep, malformed), so that nothing is lost even when the editor cannot show it.
 */
export function rawContent(db: Db, id: string): string {
  const row = db.prepare(`SELECT content FROM documents WHERE id = ?`).get(id) as { content: string | null } | undefined;
  if (!row) throw userError('not_found', 'errors.document.notFound', { id });
  return row.content ?? 'null';
}
