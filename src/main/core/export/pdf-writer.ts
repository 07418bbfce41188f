import PDFDocument from 'pdfkit';
import { runsText, type Block, type ListBlock, type MinutesDocument, type Run } from '../../../shared/document-model';
import type { HouseStyle } from '../../../shared/house-style';
import { FaceChooser, type Fragment } from './pdf-fragments';
import { batchPageContent, collectOutput } from './pdf-hot-paths';
import { isSimpleLine, Typesetter, type Line, type Tag } from './pdf-lines';
import { drawTable } from './pdf-table';
import { Letterhead } from './pdf-letterhead';
import { addAccessibilityXmp, escapeXmpInfo } from './pdf-xmp';
import { createdTime, pinPdfToModel } from './reproducible';
import { cleanDocument, documentAuthor } from './sanitize';

/**
 * PDF writer: MinutesDocument → tagged PDF (PDF/UA-1 structure, optionally PDF/A-2a), typeset
 * with pdfkit and the Noto faces each script needs. Same layout as the DOCX: letterhead and
 * "1 (3)" on every page, title, body; bookmarks from the title and the headings.
 *
 * Tags: Document > H1 for the title, H2–H4 for headings of level 1–3 (the title is the one H1, so
 * the outline a screen reader shows has a single top), P for paragraphs, L > LI > Lbl + LBody for
 * lists, nested lists inside their item's LBody, Table > TR > TH|TD for tables (pdf-table.ts),
 * Link (with its annotation) inside them for links (pdf-links.ts). The letterhead is a Pagination artifact.
 */

type PDF = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type Outline = { addItem(title: string, options?: { top?: number; left?: number }): Outline };

const MM = 72 / 25.4;
const A4_WIDTH = 595.28;
const BULLETS = ['•', '–'];
const LIST_INDENT = 7.5 * MM;

class PdfLayout {
  private readonly t: Typesetter;
  private readonly s: HouseStyle;
  private readonly letterhead: Letterhead;
  /** The open bookmark at each depth: [title, heading 1, heading 2, …]. */
  private readonly outlines: Outline[] = [];

  constructor(
    private readonly pdf: PDF,
    chooser: FaceChooser,
    private readonly doc: MinutesDocument,
  ) {
    this.t = new Typesetter(pdf, chooser);
    this.s = doc.style;
    this.letterhead = new Letterhead(pdf, this.t, doc, this.left, this.width);
  }

  /** A bookmark at the current position; depth 0 is the title, 1–3 the heading levels. */
  private bookmark(depth: number, title: string): void {
    const root = (this.pdf as unknown as { outline: Outline }).outline;
    const parent = depth === 0 ? root : (this.outlines.slice(0, depth).reverse().find(Boolean) ?? root);
    // pdfkit measures `left` from the right edge; the page width puts the view at the left margin.
    const item = parent.addItem(title.trim() || ' ', { top: this.pdf.y, left: this.pdf.page.width });
    this.outlines.length = depth;
    this.outlines[depth] = item;
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
  private drawLines(lines: Line[], size: number, x: number, width: number, tag?: Tag): void {
    const lh = this.lineHeight(size);
    let i = 0;
    while (i < lines.length) {
      const remaining = lines.length - i;
      const fit = Math.max(1, this.linesFitting(lh));
      const take = remaining - fit === 1 && fit >= 3 ? fit - 1 : Math.min(fit, remaining);
      for (const line of lines.slice(i, i + take)) {
        // A right-to-left paragraph (all Arabic, say) is set flush right, as its readers expect.
        this.t.draw(line, x, this.pdf.y + (lh - size * 1.2) / 2, size, line.rtl ? 'right' : 'left', width, tag ?? 'open');
        this.pdf.y += lh;
      }
      i += take;
      if (i < lines.length) {
        this.t.links.end(); // a /Link element ends on its page
        this.pdf.continueOnNewPage();
      }
    }
    this.t.links.end();
  }

  /** One paragraph of runs at x within width, kept from leaving an orphan line; `depth` bookmarks it. */
  private paragraph(parent: Struct, type: string, runs: Run[], size: number, depth?: number): void {
    const lines = this.t.lines(runs, size, this.width);
    this.keepStart(lines.length, this.lineHeight(size));
    if (depth !== undefined) this.bookmark(depth, runsText(runs).replace(/\s+/g, ' '));
    this.taggedLines(parent, type, lines, size, this.left, this.width);
  }

  /**
   * Lines as one structure element. Plain lines are one marked-content sequence; lines with a
   * right-to-left name or another language are marked piece by piece so those pieces can be
   * /Span elements of their own.
   */
  private taggedLines(parent: Struct, type: string, lines: Line[], size: number, x: number, width: number): void {
    if (lines.every(isSimpleLine)) {
      this.tagged(parent, type, () => this.drawLines(lines, size, x, width));
      return;
    }
    const element = this.pdf.struct(type);
    parent.add(element);
    this.drawLines(lines, size, x, width, { element, type });
    element.end();
  }

  private tagged(parent: Struct, type: string, draw: () => void): void {
    parent.add(this.pdf.struct(type, {}, [draw]));
  }

  title(root: Struct): void {
    if (!this.doc.title) return;
    const runs: Run[] = [{ type: 'text', text: this.doc.title, bold: true }];
    this.paragraph(root, 'H1', runs, this.s.titleSizePt, 0);
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
        this.paragraph(root, `H${block.level + 1}`, runs, size, block.level);
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
        return;
      case 'table': {
        const size = s.bodySizePt;
        const frame = { pdf: this.pdf, t: this.t, size, lh: this.lineHeight(size), left: this.left, width: this.width };
        const pages = { top: () => this.top, bottom: () => this.bottom, newPage: () => this.pdf.continueOnNewPage() };
        drawTable({ ...frame, ...pages }, root, block);
        this.pdf.y += s.paragraphSpacingPt;
      }
    }
  }

  private list(parent: Struct, list: ListBlock, depth: number): void {
    const size = this.s.bodySizePt;
    const lh = this.lineHeight(size);
    const labels = list.items.map((_, i): Fragment => {
      const text = list.ordered ? `${(list.start ?? 1) + i}.` : (BULLETS[depth % BULLETS.length] ?? '•');
      return { text, face: 'latin-regular', level: 0 };
    });
    const labelWidth = Math.max(LIST_INDENT, ...labels.map((l) => this.t.width(l, size) + 2 * MM));
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
      const label: Line = { fragments: labels[i] ? [labels[i]] : [], rtl: false };
      this.tagged(LI, 'Lbl', () => this.t.draw(label, x, y + (lh - size * 1.2) / 2, size));
      this.pdf.y = y;
      const body = this.pdf.struct('LBody');
      LI.add(body);
      if (lines.length && lines.every(isSimpleLine)) body.add(() => this.drawLines(lines, size, x + labelWidth, bodyWidth));
      else if (lines.length) this.drawLines(lines, size, x + labelWidth, bodyWidth, { element: body, type: 'LBody' });
      else this.pdf.y += lh;
      this.pdf.y += this.s.paragraphSpacingPt / 3;
      for (const child of item.children) this.list(body, child, depth + 1);
      body.end();
      LI.end();
    });
    L.end();
  }

  letterheadHeight(): number {
    return this.letterhead.height();
  }

  letterheads(topY: number): void {
    this.letterhead.draw(topY);
  }
}

export type PdfResult = {
  bytes: Uint8Array;
  /** Characters no shipped face can draw (each once, in order of appearance): drawn as boxes. */
  undrawable: string[];
};

export async function writePdf(input: MinutesDocument, opts: { pdfa?: boolean } = {}): Promise<Uint8Array> {
  return (await renderPdf(input, opts)).bytes;
}

export async function renderPdf(input: MinutesDocument, opts: { pdfa?: boolean } = {}): Promise<PdfResult> {
  const clean = cleanDocument(input);
  const created = createdTime(input);
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
  addAccessibilityXmp(pdf, clean.properties.language);
  if (created) pinPdfToModel(pdf, created, clean, !!opts.pdfa);
  const output = collectOutput(pdf);
  batchPageContent(pdf);
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  // pdfkit's default Helvetica stays loaded but is never drawn, so never referenced.
  const chooser = new FaceChooser();
  const layout = new PdfLayout(pdf, chooser, clean);
  const headerTop = Math.min(10, m.top / 2) * MM;
  // The body starts below the letterhead even when a long unit name makes it tall.
  const bodyTop = Math.max(m.top * MM, headerTop + layout.letterheadHeight() + 5 * MM);
  pdf.addPage({ size: 'A4', margins: { top: bodyTop, right: m.right * MM, bottom: m.bottom * MM, left: m.left * MM } });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  layout.title(root);
  for (const block of clean.blocks) layout.block(root, block);
  root.end();
  layout.letterheads(headerTop);
  pdf.end();
  await done;
  return { bytes: new Uint8Array(output()), undrawable: [...chooser.undrawable] };
}
