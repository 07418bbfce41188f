import PDFDocument from 'pdfkit';
import type { Block, ListBlock, MinutesDocument, Run } from '../../../shared/document-model';
import type { HouseStyle } from '../../../shared/house-style';
import { formatPageOf } from '../../../shared/swedish-format';
import { fitToFont, notoSansFiles, notoSansFonts, type FontFace } from './fonts';
import type { FontFiles } from './fonts';
import { Typesetter } from './pdf-lines';
import { createdTime, pinPdfToModel } from './reproducible';
import type { Line } from './pdf-lines';
import { cleanDocument, documentAuthor } from './sanitize';

/**
 * PDF writer: MinutesDocument → tagged PDF (optionally PDF/A-2a), typeset with pdfkit and Noto
 * Sans. Same layout as the DOCX: letterhead and "1 (3)" on every page, title, body.
 *
 * Tags: Document > H1 for the title, H2–H4 for headings of level 1–3 (the title is the one H1, so
 * the outline a screen reader shows has a single top), P for paragraphs, L > LI > Lbl + LBody for
 * lists, nested lists inside their item's LBody. The letterhead is a Pagination artifact.
 */

type PDF = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MM = 72 / 25.4;
const A4_WIDTH = 595.28;
const BULLETS = ['•', '–'];
const LIST_INDENT = 7.5 * MM;

class PdfLayout {
  private readonly t: Typesetter;
  private readonly s: HouseStyle;

  constructor(
    private readonly pdf: PDF,
    fonts: FontFiles,
    private readonly doc: MinutesDocument,
  ) {
    this.t = new Typesetter(pdf, fonts);
    this.s = doc.style;
  }

  /** Line advance: the house style's multiple of a typographic single line (1.2 × size). */
  lineHeight(size: number): number {
    return size * 1.2 * this.s.lineHeight;
  }

  private get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  private get top(): number {
    return this.pdf.page.margins.top;
  }

  /** A new page when fewer than `height` points are left; inside a tagged closure pdfkit carries the tag over. */
  private ensure(height: number): void {
    if (this.pdf.y + height > this.bottom && this.pdf.y > this.top) this.pdf.continueOnNewPage();
  }

  private linesFitting(lh: number): number {
    return Math.floor((this.bottom - this.pdf.y + 0.01) / lh);
  }

  /** No orphans: a paragraph starts on a new page rather than leave a single line behind. */
  private keepStart(lineCount: number, lh: number): void {
    if (this.linesFitting(lh) < Math.min(lineCount, 2) && this.pdf.y > this.top) this.pdf.continueOnNewPage();
  }

  /** Draws lines at x, page by page; no widows: a lone last line takes one more line with it. */
  private drawLines(lines: Line[], size: number, x: number): void {
    const lh = this.lineHeight(size);
    let i = 0;
    while (i < lines.length) {
      const remaining = lines.length - i;
      const fit = Math.max(1, this.linesFitting(lh));
      const take = remaining - fit === 1 && fit >= 3 ? fit - 1 : Math.min(fit, remaining);
      for (const line of lines.slice(i, i + take)) {
        this.t.draw(line, x, this.pdf.y + (lh - size * 1.2) / 2, size);
        this.pdf.y += lh;
      }
      i += take;
      if (i < lines.length) this.pdf.continueOnNewPage();
    }
  }

  /** One paragraph of runs at x within width, kept from leaving an orphan line. */
  private paragraph(parent: Struct, type: string, runs: Run[], size: number): void {
    const lines = this.t.lines(runs, size, this.width);
    this.keepStart(lines.length, this.lineHeight(size));
    this.tagged(parent, type, () => this.drawLines(lines, size, this.left));
  }

  private tagged(parent: Struct, type: string, draw: () => void): void {
    parent.add(this.pdf.struct(type, {}, [draw]));
  }

  title(root: Struct): void {
    if (!this.doc.title) return;
    const runs: Run[] = [{ type: 'text', text: this.doc.title, bold: true }];
    this.paragraph(root, 'H1', runs, this.s.titleSizePt);
    this.pdf.y += this.s.paragraphSpacingPt * 1.5;
  }

  private get left(): number {
    return this.s.marginsMm.left * MM;
  }

  /** Width of the text column; known before the first page exists, as the letterhead is measured first. */
  private get width(): number {
    return A4_WIDTH - (this.s.marginsMm.left + this.s.marginsMm.right) * MM;
  }

  block(root: Struct, block: Block): void {
    const s = this.s;
    switch (block.type) {
      case 'heading': {
        if (!block.runs.some((r) => r.type === 'text')) return;
        const size = s.headingSizesPt[block.level - 1] ?? s.bodySizePt;
        const before = [18, 14, 10][block.level - 1] ?? 10;
        // Keep a heading with the first lines that follow it.
        this.ensure(before + this.lineHeight(size) + 2 * this.lineHeight(s.bodySizePt));
        if (this.pdf.y > this.top) this.pdf.y += before;
        const runs = block.runs.map((r) => (r.type === 'text' ? { ...r, bold: true } : r));
        this.paragraph(root, `H${block.level + 1}`, runs, size);
        this.pdf.y += s.paragraphSpacingPt / 2;
        return;
      }
      case 'paragraph':
        if (block.runs.length === 0) this.pdf.y += this.lineHeight(s.bodySizePt);
        else this.paragraph(root, 'P', block.runs, s.bodySizePt);
        this.pdf.y += s.paragraphSpacingPt;
        return;
      case 'list':
        this.list(root, block, 0);
        this.pdf.y += s.paragraphSpacingPt - s.paragraphSpacingPt / 3;
    }
  }

  private list(parent: Struct, list: ListBlock, depth: number): void {
    const size = this.s.bodySizePt;
    const lh = this.lineHeight(size);
    const labels = list.items.map((_, i) => (list.ordered ? `${i + 1}.` : (BULLETS[depth % BULLETS.length] ?? '•')));
    const labelWidth = Math.max(LIST_INDENT, ...labels.map((l) => this.t.width({ text: l, face: 'regular' }, size) + 2 * MM));
    const x = this.left + depth * LIST_INDENT;
    const L = this.pdf.struct('L');
    parent.add(L);
    const bodyWidth = this.width - depth * LIST_INDENT - labelWidth;
    list.items.forEach((item, i) => {
      const lines = item.runs.length ? this.t.lines(item.runs, size, bodyWidth) : [];
      this.keepStart(Math.max(1, lines.length), lh);
      const LI = this.pdf.struct('LI');
      L.add(LI);
      const y = this.pdf.y;
      const label = labels[i] ?? '';
      this.tagged(LI, 'Lbl', () => this.t.draw([{ text: label, face: 'regular' }], x, y + (lh - size * 1.2) / 2, size));
      this.pdf.y = y;
      const body = this.pdf.struct('LBody');
      LI.add(body);
      if (lines.length) body.add(() => this.drawLines(lines, size, x + labelWidth));
      else this.pdf.y += lh;
      this.pdf.y += this.s.paragraphSpacingPt / 3;
      for (const child of item.children) this.list(body, child, depth + 1);
      body.end();
      LI.end();
    });
    L.end();
  }

  /** The letterhead's lines: [left column, middle column], as drawn and as measured. */
  private letterheadColumns(): [Line[], Line[], number, number] {
    const { department, unit, documentType, date, dnr } = this.doc.header;
    const size = this.s.headerSizePt;
    const [w1, w2] = [this.width * 0.5 - 3 * MM, this.width * 0.35 - 3 * MM];
    const left = [
      ...this.t.lines([{ type: 'text', text: department, bold: true }], size, w1),
      ...this.t.lines([{ type: 'text', text: unit }], size, w1),
    ];
    const middle = [documentType, date, dnr ? `Dnr ${dnr}` : '']
      .filter(Boolean)
      .flatMap((text) => this.t.lines([{ type: 'text', text }], size, w2));
    return [left, middle, w1, w2];
  }

  letterheadHeight(): number {
    const [left, middle] = this.letterheadColumns();
    return Math.max(left.length, middle.length) * this.s.headerSizePt * 1.2;
  }

  /** Draws the letterhead on every buffered page, now that the page count is known. */
  letterheads(topY: number): void {
    const range = this.pdf.bufferedPageRange();
    const size = this.s.headerSizePt;
    const lh = size * 1.2;
    for (let i = 0; i < range.count; i++) {
      this.pdf.switchToPage(range.start + i);
      const [left, middle] = this.letterheadColumns();
      this.pdf.markContent('Artifact', { type: 'Pagination' });
      left.forEach((line, n) => this.t.draw(line, this.left, topY + n * lh, size));
      middle.forEach((line, n) => this.t.draw(line, this.left + this.width * 0.5, topY + n * lh, size));
      const page: Line = [{ text: formatPageOf(i + 1, range.count), face: 'regular' }];
      this.t.draw(page, this.left + this.width * 0.85, topY, size, 'right', this.width * 0.15);
      this.pdf.endMarkedContent();
    }
  }
}

/** Only text the embedded font can draw reaches pdfkit, so no run ever needs a fallback font. */
function fitDocument(doc: MinutesDocument, hasGlyph: (cp: number) => boolean): MinutesDocument {
  const fit = (t: string): string => fitToFont(t, hasGlyph);
  const runs = (rs: Run[]): Run[] => rs.map((r) => (r.type === 'text' ? { ...r, text: fit(r.text) } : r));
  const list = (l: ListBlock): ListBlock => ({
    ...l,
    items: l.items.map((it) => ({ runs: runs(it.runs), children: it.children.map(list) })),
  });
  const h = doc.header;
  return {
    ...doc,
    title: fit(doc.title),
    header: { department: fit(h.department), unit: fit(h.unit), documentType: fit(h.documentType), date: fit(h.date), dnr: fit(h.dnr) },
    blocks: doc.blocks.map((b) => (b.type === 'list' ? list(b) : { ...b, runs: runs(b.runs) })),
  };
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit copies Title, Author and Subject into the XMP packet unescaped, so "A & B" in a title
 * would make the metadata malformed (and the PDF/A invalid). The Info dictionary is written
 * before the XMP, so the values are escaped just for the XMP step and put back afterwards.
 */
function escapeXmpInfo(pdf: PDF): void {
  const internals = pdf as unknown as { _addInfo?: () => void; info: Record<string, unknown> };
  const addInfo = internals._addInfo?.bind(pdf);
  if (!addInfo) return;
  internals._addInfo = () => {
    const saved = { ...internals.info };
    for (const [key, value] of Object.entries(saved)) {
      if (typeof value === 'string') internals.info[key] = value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
    }
    try {
      addInfo();
    } finally {
      Object.assign(internals.info, saved);
    }
  };
}

/** pdfkit's font object (fontkit) knows which characters it has; pdfkit's types do not expose it. */
function glyphTest(pdf: PDF): (cp: number) => boolean {
  const font = (pdf as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
  const has = font?.hasGlyphForCodePoint?.bind(font);
  return has ?? (() => true);
}

export async function writePdf(input: MinutesDocument, opts: { pdfa?: boolean } = {}): Promise<Uint8Array> {
  const clean = cleanDocument(input);
  const created = createdTime(input);
  const fonts = notoSansFiles();
  const faces = notoSansFonts();
  const m = clean.style.marginsMm;
  const pdf = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    pdfVersion: '1.7',
    subset: opts.pdfa ? 'PDF/A-2a' : undefined,
    info: {
      Title: clean.title || clean.header.documentType,
      Author: documentAuthor(clean),
      Subject: clean.properties.subject,
      ...(clean.properties.keywords ? { Keywords: clean.properties.keywords } : {}),
      Creator: 'Minnes',
      ...(created ? { CreationDate: created, ModDate: created } : {}),
    },
  });
  escapeXmpInfo(pdf);
  // The layout names faces by file path; registering the parsed fonts under those names avoids
  // re-parsing. pdfkit's default Helvetica stays loaded but is never drawn, so never referenced.
  for (const face of Object.keys(fonts) as FontFace[]) pdf.registerFont(fonts[face], faces[face] as unknown as string);
  pdf.font(fonts.regular);
  if (created) pinPdfToModel(pdf, created, clean, !!opts.pdfa);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  const doc = fitDocument(clean, glyphTest(pdf));
  const layout = new PdfLayout(pdf, fonts, doc);
  const headerTop = Math.min(10, m.top / 2) * MM;
  // The body starts below the letterhead even when a long unit name makes it tall.
  const bodyTop = Math.max(m.top * MM, headerTop + layout.letterheadHeight() + 5 * MM);
  pdf.addPage({ size: 'A4', margins: { top: bodyTop, right: m.right * MM, bottom: m.bottom * MM, left: m.left * MM } });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  layout.title(root);
  for (const block of doc.blocks) layout.block(root, block);
  root.end();
  layout.letterheads(headerTop);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
