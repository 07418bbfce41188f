import type { MinutesDocument } from '../../../shared/document-model';
import { documentAuthor } from './sanitize';

/**
 * The document properties parts, written here in full rather than by docx: its core.xml has no
 * dc:language and its app.xml is empty, and Word's File › Info, Explorer's columns and the
 * register's metadata read the program, the ministry and the language from them. Both are pure
 * functions of the cleaned model and one timestamp, so reproducible output stays reproducible.
 */

export type PackagePart = { path: string; data: string };

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const APPLICATION = 'Minnes';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const element = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`;

/** W3CDTF as Word writes it: seconds, no fraction (reproducible.ts pins exactly these elements). */
function w3cdtf(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function coreXml(doc: MinutesDocument, time: Date): string {
  const author = documentAuthor(doc);
  const { subject, keywords, language } = doc.properties;
  const stamp = w3cdtf(time);
  return [
    XML_DECLARATION,
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', doc.title),
    subject ? element('dc:subject', subject) : '',
    element('dc:creator', author),
    keywords ? element('cp:keywords', keywords) : '',
    element('dc:language', language),
    element('cp:lastModifiedBy', author),
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/** Company is the ministry, as Word fills it in from the organisation of whoever wrote the file. */
export function appXml(doc: MinutesDocument, pageCount: number): string {
  const company = doc.header.department;
  return [
    XML_DECLARATION,
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"',
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
    element('Application', APPLICATION),
    // The same number as the cached NUMPAGES in the header, so the two never disagree.
    element('Pages', String(pageCount)),
    company ? element('Company', company) : '',
    '</Properties>',
  ].join('');
}

export function propertyParts(doc: MinutesDocument, time: Date, pageCount: number): PackagePart[] {
  return [
    { path: 'docProps/core.xml', data: coreXml(doc, time) },
    { path: 'docProps/app.xml', data: appXml(doc, pageCount) },
  ];
}
