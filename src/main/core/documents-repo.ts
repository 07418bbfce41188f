import type { DocumentSummary, Status } from '../../shared/domain';
import type { Db } from './db';
import { MinnesError } from './errors';
import { newId, nowIso } from './ids';

type Row = {
  id: string;
  title: string;
  meeting_date: string | null;
  status: Status;
  series: string | null;
  template_key: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

const SUMMARY_COLUMNS = 'id, title, meeting_date, status, series, template_key, created_at, updated_at, deleted_at';

function toSummary(r: Row): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    meetingDate: r.meeting_date,
    status: r.status,
    series: r.series,
    templateKey: r.template_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export type NewDocument = {
  title: string;
  meetingDate?: string | null;
  series?: string | null;
  templateKey?: string | null;
  templateVersion?: number | null;
  metadata?: string;
  content?: string | null;
  plainText?: string;
};

export function createDocument(db: Db, doc: NewDocument): DocumentSummary {
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO documents (id, title, meeting_date, series, template_key, template_version, metadata, content, plain_text, created_at, updated_at)
     VALUES (@id, @title, @meetingDate, @series, @templateKey, @templateVersion, @metadata, @content, @plainText, @now, @now)`,
  ).run({
    id,
    title: doc.title,
    meetingDate: doc.meetingDate ?? null,
    series: doc.series ?? null,
    templateKey: doc.templateKey ?? null,
    templateVersion: doc.templateVersion ?? null,
    metadata: doc.metadata ?? '{}',
    content: doc.content ?? null,
    plainText: doc.plainText ?? '',
    now,
  });
  return getDocumentSummary(db, id);
}

/** Sorted the way a secretariat thinks: the newest meeting first, undated drafts on top. */
export function listDocuments(db: Db, opts: { trash?: boolean } = {}): DocumentSummary[] {
  const where = opts.trash ? 'WHERE deleted_at IS NOT NULL' : 'WHERE deleted_at IS NULL';
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents ${where} ORDER BY meeting_date IS NOT NULL, meeting_date DESC, updated_at DESC`)
    .all() as Row[];
  return rows.map(toSummary);
}

export function getDocumentSummary(db: Db, id: string): DocumentSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new MinnesError('not_found', `Det finns inget dokument med id ${id}.`);
  return toSummary(row);
}
