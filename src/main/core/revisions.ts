import { ContentEnvelopeSchema } from '../../shared/content';
import { MetadataSchema } from '../../shared/metadata';
import type { DiffLine, Revision, RevisionSummary } from '../../shared/revisions';
import type { Status } from '../../shared/domain';
import type { Db } from './db';
import { userError } from './errors';
import { nowIso } from './ids';
import { diffLines } from './text-diff';

type Row = {
  id: number;
  document_id: string;
  created_at: string;
  reason: string;
  status: Status;
  title: string;
  metadata: string;
  content: string | null;
  plain_text: string;
  author: string | null;
  name: string | null;
};

/** A full copy of the document as it is now, in the caller's transaction. */
export function snapshot(db: Db, documentId: string, reason: string, author: string | null = null): number {
  const r = db
    .prepare(
      `INSERT INTO revisions (document_id, created_at, reason, status, title, metadata, content, plain_text, author)
       SELECT id, ?, ?, status, title, metadata, content, plain_text, ? FROM documents WHERE id = ?`,
    )
    .run(nowIso(), reason, author, documentId);
  if (r.changes === 0) throw userError('not_found', 'errors.document.notFound', { id: documentId });
  return Number(r.lastInsertRowid);
}

/**
 * Edits during review are recorded. A burst of autosaves within a minute is one edit, so the
 * history shows what changed, not every pause in typing.
 */
export function recordReviewEdit(db: Db, documentId: string, author: string | null = null): void {
  const last = db
    .prepare(`SELECT id, reason, created_at, author FROM revisions WHERE document_id = ? ORDER BY id DESC LIMIT 1`)
    .get(documentId) as { id: number; reason: string; created_at: string; author: string | null } | undefined;
  if (last?.reason === 'edit' && last.author === author && Date.now() - Date.parse(last.created_at) < 60_000) {
    db.prepare(
      `UPDATE revisions SET (title, metadata, content, plain_text) = (SELECT title, metadata, content, plain_text FROM documents WHERE id = ?) WHERE id = ?`,
    ).run(documentId, last.id);
  } else {
    snapshot(db, documentId, 'edit', author);
  }
}

/** Gives a saved version its name (an empty one leaves it unnamed). */
export function nameRevision(db: Db, revisionId: number, name: string): void {
  if (name.trim()) db.prepare(`UPDATE revisions SET name = ? WHERE id = ?`).run(name.trim(), revisionId);
}

export function listRevisions(db: Db, documentId: string): RevisionSummary[] {
  const rows = db
    .prepare(`SELECT id, created_at, reason, status, title, author, name FROM revisions WHERE document_id = ? ORDER BY id DESC`)
    .all(documentId) as Row[];
  return rows.map(summaryOf);
}

/** One row as the history lists it: what listRevisions and getRevision both return. */
function summaryOf(r: Pick<Row, 'id' | 'created_at' | 'reason' | 'status' | 'title' | 'author' | 'name'>): RevisionSummary {
  return { id: r.id, createdAt: r.created_at, reason: r.reason, status: r.status, title: r.title, author: r.author, name: r.name };
}

export function getRevision(db: Db, revisionId: number): Revision {
  const r = db.prepare(`SELECT * FROM revisions WHERE id = ?`).get(revisionId) as Row | undefined;
  if (!r) throw userError('not_found', 'errors.revision.notFound', { id: String(revisionId) });
  return {
    ...summaryOf(r),
    documentId: r.document_id,
    metadata: MetadataSchema.parse(JSON.parse(r.metadata)),
    content: r.content ? ContentEnvelopeSchema.parse(JSON.parse(r.content)) : null,
    plainText: r.plain_text,
  };
}

/** What changed between two revisions (or a revision and the document now, when `after` is null). */
export function diffRevisions(db: Db, before: number, after: number | null): DiffLine[] {
  const a = getRevision(db, before);
  const b =
    after === null
      ? (db.prepare(`SELECT title, plain_text AS plainText FROM documents WHERE id = ?`).get(a.documentId) as {
          title: string;
          plainText: string;
        })
      : getRevision(db, after);
  return diffLines(`${a.title}\n${a.plainText}`, `${b.title}\n${b.plainText}`);
}
