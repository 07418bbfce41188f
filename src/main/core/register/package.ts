import { zipSync } from 'fflate';
import type { ZipOptions } from 'fflate';
import { zipEntryDate } from '../export/reproducible';
import { cleanLine } from '../export/sanitize';
import { buildErmsXml } from './erms-xml';
import { DOCX, PDFA_2A, XML, type FileFormat, type PackedFile } from './formats';
import { buildMetadataXml } from './metadata-xml';
import { buildRepresentationMets, buildRootMets, type MetsFile } from './mets-xml';
import { buildPremisXml } from './premis-xml';
import { packageObjid, recordProblem, type RegisterRecord } from './record';
import { sha256Hex } from './xml';

export { sha256Hex } from './xml';

/**
 * The register package: an E-ARK SIP (CSIP 2.1 + SIP 2.1, as FGS Paketstruktur 2.0 uses them) in
 * one zip, everything under a folder named by the package OBJID:
 *
 *   METS.xml                                 the package: agents, metadata, file groups, structMap
 *   metadata/descriptive/erms.xml            the case and the record (E-ARK ERMS)
 *   metadata/preservation/premis.xml         fixity, formats and events (PREMIS 3)
 *   representations/rep1/METS.xml + data/    the minutes as PDF/A-2a: the archival form
 *   representations/rep2/METS.xml + data/    the editable original (DOCX)
 *   documentation/metadata.xml               Minnes' earlier flat summary, for registers that read it
 *
 * Deterministic: the same record version gives the same bytes (fixed order, one fixed time on every
 * entry, times taken from the record, never the clock), so a package can be rebuilt and compared.
 */

export type RegisterPackageInput = {
  record: RegisterRecord;
  /** The minutes as PDF/A-2a, written with a fixed `properties.created` so that they too are reproducible. */
  pdfa: Uint8Array;
  docx: Uint8Array;
  /** File name without extension, e.g. "A2026-01234 2026-06-09 Minnesanteckningar samråd". */
  baseName: string;
};

export type RegisterPackage = { objid: string; zip: Uint8Array };

/** A base name that is one plain file name on every system. */
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

function packed(path: string, bytes: Uint8Array, format: FileFormat, created: string): PackedFile {
  return { path, format, size: bytes.length, sha256: sha256Hex(bytes), created };
}

/** `f` as seen from the METS document in folder `from` ("" for the root). */
function seenFrom(f: PackedFile, from: string, id: string): MetsFile {
  return { ...f, id, href: from ? f.path.slice(from.length + 1) : f.path };
}

export function buildRegisterPackage(input: RegisterPackageInput): RegisterPackage {
  const { record, pdfa, docx, baseName } = input;
  const problem = recordProblem(record);
  if (problem) throw new RangeError(`register package: ${problem}`);
  checkBaseName(baseName);
  const objid = packageObjid(record.recordId, record.version);
  // The package is made of the record as registered (or, before that, approved): never "now".
  const time = record.registeredAt ?? record.approvedAt;
  const bytes = new Map<string, Uint8Array>();
  const put = (path: string, b: Uint8Array, format: FileFormat, created: string): PackedFile => {
    bytes.set(path, b);
    return packed(path, b, format, created);
  };

  const reps = [
    { name: 'rep1', file: put(`representations/rep1/data/${baseName}.pdf`, pdfa, PDFA_2A, record.approvedAt) },
    { name: 'rep2', file: put(`representations/rep2/data/${baseName}.docx`, docx, DOCX, record.approvedAt) },
  ].map(({ name, file }) => {
    const dir = `representations/${name}`;
    const mets = buildRepresentationMets(record, name, time, [seenFrom(file, dir, `file-${name}-data`)]);
    return { name, file, mets: seenFrom(put(`${dir}/METS.xml`, mets, XML, time), '', `file-${name}-mets`) };
  });
  const content = reps.map((r) => r.file);
  const erms = put('metadata/descriptive/erms.xml', buildErmsXml(record, objid, time), XML, time);
  const premis = put('metadata/preservation/premis.xml', buildPremisXml(record, content, time), XML, time);
  const flat = buildMetadataXml({
    dnr: record.dnr,
    title: record.title,
    documentType: record.documentType,
    status: record.status,
    created: record.created,
    approvedAt: record.approvedAt,
    approvedBy: record.approvedBy,
    ...(record.registeredAt ? { registeredAt: record.registeredAt } : {}),
    organisation: record.organisation,
    unit: record.unit,
    secrecy: record.secrecy.kind === 'sekretess' ? `Sekretess enligt ${record.secrecy.reference}` : 'Offentlig',
    language: record.language,
    files: content.map((f, i) => ({
      name: f.path.split('/').pop() ?? f.path,
      path: f.path,
      size: f.size,
      sha256: f.sha256,
      mimeType: f.format.mimeType,
      role: i === 0 ? 'arkivformat' : 'original',
    })),
  });
  const documentation = [seenFrom(put('documentation/metadata.xml', flat, XML, time), '', 'file-documentation-metadata')];
  const root = buildRootMets(
    record,
    objid,
    time,
    { erms: seenFrom(erms, '', 'erms'), premis: seenFrom(premis, '', 'premis') },
    documentation,
    reps.map((r) => ({ name: r.name, mets: r.mets })),
  );

  const options: ZipOptions = { mtime: zipEntryDate(new Date(time)), level: 6 };
  // Object keys keep insertion order (none look like array indices): the root METS first, as readers expect.
  const entries: Record<string, [Uint8Array, ZipOptions]> = { [`${objid}/METS.xml`]: [root, options] };
  for (const [path, b] of bytes) entries[`${objid}/${path}`] = [b, options];
  return { objid, zip: zipSync(entries) };
}
