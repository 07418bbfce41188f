import type { Template } from '../../../shared/template';
import type { DocumentDetail } from '../../../shared/document';
import { dnrProblem, LOCKED_STATUSES } from '../../../shared/domain';
import { secrecyProblem } from '../../../shared/metadata';
import type { Db } from '../db';
import { MinnesError, msg, userError } from '../errors';
import { exportFileName, renderParts, type RenderedFile } from '../export-document';
import { APP_VERSION } from '../version';
import { buildRegisterPackage } from './package';
import { participantOrganisations } from './participants';
import { packageObjid, type RegisterRecord } from './record';
import { isoWithOffset, zonedRegistration } from './time';

/**
 * The edge between the store and the pure package builder: reads what the package needs about a
 * stored document, refuses what must not reach the register, and renders the files.
 */

/** A newer approved version of the same record exists: this one is no longer what the register holds. */
function replacedBy(db: Db, doc: DocumentDetail): boolean {
  return !!db
    .prepare(
      `SELECT 1 FROM documents WHERE record_id = ? AND version_no > ? AND status IN ('justerad', 'registrerad') AND deleted_at IS NULL`,
    )
    .get(doc.recordId, doc.version);
}

/** The record the package describes, or a MinnesError saying why this document cannot be packaged. */
export function registerRecord(db: Db, doc: DocumentDetail): RegisterRecord {
  if (!LOCKED_STATUSES.includes(doc.status) || !doc.approvedAt || !doc.approvedBy) {
    throw userError('not_approved', 'errors.package.notApproved');
  }
  if (replacedBy(db, doc)) {
    throw userError('replaced_version', 'errors.package.replaced');
  }
  const dnr = doc.metadata.dnr.trim();
  const problem = dnr ? dnrProblem(dnr) : msg('errors.package.dnrMissing');
  if (problem) throw new MinnesError('bad_dnr', problem);
  const secrecy = secrecyProblem(doc.metadata);
  if (secrecy) throw userError('secrecy_reference_required', 'errors.package.secrecy', { problem: secrecy });
  const registeredAt = doc.registeredAt ? zonedRegistration(doc.registeredAt) : null;
  if (doc.registeredAt && !registeredAt) throw userError('bad_date', 'errors.package.registrationTime', { time: doc.registeredAt });

  const first = doc.recordId;
  const version = doc.version;
  const m = doc.metadata;
  return {
    recordId: first,
    version,
    dnr,
    title: doc.title,
    documentType: m.documentType || 'Minnesanteckningar',
    status: doc.status === 'registrerad' ? 'registrerad' : 'justerad',
    meetingDate: m.date,
    // Stored instants are UTC; shown in the office's zone, the same instant.
    created: isoWithOffset(new Date(doc.createdAt), 'Europe/Stockholm'),
    approvedAt: isoWithOffset(new Date(doc.approvedAt), 'Europe/Stockholm'),
    approvedBy: doc.approvedBy,
    ...(registeredAt ? { registeredAt } : {}),
    organisation: m.department || m.unit || 'Regeringskansliet',
    unit: m.department ? m.unit : '',
    secrecy:
      m.secrecy === 'sekretess'
        ? { kind: 'sekretess', reference: m.secrecyReference.trim(), decidedBy: m.secrecyDecidedBy.trim() }
        : { kind: 'offentlig' },
    language: 'sv',
    participants: participantOrganisations(doc.content),
    // Every version of a record keeps the record's Dnr, so the one it replaces is filed under it too.
    ...(version > 1 ? { replaces: { dnr, version: version - 1, objid: packageObjid(first, version - 1) } } : {}),
    software: { name: 'Minnes', version: APP_VERSION },
  };
}

/** The register package of a stored document: refused (MinnesError) before anything is rendered when it may not go. */
export async function registerPackage(
  db: Db,
  doc: DocumentDetail,
  template: Template | null,
): Promise<RenderedFile & { fileName: string }> {
  const record = registerRecord(db, doc);
  // Rendered with the approval time: approved minutes give the same files every time.
  const { bytes: pdfa, undrawable } = await renderParts(doc.metadata, doc.content, template, 'pdfa', doc.approvedAt ?? undefined);
  const { bytes: docx } = await renderParts(doc.metadata, doc.content, template, 'docx', doc.approvedAt ?? undefined);
  const baseName = exportFileName(
    { ...doc.metadata, date: `${record.dnr.replaceAll('/', '-')} ${doc.metadata.date}`.trim() },
    doc.title,
    'pdf',
  ).replace(/\.pdf$/, '');
  const { zip } = buildRegisterPackage({ record, pdfa, docx, baseName });
  return { bytes: zip, undrawable, fileName: `${baseName}.zip` };
}
