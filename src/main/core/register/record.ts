import { createHash } from 'node:crypto';
import { DNR_PATTERN } from '../../../shared/domain';
import { cleanLine } from '../export/sanitize';

/** One approved version of a record (ärende-handling), as the register package describes it. */
export type RegisterRecord = {
  /** The record's id in Minnes: the first version's document id, the same for every version. */
  recordId: string;
  /** 1, 2, 3 …: which version of the record this package holds. */
  version: number;
  /** Diarienummer: the case's and the record's id in the register. */
  dnr: string;
  /** Ärendemening: what the register lists the document as. */
  title: string;
  /** e.g. "Minnesanteckningar". */
  documentType: string;
  /** A package exists only for approved or registered minutes. */
  status: 'justerad' | 'registrerad';
  /** The meeting's day, YYYY-MM-DD; "" when the minutes name none. */
  meetingDate: string;
  /** ISO 8601 date-times with a zone. */
  created: string;
  approvedAt: string;
  approvedBy: string;
  /** When it was registered, with its zone (2026-06-10T14:03:00+02:00); set once registered. */
  registeredAt?: string;
  /** The department, e.g. "Arbetsmarknadsdepartementet". */
  organisation: string;
  /** The unit within it; "" when there is none. */
  unit: string;
  secrecy: Secrecy;
  language: 'sv';
  /** The participating organisations, as keywords. */
  participants: readonly string[];
  /** The version this one replaces, when it is version 2 or later. */
  replaces?: { dnr?: string; version: number; objid: string };
  software: { name: string; version: string };
};

export type Secrecy = { kind: 'offentlig' } | { kind: 'sekretess'; reference: string; decidedBy: string };

/**
 * The package's OBJID: a UUID in the form of RFC 9562 version 5 (name-based, here from SHA-256
 * rather than SHA-1) of the record and version, so the same record version always gets the same
 * id and folder, and another version another one. "uuid-" as in the E-ARK examples keeps it a
 * valid folder and xml:id start on every system.
 */
export function packageObjid(recordId: string, version: number): string {
  const h = createHash('sha256').update(`minnes:register-package:${recordId}:${version}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `uuid-${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Why the record cannot be packaged as it is (English: a programming error, the caller checks first), or null. */
export function recordProblem(r: RegisterRecord): string | null {
  if (!DNR_PATTERN.test(cleanLine(r.dnr))) return `Dnr "${r.dnr}" is not a diarienummer such as A2026/01234`;
  if (!Number.isSafeInteger(r.version) || r.version < 1) return `version ${r.version} is not 1, 2, 3 …`;
  if (r.meetingDate && !/^\d{4}-\d{2}-\d{2}$/.test(r.meetingDate)) return `meetingDate ${r.meetingDate} is not YYYY-MM-DD`;
  if (r.secrecy.kind === 'sekretess' && !cleanLine(r.secrecy.reference)) return 'secrecy without a legal reference';
  if (r.replaces && !(r.replaces.version >= 1 && r.replaces.version < r.version)) return 'replaces a version that is not older';
  return null;
}
