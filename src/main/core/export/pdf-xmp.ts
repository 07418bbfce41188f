/**
 * XMP additions pdfkit does not make itself. Both work by wrapping pdfkit's private `_addInfo`,
 * the step that writes the Info dictionary and then the XMP packet.
 */

type PdfInternals = { _addInfo?: () => void; info: Record<string, unknown>; appendXML: (xml: string) => void };

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

function wrapAddInfo(pdf: PDFKit.PDFDocument, around: (addInfo: () => void, internals: PdfInternals) => void): void {
  const internals = pdf as unknown as PdfInternals;
  const addInfo = internals._addInfo?.bind(pdf);
  if (!addInfo) throw new Error('pdfkit no longer has _addInfo: the XMP metadata cannot be completed');
  internals._addInfo = () => around(addInfo, internals);
}

/**
 * pdfkit copies Title, Author and Subject into the XMP packet unescaped, so "A & B" in a title
 * would make the metadata malformed (and the PDF/A invalid). The Info dictionary is written
 * before the XMP, so the values are escaped just for the XMP step and put back afterwards.
 */
export function escapeXmpInfo(pdf: PDFKit.PDFDocument): void {
  wrapAddInfo(pdf, (addInfo, internals) => {
    const saved = { ...internals.info };
    for (const [key, value] of Object.entries(saved)) if (typeof value === 'string') internals.info[key] = escapeXml(value);
    try {
      addInfo();
    } finally {
      Object.assign(internals.info, saved);
    }
  });
}

/**
 * PDF/UA-1 identification (pdfuaid:part 1) and the document language in dc:language, which
 * checkers read from the XMP rather than from the catalogue's /Lang. pdfkit's own 'PDF/UA'
 * subset cannot be combined with PDF/A, so the register's PDF/A gets it this way too.
 */
export function addAccessibilityXmp(pdf: PDFKit.PDFDocument, language: string): void {
  wrapAddInfo(pdf, (addInfo, internals) => {
    addInfo();
    internals.appendXML(`
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" rdf:about="">
            <dc:language><rdf:Bag><rdf:li>${escapeXml(language)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        `);
  });
}
