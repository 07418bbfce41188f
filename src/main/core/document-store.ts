import { CONTENT_FORMAT, CONTENT_VERSION, type ContentEnvelope } from '../../shared/content';
import type { DocumentDetail } from '../../shared/document';
import { LOCKED_STATUSES, type Status } from '../../shared/domain';
import { MetadataSchema, type Metadata } from '../../shared/metadata';
import { FREE_TITLE_PATTERN, type Template } from '../../shared/template';
import { documentTitle } from '../../shared/variables';
import type { Db } from './db';
import * as repo from './documents-repo';
import { renderText } from '../../shared/i18n/catalogue';
import type { MessageText } from '../../shared/i18n/format';
import { MinnesError, msg, userError } from './errors';
import { nowIso } from './ids';
import { contentPlainText } from './plain-text';
import { recordVersions, versionInfo } from './record-versions';
import { recordReviewEdit } from './revisions';
import { INLINE_INDEX_CHARS, indexDocumentNow } from './search-index';
import { parseStoredContent, storableContent } from './store/stored-content';
import { getTemplate } from './templates/template-repo';

type DetailRow = {
  approved_by: string | null;
  approved_at: string | null;
  registered_at: string | null;
  parent_id: string | null;
  metadata: string;
  content: string | null;
  content_version: number | null;
  template_key: string | null;
  template_version: number | null;
  status: Status;
  deleted_at: string | null;
  version_no: number;
  /** The record's newest version outside the trash. */
  latest_version: number | null;
};

function templateOf(db: Db, key: string | null, version: number | null): Template | null {
  if (!key) return null;
  try {
    return getTemplate(db, key, version ?? undefined);
  } catch {
    return null;
  }
}

function emptyContent(): ContentEnvelope {
  return { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: [] };
}

/** Why a document may not be changed, or null. Enforced here, whatever the caller (UI, IPC, CLI, HTTP). */
function lockReason(
  row: Pick<DetailRow, 'status' | 'content_version' | 'deleted_at' | 'version_no' | 'latest_version'>,
): MessageText | null {
  if (row.latest_version !== null && row.version_no < row.latest_version) {
    // An old version stays as it was when replaced: readable and exportable, never edited.
    return msg('errors.document.oldVersion', { version: String(row.version_no), latest: String(row.latest_version) });
  }
  if (LOCKED_STATUSES.includes(row.status)) {
    // "justerat", "registrerat": the status as it reads after "Dokumentet är" (status.<status>.after in the catalogue).
    return msg('errors.document.locked', { status: msg(`status.${row.status}.after` as const) });
  }
  if (row.deleted_at) return msg('errors.document.inTrash');
  if (row.content_version !== null && row.content_version > CONTENT_VERSION) return msg('errors.document.fromNewerVersion');
  return null;
}

// The content version has its own column (kept by triggers, migration 7): checking a lock never
// parses a large document, and never fails on content that SQLite's JSON functions cannot read.
const COLUMNS = `approved_by, approved_at, registered_at, parent_id, metadata, content_version, template_key, template_version, status, deleted_at,
  version_no, (SELECT MAX(o.version_no) FROM documents o WHERE o.record_id = documents.record_id AND o.deleted_at IS NULL) AS latest_version`;
const ROW_SQL = `SELECT content, ${COLUMNS} FROM documents WHERE id = ?`;
const LOCK_SQL = `SELECT NULL AS content, ${COLUMNS} FROM documents WHERE id = ?`;

function readRow(db: Db, id: string, sql = ROW_SQL): DetailRow {
  const row = db.prepare(sql).get(id) as DetailRow | undefined;
  if (!row) throw userError('not_found', 'errors.document.notFound', { id });
  return row;
}

export function loadDocument(db: Db, id: string): DocumentDetail {
  const row = readRow(db, id);
  const summary = repo.getDocumentSummary(db, id);
  const template = templateOf(db, row.template_key, row.template_version);
  const reason = lockReason(row);
  const version = versionInfo(db, id);
  return {
    ...summary,
    ...version,
    metadata: MetadataSchema.parse(JSON.parse(row.metadata)),
    content: row.content ? parseStoredContent(id, row.content) : emptyContent(),
    templateVersion: row.template_version,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    registeredAt: row.registered_at,
    parentId: row.parent_id,
    versions: recordVersions(db, version.recordId),
    titlePattern: template?.titlePattern ?? FREE_TITLE_PATTERN,
    readOnly: reason !== null,
    readOnlyReason: reason && renderText('sv', reason),
    readOnlyText: reason,
  };
}

export function assertEditable(db: Db, id: string): DetailRow {
  const row = readRow(db, id, LOCK_SQL);
  const reason = lockReason(row);
  if (reason) throw new MinnesError('locked', reason);
  return row;
}

/** The columns derived from metadata and content: kept in step on every write. */
function derived(metadata: Metadata, content: ContentEnvelope, titlePattern: string) {
  return {
    title: documentTitle(titlePattern, metadata).text || 'Namnlöst dokument',
    meetingDate: metadata.date || null,
    series: metadata.series || null,
    plainText: contentPlainText(content, metadata),
  };
}

export type NewFromParts = {
  /** Only the local copy of a shared document brings its own (the team server's) id. */
  id?: string;
  metadata: Metadata;
  content: ContentEnvelope;
  template: Template | null;
};

/**
 * Insert and read-back are one transaction: a document that cannot be loaded back is not left
 * behind. Immediate, because a deferred one that must then upgrade to writing fails at once, without
 * waiting, when another process (the app, an autosave) wrote in between.
 */
export function insertDocument(db: Db, parts: NewFromParts, version?: repo.NewDocument['version']): DocumentDetail {
  const content = storableContent(parts.content);
  const d = derived(parts.metadata, content, parts.template?.titlePattern ?? FREE_TITLE_PATTERN);
  return db
    .transaction(() => {
      const summary = repo.createDocument(db, {
        ...d,
        ...(parts.id ? { id: parts.id } : {}),
        ...(version ? { version } : {}),
        templateKey: parts.template?.key ?? null,
        templateVersion: parts.template?.version ?? null,
        metadata: JSON.stringify(parts.metadata),
        content: JSON.stringify(content),
      });
      return loadDocument(db, summary.id);
    })
    .immediate();
}

export type DocumentPatch = { metadata?: Metadata; content?: ContentEnvelope };

/**
 * Autosave and explicit save: one transaction, refused when locked or when the content is from the future.
 * The stored content is only read (and parsed) when the patch does not replace it.
 */
export function saveDocument(db: Db, id: string, patch: DocumentPatch): void {
  db.transaction(() => {
    const lock = assertEditable(db, id);
    if (patch.content && patch.content.version > CONTENT_VERSION) {
      throw userError('content_too_new', 'errors.document.contentTooNew');
    }
    const incoming = patch.content ? storableContent(patch.content) : null;
    const stored = incoming ? null : readRow(db, id).content;
    const metadata = patch.metadata ?? MetadataSchema.parse(JSON.parse(lock.metadata));
    const content = incoming ?? (stored ? parseStoredContent(id, stored) : emptyContent());
    const template = templateOf(db, lock.template_key, lock.template_version);
    const d = derived(metadata, content, template?.titlePattern ?? FREE_TITLE_PATTERN);
    db.prepare(
      `UPDATE documents SET title = @title, meeting_date = @meetingDate, series = @series, plain_text = @plainText,
         metadata = @metadata, content = @content, updated_at = @now WHERE id = @id`,
    ).run({ ...d, metadata: JSON.stringify(metadata), content: JSON.stringify(content), now: nowIso(), id });
    if (d.plainText.length <= INLINE_INDEX_CHARS) indexDocumentNow(db, id);
    if (lock.status === 'granskning') recordReviewEdit(db, id);
  }).immediate();
}

/**
 * The local copy of a shared document follows the team server, which is where its rights and its
 * status are decided: its text is written whatever the local status, and its status is the server's.
 */
export function mirrorShared(db: Db, id: string, change: { content?: ContentEnvelope; status?: Status; approvedBy?: string | null }): void {
  db.transaction(() => {
    const row = readRow(db, id, LOCK_SQL);
    const now = nowIso();
    if (change.content) {
      const content = storableContent(change.content);
      const metadata = MetadataSchema.parse(JSON.parse(row.metadata));
      const template = templateOf(db, row.template_key, row.template_version);
      const d = derived(metadata, content, template?.titlePattern ?? FREE_TITLE_PATTERN);
      db.prepare(`UPDATE documents SET plain_text = @plainText, content = @content, updated_at = @now WHERE id = @id`).run({
        plainText: d.plainText,
        content: JSON.stringify(content),
        now,
        id,
      });
      if (d.plainText.length <= INLINE_INDEX_CHARS) indexDocumentNow(db, id);
    }
    if (change.status && change.status !== row.status) {
      const locked = LOCKED_STATUSES.includes(change.status);
      const approvedAt = locked ? (row.approved_at ?? now) : null;
      const approvedBy = locked ? (change.approvedBy ?? row.approved_by) : null;
      db.prepare(`UPDATE documents SET status = ?, approved_at = ?, approved_by = ?, updated_at = ? WHERE id = ?`).run(
        change.status,
        approvedAt,
        approvedBy,
        now,
        id,
      );
    }
  }).immediate();
}

/** Reads no content: a document whose content cannot be loaded can still be thrown away. */
export function setTrashed(db: Db, id: string, trashed: boolean): void {
  db.transaction(() => {
    const row = readRow(db, id, LOCK_SQL);
    if (trashed && LOCKED_STATUSES.includes(row.status)) {
      throw userError('locked', 'errors.document.lockedNoTrash');
    }
    db.prepare(`UPDATE documents SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(trashed ? nowIso() : null, nowIso(), id);
  }).immediate();
}

export function duplicateDocument(db: Db, id: string): DocumentDetail {
  const src = loadDocument(db, id);
  const template = templateOf(db, src.templateKey, src.templateVersion);
  const metadata = { ...src.metadata, title: src.metadata.title ? `${src.metadata.title} (kopia)` : '' };
  return insertDocument(db, { metadata, content: src.content, template });
}
