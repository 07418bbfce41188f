import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { ZipOptions } from 'fflate';
import { zipEntryDate } from '../export/reproducible';
import { cleanLine } from '../export/sanitize';
import { buildMetadataXml } from './metadata-xml';
import type { RegisterFile, RegisterRecord } from './metadata-xml';

/**
 * The register package: one zip the register (diariet) takes in without retyping anything.
 *
 *   <baseName>.pdf                     the minutes as PDF/A-2 (arkivformat)
 *   <baseName>.docx                    the editable original
 *   metadata.xml                       the record and every file's size and SHA-256
 *   schema/minnes-register-1.xsd       the schema of metadata.xml, when given
 *
 * Deterministic: the same input gives the same bytes, so a package can be rebuilt and compared
 * later. Hence a fixed entry order, one fixed time on every entry (the record's registration day),
 * no extra fields and no comments.
 */

export const METADATA_PATH = 'metadata.xml';
export const SCHEMA_PATH = 'schema/minnes-register-1.xsd';

const MIME_PDF = 'application/pdf';
const MIME_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type RegisterPackageInput = {
  record: Omit<RegisterRecord, 'files'>;
  /** The minutes as PDF/A-2, written with a fixed `properties.created` so that they too are reproducible. */
  pdfa: Uint8Array;
  docx: Uint8Array;
  /** File name without extension, e.g. "2026-06-09 Minnesanteckningar samråd". */
  baseName: string;
  /** resources/schemas/minnes-register-1.xsd, to travel with the package; left out when not given. */
  schema?: Uint8Array;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A base name that is one plain file name on every system, and stays the same through metadata.xml. */
function checkBaseName(name: string): void {
  const ok =
    name.length > 0 &&
    name.length <= 200 &&
    name === cleanLine(name) &&
    !/[\\/:*?"<>|]/.test(name) &&
    !name.startsWith('.') &&
    !name.endsWith('.');
  if (!ok) throw new RangeError(`register package: "${name}" cannot be a file name in the package`);
}

function entry(path: string, bytes: Uint8Array, role: RegisterFile['role'], mimeType: string): RegisterFile {
  return { name: path, path, size: bytes.length, sha256: sha256Hex(bytes), mimeType, role };
}

export function buildRegisterPackage(input: RegisterPackageInput): Uint8Array {
  const { record, pdfa, docx, baseName, schema } = input;
  checkBaseName(baseName);
  const pdfPath = `${baseName}.pdf`;
  const docxPath = `${baseName}.docx`;
  const files = [entry(pdfPath, pdfa, 'arkivformat', MIME_PDF), entry(docxPath, docx, 'original', MIME_DOCX)];
  const metadata = buildMetadataXml({ ...record, files });

  // The package's own time is the registration (or, before it, the approval): never "now".
  const stamped = new Date(record.registeredAt ?? record.approvedAt); // valid: buildMetadataXml has checked it
  const options: ZipOptions = { mtime: zipEntryDate(stamped), level: 6 };
  // Object keys keep insertion order (none of these look like array indices), so this is the zip's order.
  const entries: Record<string, [Uint8Array, ZipOptions]> = {
    [pdfPath]: [pdfa, options],
    [docxPath]: [docx, options],
    [METADATA_PATH]: [metadata, options],
  };
  if (schema) entries[SCHEMA_PATH] = [schema, options];
  return zipSync(entries);
}
