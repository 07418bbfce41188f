import type { DocumentListItem } from '../../shared/document';
import type { DocumentSummary, Status } from '../../shared/domain';
import type { Db } from './db';
import { userError } from './errors';
import { newId, nowIso } from './ids';
import { LIST_ORDER_KEY } from './migrations';
import { countedVersion } from './record-versions';

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
  /** Given only for the local copy of a shared document, which keeps the id it has on the team server. */
  id?: string;
  title: string;
  meetingDate?: string | null;
  series?: string | null;
  templateKey?: string | null;
  templateVersion?: number | null;
  metadata?: string;
  content?: string | null;
  plainText?: string;
  /** A later version of an existing record; without it the document starts a record of its own (version 1). */
  version?: { recordId: string; versionNo: number; replaces: string };
};

export function createDocument(db: Db, doc: NewDocument): DocumentSummary {
  const id = doc.id ?? newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO documents (id, title, meeting_date, series, template_key, template_version, metadata, content, plain_text,
       record_id, version_no, parent_id, created_at, updated_at)
     VALUES (@id, @title, @meetingDate, @series, @templateKey, @templateVersion, @metadata, @content, @plainText,
       @recordId, @versionNo, @parentId, @now, @now)`,
  ).run({
    id,
    recordId: doc.version?.recordId ?? id,
    versionNo: doc.version?.versionNo ?? 1,
    parentId: doc.version?.replaces ?? null,
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

/**
 * The list's rows with what the list shows of each record's other versions. The latest version is
 * looked up per row (index documents_by_record), not grouped over the whole table, so that a page
 * of 50 costs 50 lookups at any size.
 */
const LATEST = `(SELECT MAX(v.version_no) FROM documents v WHERE v.record_id = d.record_id AND v.deleted_at IS NULL)`;
/** The list's sort key (migrations.LIST_ORDER_KEY) on the row aliased `d`: one order for the whole list and its pages. */
export const LIST_KEY = LIST_ORDER_KEY.replace(/\b(meeting_date|updated_at|id)\b/g, 'd.$1');

export const LIST_SQL = (where: string, orderAndLimit = `ORDER BY ${LIST_KEY} DESC`) => `
  SELECT ${SUMMARY_COLUMNS.split(', ')
    .map((c) => `d.${c}`)
    .join(', ')}, d.record_id, d.version_no, p.version_no AS replaces_version, p.status AS replaces_status,
    ${LATEST} AS latest_version, n.id AS newer_id, n.version_no AS newer_version, n.status AS newer_status,
    n.approved_at AS newer_approved_at, n.registered_at AS newer_registered_at
  FROM documents d
  LEFT JOIN documents p ON p.id = d.parent_id
  LEFT JOIN documents n ON n.record_id = d.record_id AND n.version_no > d.version_no AND n.version_no = ${LATEST}
  WHERE ${where}
  ${orderAndLimit}`;

export type ListRow = Row & {
  record_id: string;
  version_no: number;
  replaces_version: number | null;
  replaces_status: Status | null;
  latest_version: number | null;
  newer_id: string | null;
  newer_version: number | null;
  newer_status: Status | null;
  newer_approved_at: string | null;
  newer_registered_at: string | null;
};

export function toListItem(r: ListRow, trash: boolean): DocumentListItem {
  return {
    ...toSummary(r),
    recordId: r.record_id,
    version: r.version_no,
    replacesVersion: r.replaces_version,
    replacesStatus: r.replaces_status,
    latestVersion: Math.max(r.latest_version ?? r.version_no, r.version_no),
    newerDraft:
      !trash && r.newer_id !== null && r.newer_version !== null && r.newer_status !== null
        ? {
            id: r.newer_id,
            version: r.newer_version,
            status: r.newer_status,
            approvedAt: r.newer_approved_at,
            registeredAt: r.newer_registered_at,
          }
        : null,
  };
}

/**
 * Sorted the way a secretariat thinks: the newest meeting first, undated drafts on top. One row per
 * record (the version that counts, with its newer draft if one is being written); the trash lists
 * every trashed version on its own, since each is restored on its own.
 */
export function listDocuments(db: Db, opts: { trash?: boolean } = {}): DocumentListItem[] {
  const trash = opts.trash ?? false;
  const where = trash ? 'd.deleted_at IS NOT NULL' : `d.deleted_at IS NULL AND ${countedVersion('d')}`;
  const rows = db.prepare(LIST_SQL(where)).all() as ListRow[];
  return rows.map((r) => toListItem(r, trash));
}

export function getDocumentSummary(db: Db, id: string): DocumentSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw userError('not_found', 'errors.document.notFound', { id });
  return toSummary(row);
}
