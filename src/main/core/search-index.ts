import type { Db } from './db';

/**
 * Brings the full-text index up to date with the documents saved since the last search.
 * Autosave only queues a changed document (a trigger fills fts_pending); the tokenising
 * happens here, once per changed document, instead of on every save while someone types.
 */
export function refreshSearchIndex(db: Db): number {
  const pending = db.prepare(`SELECT doc_rowid FROM fts_pending`).pluck().all() as number[];
  if (pending.length === 0) return 0;
  const remove = db.prepare(`DELETE FROM documents_fts WHERE rowid = ?`);
  const insert = db.prepare(
    `INSERT INTO documents_fts(rowid, title, meta, body)
     SELECT rowid, title, (SELECT group_concat(value, ' ') FROM json_each(documents.metadata)), plain_text FROM documents WHERE rowid = ?`,
  );
  const done = db.prepare(`DELETE FROM fts_pending WHERE doc_rowid = ?`);
  db.transaction(() => {
    for (const rowid of pending) {
      remove.run(rowid);
      insert.run(rowid);
      done.run(rowid);
    }
  }).immediate();
  return pending.length;
}
