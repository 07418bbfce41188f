import type { LinkTarget } from './pdf-fragments';
import { LINK_COLOR } from './table-style';

/**
 * Links of the PDF writer, tagged as PDF/UA asks: the words of a link are the marked content of a
 * /Link structure element, and the clickable area over them is a Link annotation (a URI action
 * with the address) that belongs to the same element by an object reference (OBJR) and
 * describes itself in /Contents. A link that wraps onto the next line stays one element with an
 * annotation per line. pdfkit writes an OBJR's page when the element ends, so an element never
 * outlives its page: the layout calls end() before every page break and after every paragraph.
 */

type Struct = PDFKit.PDFStructureElement;
type Open = { target: LinkTarget; element: Struct; parent: Struct; page: unknown };

export const LINK_FILL = `#${LINK_COLOR}`;

/** What a screen reader says for the annotation: the words, and the address when it is not the words. */
export function linkContents(target: LinkTarget): string {
  const words = target.text.replace(/\s+/g, ' ').trim();
  const bare = (u: string) => u.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  if (!words || bare(words) === bare(target.url)) return target.url;
  return `${words} (${target.url})`;
}

export class PdfLinks {
  private open: Open | null = null;

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  /** The /Link element of `target` inside `parent`: the open one while it is the same link on the same page. */
  element(target: LinkTarget, parent: Struct): Struct {
    const page = this.pdf.page;
    if (this.open && (this.open.target !== target || this.open.parent !== parent || this.open.page !== page)) this.end();
    if (!this.open) {
      const element = this.pdf.struct('Link');
      parent.add(element);
      this.open = { target, element, parent, page };
    }
    return this.open.element;
  }

  /** The clickable area over a link's words on one line (top-left origin, as the layout measures). */
  annotate(target: LinkTarget, x: number, y: number, width: number, height: number): void {
    if (!this.open || this.open.target !== target || width <= 0) return;
    const options = { structParent: this.open.element, Contents: new String(linkContents(target)) };
    this.pdf.link(x, y, width, height, target.url, options as unknown as PDFKit.Mixins.AnnotationOption);
  }

  /** Underlines a link's words, in the link colour, at `y` (below the baseline). */
  underline(x: number, y: number, width: number, size: number): void {
    this.pdf
      .save()
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(Math.max(0.5, size / 18))
      .strokeColor(LINK_FILL)
      .stroke()
      .restore();
  }

  end(): void {
    this.open?.element.end();
    this.open = null;
  }
}
