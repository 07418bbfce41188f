import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import type { MinutesDocument } from '../../../shared/document-model';

/**
 * Reproducible output: with `properties.created` set, the DOCX and PDF writers stamp that time and
 * nothing else that varies, so the same model always gives the same bytes. The register package
 * (and anyone comparing checksums with it) depends on that.
 */

/** The model's fixed creation time, or undefined when the writers should use the current time. */
export function createdTime(doc: MinutesDocument): Date | undefined {
  const created = doc.properties.created;
  if (created === undefined) return undefined;
  const date = new Date(created);
  if (Number.isNaN(date.getTime())) throw new RangeError(`properties.created is not an ISO 8601 date-time: ${created}`);
  return date;
}

/**
 * The time written on every zip entry for something created at `created`. Zip stores local wall-clock
 * time without a zone, and fflate reads it from a Date's local fields; a Date whose local fields are
 * the UTC day at noon gives the same bytes in every time zone (noon: no DST change happens then).
 * Zip cannot store years before 1980 or after 2107.
 */
export function zipEntryDate(created: Date): Date {
  const year = Math.min(2099, Math.max(1980, created.getUTCFullYear()));
  return new Date(year, created.getUTCMonth(), created.getUTCDate(), 12, 0, 0);
}

const HYPERLINK_REL = /<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Type="[^"]*\/hyperlink"[^>]*\/>/g;

/**
 * docx names each hyperlink's relationship with a random id (and one that may start with a digit,
 * which XML does not allow in an ID). They become rIdLink1, rIdLink2 … in the order the links
 * appear, in the relationships and wherever the part refers to them. In place, on unzipped parts.
 */
export function pinHyperlinkIds(parts: Record<string, Uint8Array>): void {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const relsName of Object.keys(parts).filter((n) => /^word\/_rels\/[^/]+\.rels$/.test(n))) {
    const partName = relsName.replace('_rels/', '').replace(/\.rels$/, '');
    const part = parts[partName];
    const rels = decoder.decode(parts[relsName]);
    const ids = [...rels.matchAll(HYPERLINK_REL)].map((m) => m[1]!);
    if (!part || ids.length === 0) continue;
    let xml = decoder.decode(part);
    const order = [...xml.matchAll(/\br:id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => ids.includes(id));
    const rename = new Map([...new Set([...order, ...ids])].map((id, i) => [id, `rIdLink${i + 1}`]));
    xml = xml.replace(/\br:id="([^"]+)"/g, (m, id: string) => (rename.has(id) ? `r:id="${rename.get(id)}"` : m));
    const renamed = rels.replace(HYPERLINK_REL, (m, id: string) => m.replace(`Id="${id}"`, `Id="${rename.get(id)}"`));
    parts[partName] = encoder.encode(xml);
    parts[relsName] = encoder.encode(renamed);
  }
}

/** pinHyperlinkIds for a file written without a fixed time: the zip entries keep the time of writing. */
export function pinDocxHyperlinks(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  pinHyperlinkIds(parts);
  return zipSync(parts);
}

const CORE_DATES = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/**
 * docx stamps the current time into docProps/core.xml and on every zip entry. Both are replaced
 * here and the parts re-zipped in docx's own order, so the bytes depend on the model only.
 */
export function pinDocxTimestamps(docx: Uint8Array, created: Date): Uint8Array {
  const parts = unzipSync(docx);
  const core = parts['docProps/core.xml'];
  if (!core) throw new Error('docx wrote no docProps/core.xml');
  const stamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let replaced = 0;
  const xml = new TextDecoder().decode(core).replace(CORE_DATES, (_m, open: string, _name: string, close: string) => {
    replaced++;
    return `${open}${stamp}${close}`;
  });
  // A docx release that writes these dates differently must fail loudly, not quietly stop being reproducible.
  if (replaced !== 2) throw new Error('docProps/core.xml: dcterms:created/modified not found');
  parts['docProps/core.xml'] = new TextEncoder().encode(xml);
  pinHyperlinkIds(parts);
  const mtime = zipEntryDate(created);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, bytes]) => [name, [bytes, { mtime }]])));
}

type PdfInternals = { _id: Uint8Array; _addInfo?: () => void; appendXML: (xml: string) => void };

/**
 * The PDF side; call right after `new PDFDocument` with `info.CreationDate`/`ModDate` = `created`.
 * pdfkit puts only xmp:CreateDate in the XMP, and PDF/A wants the Info dates and the XMP dates to
 * agree, so ModifyDate and MetadataDate are added. pdfkit's file /ID is an MD5 of the Info entries
 * (title, author, time): two different minutes with the same title and time would share it, so it
 * becomes a hash of the cleaned model itself.
 */
export function pinPdfToModel(pdf: PDFKit.PDFDocument, created: Date, model: MinutesDocument, pdfa: boolean): void {
  const internals = pdf as unknown as PdfInternals;
  const digest = createHash('sha256')
    .update(JSON.stringify({ model, pdfa, created: created.toISOString() }))
    .digest();
  internals._id = new Uint8Array(digest.subarray(0, 16));
  const addInfo = internals._addInfo?.bind(pdf);
  if (!addInfo) throw new Error('pdfkit no longer has _addInfo: the XMP dates cannot be pinned');
  const stamp = created.toISOString().split('.')[0] + 'Z'; // as pdfkit writes xmp:CreateDate
  internals._addInfo = () => {
    addInfo();
    internals.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
            <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
        </rdf:Description>
        `);
  };
}
