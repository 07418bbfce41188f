import * as Y from 'yjs';
import type { Db } from '../db';
import { userError } from '../errors';
import { nowIso } from '../ids';

/**
 * A shared document's sections kept locally as Yjs updates: every edit is appended (the editor's
 * autosave writes them like any other save), the section's state is their merge, and an update
 * stays marked unsent until the team server has acknowledged it, so closing the app offline loses
 * nothing and a reconnect sends exactly what the server has not seen. Yjs merges in any order.
 */

/** The team server refuses larger messages (src/server/guard.ts); one that could never be sent is refused here. */
export const MAX_UPDATE_BYTES = 8 * 1024 * 1024;

export type SectionRef = { documentId: string; sectionKey: string };
export type PendingUpdate = { id: number; update: Uint8Array };

function assertUpdate(update: Uint8Array): void {
  if (update.byteLength > MAX_UPDATE_BYTES) throw userError('update_too_large', 'errors.sync.updateTooLarge');
  try {
    Y.decodeUpdate(update);
  } catch {
    throw userError('update_malformed', 'errors.sync.updateMalformed');
  }
}

/** Stores one update, unsent (a local edit) or sent (one that came from the server). Returns its id. */
export function appendUpdate(db: Db, ref: SectionRef, update: Uint8Array, opts: { sent?: boolean } = {}): number {
  assertUpdate(update);
  const r = db
    .prepare(`INSERT INTO section_updates (document_id, section_key, update_blob, sent, created_at) VALUES (?, ?, ?, ?, ?)`)
    .run(ref.documentId, ref.sectionKey, Buffer.from(update), opts.sent ? 1 : 0, nowIso());
  return Number(r.lastInsertRowid);
}

const blobs = (rows: Array<{ update_blob: Buffer }>) => rows.map((r) => new Uint8Array(r.update_blob));

/** The section's whole state as one update (empty when nothing is stored). */
export function sectionState(db: Db, ref: SectionRef): Uint8Array {
  const rows = db
    .prepare(`SELECT update_blob FROM section_updates WHERE document_id = ? AND section_key = ? ORDER BY id`)
    .all(ref.documentId, ref.sectionKey) as Array<{ update_blob: Buffer }>;
  return rows.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(blobs(rows));
}

/** What the server has not acknowledged yet, oldest first. */
export function unsentUpdates(db: Db, ref: SectionRef): PendingUpdate[] {
  const rows = db
    .prepare(`SELECT id, update_blob FROM section_updates WHERE document_id = ? AND section_key = ? AND sent = 0 ORDER BY id`)
    .all(ref.documentId, ref.sectionKey) as Array<{ id: number; update_blob: Buffer }>;
  return rows.map((r) => ({ id: r.id, update: new Uint8Array(r.update_blob) }));
}

export function markSent(db: Db, ids: readonly number[]): void {
  const mark = db.prepare(`UPDATE section_updates SET sent = 1 WHERE id = ?`);
  db.transaction(() => ids.forEach((id) => mark.run(id)))();
}

/**
 * Folds the acknowledged updates of a section into one (typing leaves thousands of small ones);
 * unsent ones stay as they are, so what still has to go to the server is untouched. One transaction.
 */
export function compactSection(db: Db, ref: SectionRef): void {
  db.transaction(() => {
    const rows = db
      .prepare(`SELECT id, update_blob FROM section_updates WHERE document_id = ? AND section_key = ? AND sent = 1 ORDER BY id`)
      .all(ref.documentId, ref.sectionKey) as Array<{ id: number; update_blob: Buffer }>;
    if (rows.length < 2) return;
    const merged = Y.mergeUpdates(blobs(rows));
    const drop = db.prepare(`DELETE FROM section_updates WHERE id = ?`);
    rows.forEach((r) => drop.run(r.id));
    // Not through appendUpdate's size limit: the merge of what the server already has may be larger than one message.
    db.prepare(`INSERT INTO section_updates (document_id, section_key, update_blob, sent, created_at) VALUES (?, ?, ?, 1, ?)`).run(
      ref.documentId,
      ref.sectionKey,
      Buffer.from(merged),
      nowIso(),
    );
  }).immediate();
}
