import type { RecordVersion, VersionInfo } from '../../shared/document';
import type { Status } from '../../shared/domain';
import type { Db } from './db';
import { userError } from './errors';

/**
 * A record (ärende-handling) is every document row with the same record_id; version_no numbers its
 * versions 1, 2, 3 … and parent_id names the version each one replaces. This module is the one
 * place that decides which version of a record counts.
 */

const LOCKED_SQL = `('justerad','registrerad')`;

/**
 * True for the one version of its record that lists, the timeline, search and the year's
 * takeaways show: the latest approved or registered version, else (only drafts) the latest draft.
 * Trashed versions never count, so trashing a draft of version 2 brings version 1 back.
 */
export const countedVersion = (alias: string): string =>
  `${alias}.id = (SELECT c.id FROM documents c WHERE c.record_id = ${alias}.record_id AND c.deleted_at IS NULL
     ORDER BY c.status IN ${LOCKED_SQL} DESC, c.version_no DESC LIMIT 1)`;

type VersionRow = { id: string; version_no: number; status: Status; approved_at: string | null; registered_at: string | null };

/** Every version of the record that is not in the trash, oldest first. */
export function recordVersions(db: Db, recordId: string): RecordVersion[] {
  const rows = db
    .prepare(
      `SELECT id, version_no, status, approved_at, registered_at FROM documents
       WHERE record_id = ? AND deleted_at IS NULL ORDER BY version_no`,
    )
    .all(recordId) as VersionRow[];
  return rows.map((r) => ({ id: r.id, version: r.version_no, status: r.status, approvedAt: r.approved_at, registeredAt: r.registered_at }));
}

type InfoRow = {
  record_id: string;
  version_no: number;
  replaces_version: number | null;
  replaces_status: Status | null;
  latest_version: number | null;
};

const INFO_SQL = `SELECT d.record_id, d.version_no, p.version_no AS replaces_version, p.status AS replaces_status,
    (SELECT MAX(o.version_no) FROM documents o WHERE o.record_id = d.record_id AND o.deleted_at IS NULL) AS latest_version
  FROM documents d LEFT JOIN documents p ON p.id = d.parent_id WHERE d.id = ?`;

/** Where a document stands in its record: "version 2, ersätter justerad version 1", and the latest version. */
export function versionInfo(db: Db, id: string): VersionInfo {
  const r = db.prepare(INFO_SQL).get(id) as InfoRow | undefined;
  if (!r) throw userError('not_found', 'errors.document.notFound', { id });
  return {
    recordId: r.record_id,
    version: r.version_no,
    replacesVersion: r.replaces_version,
    replacesStatus: r.replaces_status,
    // A trashed document is not counted in MAX, but is still its own latest as far as it knows.
    latestVersion: Math.max(r.latest_version ?? r.version_no, r.version_no),
  };
}

/** The number the next version of a record gets; trashed versions keep theirs, so numbers are never reused. */
export function nextVersionNo(db: Db, recordId: string): number {
  return ((db.prepare(`SELECT MAX(version_no) FROM documents WHERE record_id = ?`).pluck().get(recordId) as number | null) ?? 0) + 1;
}

/**
 * Only the latest version of a record can get a next one: a second "Ny version" of the same approved
 * minutes would give the record two competing texts.
 */
export function assertLatestVersion(db: Db, id: string): VersionInfo {
  const info = versionInfo(db, id);
  if (info.version < info.latestVersion) {
    throw userError('superseded', 'errors.document.superseded', {
      version: String(info.version),
      latest: String(info.latestVersion),
    });
  }
  return info;
}
