import { DNR_PATTERN } from '../../../shared/domain';
import { cleanLine } from '../export/sanitize';

/**
 * documentation/metadata.xml of the register package: the flat summary Minnes wrote before the
 * package became an E-ARK SIP, kept as documentation for registers that read it. The SIP's own
 * description is erms.xml. In our own namespace; resources/schemas/minnes-register-1.xsd is its
 * schema. Pure: the same record, the same bytes.
 */

export const REGISTER_NAMESPACE = 'urn:minnes:register:1';

export const DEFAULT_SECRECY = 'Offentlig';

export type RegisterFile = {
  /** File name as the register shows it, e.g. "2026-06-09 Minnesanteckningar.pdf". */
  name: string;
  /** Path inside the package, "/"-separated. */
  path: string;
  size: number;
  /** SHA-256 of the file's bytes, 64 lower-case hex digits. */
  sha256: string;
  mimeType: string;
  /** 'arkivformat': the copy for long-term preservation (PDF/A); 'original': the editable original (DOCX). */
  role: 'original' | 'arkivformat';
};

export type FlatRecord = {
  /** Diarienummer: the record id in the register. */
  dnr: string;
  /** Ärendemening: what the register lists the document as. */
  title: string;
  /** e.g. "Minnesanteckningar". */
  documentType: string;
  /** A package exists only for approved or registered minutes, always under a Dnr. */
  status: 'justerad' | 'registrerad';
  /** ISO 8601 date-times. */
  created: string;
  approvedAt: string;
  approvedBy: string;
  /** Set once registered. */
  registeredAt?: string;
  /** The department, e.g. "Arbetsmarknadsdepartementet". */
  organisation: string;
  /** The unit within it; "" when there is none. */
  unit: string;
  /**
   * Sekretess: "Offentlig" when left out, as an official document is public unless a secrecy
   * provision applies; otherwise e.g. "Sekretess enligt 15 kap. 1 § OSL".
   */
  secrecy?: string;
  language: 'sv';
  files: RegisterFile[];
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for element content or an attribute: characters XML forbids removed, the five special ones escaped. */
function text(value: string): string {
  return cleanLine(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function fail(message: string): never {
  throw new RangeError(`metadata.xml: ${message}`);
}

/** A date-time in one canonical form (UTC, milliseconds), so equal instants give equal bytes. */
function dateTime(value: string, field: string): string {
  const ms = Date.parse(value);
  // Date.parse also takes "9 June 2026"; only ISO 8601 with a time is a valid xs:dateTime.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(ms)) fail(`${field} is not an ISO 8601 date-time: ${value}`);
  return new Date(ms).toISOString();
}

function required(value: string, field: string): string {
  const t = text(value);
  if (!t) fail(`${field} is empty`);
  return t;
}

function fileXml(f: RegisterFile): string {
  if (!/^[0-9a-f]{64}$/.test(f.sha256)) fail(`sha256 of ${f.path} is not 64 lower-case hex digits`);
  if (!Number.isSafeInteger(f.size) || f.size < 0) fail(`size of ${f.path} is not a whole number of bytes`);
  return [
    `    <file role="${f.role}">`,
    `      <name>${required(f.name, 'file name')}</name>`,
    `      <path>${required(f.path, 'file path')}</path>`,
    `      <mimeType>${required(f.mimeType, 'mimeType')}</mimeType>`,
    `      <size>${f.size}</size>`,
    `      <checksum algorithm="SHA-256">${f.sha256}</checksum>`,
    `    </file>`,
  ].join('\n');
}

/** metadata.xml as UTF-8 bytes; throws RangeError on a record the schema would refuse. */
export function buildMetadataXml(r: FlatRecord): Uint8Array {
  const dnr = cleanLine(r.dnr);
  if (!DNR_PATTERN.test(dnr)) fail(`Dnr "${dnr}" is not a diarienummer such as A2026/01234`);
  if (r.files.length === 0) fail('the package lists no files');
  const unit = text(r.unit);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<registerPackage xmlns="${REGISTER_NAMESPACE}" schemaVersion="1">`,
    '  <record>',
    `    <recordId type="diarienummer">${text(dnr)}</recordId>`,
    `    <title>${required(r.title, 'title')}</title>`,
    `    <documentType>${required(r.documentType, 'documentType')}</documentType>`,
    `    <status>${text(r.status)}</status>`,
    `    <language>${text(r.language)}</language>`,
    `    <created>${dateTime(r.created, 'created')}</created>`,
    `    <approved>${dateTime(r.approvedAt, 'approvedAt')}</approved>`,
    `    <approvedBy>${required(r.approvedBy, 'approvedBy')}</approvedBy>`,
    ...(r.registeredAt ? [`    <registered>${dateTime(r.registeredAt, 'registeredAt')}</registered>`] : []),
    '    <agents>',
    `      <organisation>${required(r.organisation, 'organisation')}</organisation>`,
    ...(unit ? [`      <unit>${unit}</unit>`] : []),
    '    </agents>',
    `    <restriction type="sekretess">${required(r.secrecy ?? DEFAULT_SECRECY, 'secrecy')}</restriction>`,
    '  </record>',
    '  <files>',
    ...r.files.map(fileXml),
    '  </files>',
    '</registerPackage>',
    '',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}
