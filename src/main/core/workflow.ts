import { dnrProblem, LOCKED_STATUSES, TRANSITIONS, type Status } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n/catalogue';
import type { MessageText } from '../../shared/i18n/format';
import type { ContentEnvelope } from '../../shared/content';
import type { DocumentDetail } from '../../shared/document';
import { secrecyProblem, type Metadata } from '../../shared/metadata';
import type { Db } from './db';
import { insertDocument, loadDocument, saveDocument } from './document-store';
import { getDocumentSummary } from './documents-repo';
import { MinnesError, msg, msgList, userError } from './errors';
import { nowIso } from './ids';
import { assertLatestVersion, nextVersionNo } from './record-versions';
import { getRevision, snapshot } from './revisions';
import { getTemplate } from './templates/template-repo';
import { registrationTime } from './register/time';

export type StatusChange = {
  status: Status;
  /** Who approved (justerad). */
  approvedBy?: string;
  /** Diarienummer (registrerad). */
  dnr?: string;
  /** Registration date, ISO; today when not given. */
  registeredOn?: string;
  /** Secrecy assessed at registration (registrerad); the document's own marking when not given. */
  secrecy?: Pick<Metadata, 'secrecy' | 'secrecyReference' | 'secrecyDecidedBy'>;
};

/** A status in lower case inside a sentence ("från granskning till justerad"). */
const STATUS_WORD = {
  utkast: msg('errors.status.utkast'),
  granskning: msg('errors.status.granskning'),
  justerad: msg('errors.status.justerad'),
  registrerad: msg('errors.status.registrerad'),
} as const satisfies Record<Status, MessageText>;

const ALREADY = {
  utkast: 'errors.workflow.already.utkast',
  granskning: 'errors.workflow.already.granskning',
  justerad: 'errors.workflow.already.justerad',
  registrerad: 'errors.workflow.already.registrerad',
} as const satisfies Record<Status, MessageKey>;

function refuse(from: Status, to: Status): never {
  if (from === to) throw userError('same_status', ALREADY[to]);
  if (from === 'registrerad') throw userError('forbidden_step', 'errors.workflow.registeredFixed');
  const allowed = TRANSITIONS[from].map((s) => STATUS_WORD[s]);
  const step = { from: STATUS_WORD[from], to: STATUS_WORD[to] };
  throw allowed.length
    ? userError('forbidden_step', 'errors.workflow.step.allowed', { ...step, allowed: msgList(allowed) })
    : userError('forbidden_step', 'errors.workflow.step', step);
}

/**
 * The one place the workflow is enforced (UI, IPC, CLI and browser host all come here):
 * utkast → granskning → justerad (locked) → registrerad, with granskning → utkast as the only way back.
 * Every change snapshots the document as a revision in the same transaction.
 */
export function changeStatus(db: Db, id: string, change: StatusChange): DocumentDetail {
  return db
    .transaction(() => {
      const doc = loadDocument(db, id);
      if (doc.deletedAt) throw userError('locked', 'errors.workflow.inTrash');
      const from = doc.status;
      const to = change.status;
      if (!TRANSITIONS[from].includes(to)) refuse(from, to);
      const now = nowIso();
      if (to === 'justerad') {
        const by = change.approvedBy?.trim();
        if (!by) throw userError('approver_required', 'errors.workflow.approverRequired');
        db.prepare(`UPDATE documents SET status = 'justerad', approved_by = ?, approved_at = ?, updated_at = ? WHERE id = ?`).run(
          by.slice(0, 200),
          now,
          now,
          id,
        );
      } else if (to === 'registrerad') {
        const dnr = (change.dnr ?? doc.metadata.dnr).trim();
        const problem = dnrProblem(dnr);
        if (problem) throw new MinnesError('bad_dnr', problem);
        // Stored with its zone (2026-06-10T14:03:00+02:00): the register package states when, not just which day.
        const on = registrationTime(change.registeredOn, new Date(now));
        if (!on) throw userError('bad_date', 'errors.workflow.registrationDate');
        const marked = { ...doc.metadata, ...(change.secrecy ?? {}), dnr };
        // A secrecy marking names its legal ground, or the register cannot keep the record restricted.
        const secret = secrecyProblem(marked);
        if (secret) throw new MinnesError('bad_secrecy', secret);
        const metadata = JSON.stringify(marked);
        db.prepare(`UPDATE documents SET status = 'registrerad', registered_at = ?, metadata = ?, updated_at = ? WHERE id = ?`).run(
          on,
          metadata,
          now,
          id,
        );
      } else {
        db.prepare(`UPDATE documents SET status = ?, updated_at = ? WHERE id = ?`).run(to, now, id);
      }
      snapshot(db, id, `status:${to}`);
      return loadDocument(db, id);
    })
    .immediate();
}

/** Every check changeStatus makes, with nothing changed: for a step that must also be taken elsewhere first. */
export function assertStatusChange(db: Db, id: string, change: StatusChange): void {
  const rollback = Symbol('rollback');
  try {
    db.transaction(() => {
      changeStatus(db, id, change);
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
}

/**
 * "Ny version": a locked document is changed only through version n+1 of the same record, a draft
 * that replaces it. Only the latest version can get a next one.
 */
export function newVersion(db: Db, id: string): DocumentDetail {
  const src = loadDocument(db, id);
  if (!LOCKED_STATUSES.includes(src.status)) {
    throw userError('not_locked', 'errors.workflow.notLocked');
  }
  return nextVersionOf(db, src, src.metadata, src.content, 'ny-version');
}

function nextVersionOf(db: Db, replaced: DocumentDetail, metadata: Metadata, content: ContentEnvelope, reason: string): DocumentDetail {
  const template = replaced.templateKey ? getTemplate(db, replaced.templateKey, replaced.templateVersion ?? undefined) : null;
  return db
    .transaction(() => {
      const info = assertLatestVersion(db, replaced.id);
      // The record keeps its Dnr whatever text the new version starts from (a revision from before registration has none).
      const dnr = replaced.metadata.dnr || metadata.dnr;
      const version = { recordId: info.recordId, versionNo: nextVersionNo(db, info.recordId), replaces: replaced.id };
      const draft = insertDocument(db, { metadata: { ...metadata, dnr }, content, template }, version);
      snapshot(db, draft.id, reason);
      return loadDocument(db, draft.id);
    })
    .immediate();
}

/**
 * Brings back an earlier revision. An editable document gets its text and facts back (the
 * current state is kept as a revision first); a locked one is never changed: the revision becomes
 * the next version of its record instead ("Ny version från den här revisionen").
 */
export function restoreRevision(db: Db, revisionId: number): DocumentDetail {
  const rev = getRevision(db, revisionId);
  if (!rev.content) throw userError('empty_revision', 'errors.workflow.emptyRevision');
  // Only the status is needed here, not the content: this is also how a document whose content can
  // no longer be loaded is repaired.
  const doc = getDocumentSummary(db, rev.documentId);
  if (LOCKED_STATUSES.includes(doc.status))
    return nextVersionOf(db, loadDocument(db, doc.id), rev.metadata, rev.content, 'ny-version-från-revision');
  return db.transaction(() => {
    snapshot(db, doc.id, 'restore');
    saveDocument(db, doc.id, { metadata: rev.metadata, content: rev.content! });
    return loadDocument(db, doc.id);
  })();
}
