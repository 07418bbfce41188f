import type { MinutesDocument } from '../../../shared/document-model';
import { formatPageOf } from '../../../shared/swedish-format';
import type { Line, Typesetter } from './pdf-lines';

const MM = 72 / 25.4;

/**
 * The letterhead of the PDF writer, on every page: department (bold) and unit left; document
 * type, date and diarienummer in the middle; "1 (3)" right. A Pagination artifact, never read aloud.
 */
export class Letterhead {
  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly t: Typesetter,
    private readonly doc: MinutesDocument,
    private readonly left: number,
    private readonly width: number,
  ) {}

  private get s() {
    return this.doc.style;
  }

  /** The letterhead's lines: [left column, middle column], as drawn and as measured. */
  private columns(): [Line[], Line[], number, number] {
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

  height(): number {
    const [left, middle] = this.columns();
    return Math.max(left.length, middle.length) * this.s.headerSizePt * 1.2;
  }

  /** Draws the letterhead on every buffered page, now that the page count is known. */
  draw(topY: number): void {
    const range = this.pdf.bufferedPageRange();
    const size = this.s.headerSizePt;
    const lh = size * 1.2;
    for (let i = 0; i < range.count; i++) {
      this.pdf.switchToPage(range.start + i);
      const [left, middle, w1, w2] = this.columns();
      this.pdf.markContent('Artifact', { type: 'Pagination' });
      left.forEach((line, n) => this.t.draw(line, this.left, topY + n * lh, size, 'left', w1, null));
      middle.forEach((line, n) => this.t.draw(line, this.left + this.width * 0.5, topY + n * lh, size, 'left', w2, null));
      const page: Line = { fragments: [{ text: formatPageOf(i + 1, range.count), face: 'latin-regular', level: 0 }], rtl: false };
      this.t.draw(page, this.left + this.width * 0.85, topY, size, 'right', this.width * 0.15, null);
      this.pdf.endMarkedContent();
    }
  }
}
