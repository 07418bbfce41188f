import type { Db } from './db';

/**
 * The full-text index, kept current off the query path: a save of ordinary minutes indexes the
 * document in its own transaction (a millisecond or two); a save of a long one only queues it (a
 * trigger fills fts_pending) and the host's indexer picks it up within a second, once per document
 * however often it was saved meanwhile; closing the store (the CLI's exit) indexes what is still queued. A search
 * never tokenises anything, so the first search after an autosave costs what any search costs.
 */

/** Text up to this long (about seven pages) is indexed within the save; longer waits for the indexer. */
export const INLINE_INDEX_CHARS = 20_000;

/** Re-indexes documents by rowid; the statements are prepared once per batch, not once per document. */
function indexer(db: Db): (rowid: number) => void {
  const remove = db.prepare(`DELETE FROM documents_fts WHERE rowid = ?`);
  const insert = db.prepare(
    `INSERT INTO documents_fts(rowid, title, meta, body)
     SELECT rowid, title, (SELECT group_concat(value, ' ') FROM json_each(documents.metadata)), plain_text FROM documents WHERE rowid = ?`,
  );
  const done = db.prepare(`DELETE FROM fts_pending WHERE doc_rowid = ?`);
  return (rowid) => {
    remove.run(rowid);
    insert.run(rowid);
    done.run(rowid);
  };
}

/** Indexes one document now, in the caller's transaction. */
export function indexDocumentNow(db: Db, id: string): void {
  const rowid = db.prepare(`SELECT rowid FROM documents WHERE id = ?`).pluck().get(id) as number | undefined;
  if (rowid !== undefined) indexer(db)(rowid);
}

/** How often the hosts' indexer looks for queued documents (a query on an empty table when idle). */
const INDEXER_INTERVAL_MS = 1000;

/** The hosts' background indexer; `db` is a getter because a restore replaces the connection. */
export function startSearchIndexer(db: () => Db, onError: (e: unknown) => void): () => void {
  const timer = setInterval(() => {
    try {
      const current = db();
      if (current.open) refreshSearchIndex(current);
    } catch (e) {
      onError(e);
    }
  }, INDEXER_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Indexes every queued document; returns how many. */
export function refreshSearchIndex(db: Db): number {
  const pending = db.prepare(`SELECT doc_rowid FROM fts_pending`).pluck().all() as number[];
  if (pending.length === 0) return 0;
  const index = indexer(db);
  db.transaction(() => pending.forEach(index)).immediate();
  return pending.length;
}
