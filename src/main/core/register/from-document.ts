import type { Template } from '../../../shared/template';
import type { DocumentDetail } from '../../../shared/document';
import { dnrProblem, LOCKED_STATUSES } from '../../../shared/domain';
import { secrecyProblem } from '../../../shared/metadata';
import type { Db } from '../db';
import { MinnesError } from '../errors';
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

type Link = { id: string; parent_id: string | null; dnr: string };

/** The document's line of versions, oldest first (version 1 is the record's first document). */
function lineage(db: Db, id: string): Link[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE up(id, parent_id, dnr, depth) AS (
         SELECT id, parent_id, json_extract(metadata, '$.dnr'), 0 FROM documents WHERE id = ?
         UNION ALL
         SELECT d.id, d.parent_id, json_extract(d.metadata, '$.dnr'), up.depth + 1
           FROM documents d JOIN up ON d.id = up.parent_id WHERE up.depth < 1000
       ) SELECT id, parent_id, coalesce(dnr, '') AS dnr FROM up ORDER BY depth DESC`,
    )
    .all(id) as Link[];
  return rows;
}

function replacedBy(db: Db, id: string): boolean {
  return !!db
    .prepare(`SELECT 1 FROM documents WHERE parent_id = ? AND status IN ('justerad', 'registrerad') AND deleted_at IS NULL`)
    .get(id);
}

/** The record the package describes, or a MinnesError in Swedish saying why this document cannot be packaged. */
export function registerRecord(db: Db, doc: DocumentDetail): RegisterRecord {
  if (!LOCKED_STATUSES.includes(doc.status) || !doc.approvedAt || !doc.approvedBy) {
    throw new MinnesError('not_approved', 'Bara justerade eller registrerade minnesanteckningar kan paketeras för diariet.');
  }
  if (replacedBy(db, doc.id)) {
    throw new MinnesError(
      'replaced_version',
      'Den här versionen har ersatts av en nyare justerad version. Paketera den senaste versionen i stället.',
    );
  }
  const dnr = doc.metadata.dnr.trim();
  const problem = dnr ? dnrProblem(dnr) : 'Paketet behöver ett diarienummer: registrera minnesanteckningarna först.';
  if (problem) throw new MinnesError('bad_dnr', problem);
  const secrecy = secrecyProblem(doc.metadata);
  if (secrecy) throw new MinnesError('secrecy_reference_required', `Kan inte paketera: ${secrecy}`);
  const registeredAt = doc.registeredAt ? zonedRegistration(doc.registeredAt) : null;
  if (doc.registeredAt && !registeredAt) throw new MinnesError('bad_date', `Registreringstiden ${doc.registeredAt} går inte att läsa.`);

  const line = lineage(db, doc.id);
  const first = line[0]?.id ?? doc.id;
  const version = Math.max(1, line.length);
  const previous = line.length >= 2 ? line[line.length - 2] : undefined;
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
    ...(previous
      ? { replaces: { ...(previous.dnr ? { dnr: previous.dnr } : {}), version: version - 1, objid: packageObjid(first, version - 1) } }
      : {}),
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
