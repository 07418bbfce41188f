import type { Db } from '../db';
import { nowIso } from '../ids';

/** Which local documents are shared on a team server; every other document works exactly as before. */
export type SharedRow = { serverUrl: string; seeded: boolean };

export function sharedRow(db: Db, documentId: string): SharedRow | null {
  const row = db.prepare(`SELECT server_url, seeded FROM shared_documents WHERE document_id = ?`).get(documentId) as
    { server_url: string; seeded: 0 | 1 } | undefined;
  return row ? { serverUrl: row.server_url, seeded: row.seeded === 1 } : null;
}

/** `seeded`: the server already holds the text (true for a copy made from the server). */
export function markShared(db: Db, documentId: string, serverUrl: string, seeded: boolean): void {
  db.prepare(
    `INSERT INTO shared_documents (document_id, server_url, seeded, shared_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET server_url = excluded.server_url`,
  ).run(documentId, serverUrl, seeded ? 1 : 0, nowIso());
}

export function markSeeded(db: Db, documentId: string): void {
  db.prepare(`UPDATE shared_documents SET seeded = 1 WHERE document_id = ?`).run(documentId);
}

/** In this store, in the trash or not (a trashed copy is restored, never made twice). */
export function localDocumentIds(db: Db, ids: readonly string[]): Set<string> {
  const has = db.prepare(`SELECT 1 FROM documents WHERE id = ?`);
  return new Set(ids.filter((id) => has.get(id) !== undefined));
}

/** Drops what a section editor kept of a shared document: the next open starts from the server. */
export function dropSectionUpdates(db: Db, documentId: string): void {
  db.prepare(`DELETE FROM section_updates WHERE document_id = ?`).run(documentId);
}
