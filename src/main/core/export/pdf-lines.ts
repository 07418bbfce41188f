import { loadFace } from './fonts';
import { spanGroups } from './pdf-bidi';
import { BOX, LineBreaker, clusters, type Line } from './pdf-break';
import type { FaceChooser, Fragment, LinkTarget } from './pdf-fragments';
import { drawString } from './pdf-hot-paths';
import { LINK_FILL, PdfLinks } from './pdf-links';

/**
 * Drawing lines for the PDF writer (they are broken in pdf-break.ts): in visual order, one face
 * per string, tagged with /Span and /Link elements where the text needs them.
 */

export type { Line };

/** Where a line's marked content goes: the structure element and the tag its content is marked with. */
export type Tag = { element: PDFKit.PDFStructureElement; type: string };

/** Left to right, one language, every character drawable: no /Span elements needed. */
const isPlainFragment = (f: Fragment): boolean => f.level === 0 && f.lang === undefined && !f.missing;

/** Plain fragments and no link: the paragraph needs no /Span or /Link elements and can be one marked sequence. */
export const isSimpleLine = (line: Line): boolean => line.fragments.every((f) => isPlainFragment(f) && f.link === undefined);

/** A fragment with its width at the line's size, and the /Span it is drawn in, if any. */
type Sized = { f: Fragment; w: number };
type Group = { items: Sized[]; actual?: string; lang?: string; link?: LinkTarget };

// Fonts that fontkit itself lays out right to left (it reverses their glyphs by script).
const SELF_REVERSING = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

export class Typesetter extends LineBreaker {
  /** The Latin face's ascender as a fraction of the font size: where the baseline sits below a line's top. */
  private readonly ascender: number;
  /** The /Link elements and annotations of the lines drawn (pdf-links.ts). */
  readonly links: PdfLinks;

  constructor(pdf: PDFKit.PDFDocument, chooser: FaceChooser) {
    super(pdf, chooser);
    this.links = new PdfLinks(pdf);
    const latin = loadFace('latin-regular');
    this.ascender = latin.ascent / latin.unitsPerEm;
  }

  /**
   * Left-to-right neighbours in the same face are drawn as one string, so extraction sees whole
   * words. The merged string is new each line: its width is the sum of its (cached) words'.
   */
  private merged(fragments: Fragment[], size: number): Sized[] {
    const out: Sized[] = [];
    let last: Sized | undefined;
    for (const f of fragments) {
      const w = this.width(f, size);
      if (last && last.f.face === f.face && last.f.link === f.link) {
        last.f.text += f.text;
        last.w += w;
      } else out.push((last = { f: { ...f }, w }));
    }
    return out;
  }

  /** A line's groups in visual order; a link's words (on a left-to-right line) are groups of their own. */
  private groups(line: Line, size: number): Group[] {
    if (isSimpleLine(line)) return [{ items: this.merged(line.fragments, size) }];
    if (line.fragments.every(isPlainFragment)) {
      const out: Group[] = [];
      for (const item of this.merged(line.fragments, size)) {
        const last = out[out.length - 1];
        if (last && last.link === item.f.link) last.items.push(item);
        else out.push({ items: [item], ...(item.f.link ? { link: item.f.link } : {}) });
      }
      return out;
    }
    // Right to left or several languages: a group is a link only when all of it is the same link.
    return spanGroups(line.fragments).map(({ fragments, ...span }) => {
      const link = fragments[0]?.link;
      return {
        ...span,
        ...(link && fragments.every((f) => f.link === link) ? { link } : {}),
        items: fragments.map((f) => ({ f, w: this.width(f, size) })),
      };
    });
  }

  /**
   * Draws one line in visual order. With a `tag`, right-to-left stretches and runs in another
   * language become /Span structure elements carrying /Lang and, for right-to-left text, the
   * logical text as /ActualText; the rest of the line is marked content of `tag.element`. Without
   * one (`'open'`) the caller has already opened marked content; `null` is for the letterhead, an
   * artifact. A character no face has is wrapped in a /Span with /ActualText in every tagged mode.
   */
  draw(
    line: Line,
    x: number,
    y: number,
    size: number,
    align: 'left' | 'right' = 'left',
    boxWidth = 0,
    tag: Tag | 'open' | null = 'open',
  ): void {
    const groups = this.groups(line, size);
    let cx = align === 'right' ? x + boxWidth - groups.reduce((w, g) => w + g.items.reduce((s, i) => s + i.w, 0), 0) : x;
    // pdfkit's text() moves its own cursor; the layout keeps its own, so put pdfkit's back.
    const { x: keepX, y: keepY } = this.pdf;
    // The marked-content sequence being written and the element it belongs to (the paragraph's, or a /Link's).
    let open: { content: PDFKit.PDFStructureContent; into: Tag; link?: LinkTarget } | null = null;
    const closeOpen = (): void => {
      if (open) {
        this.pdf.endMarkedContent();
        open.into.element.add(open.content);
      }
      open = null;
    };
    // The clickable area of the link being drawn on this line.
    let area: { target: LinkTarget; x: number; w: number } | null = null;
    const annotate = (): void => {
      if (area) this.links.annotate(area.target, area.x, y, area.w, size * 1.2);
      area = null;
    };
    for (const g of groups) {
      const structured = tag !== null && tag !== 'open';
      // What is marked so far goes to its element before a /Link starts or ends, so the tree keeps reading order.
      if (open && open.link !== g.link) closeOpen();
      const into: Tag | null = structured ? (g.link ? { element: this.links.element(g.link, tag.element), type: 'Link' } : tag) : null;
      if (area && area.target !== g.link) annotate();
      const x0 = cx;
      if (g.link) this.pdf.fillColor(LINK_FILL);
      const spanned = g.lang !== undefined || g.actual !== undefined;
      if (into && spanned) {
        closeOpen();
        const span = this.pdf.struct('Span', {
          ...(g.lang ? { lang: g.lang } : {}),
          ...(g.actual !== undefined ? { actual: g.actual } : {}),
        });
        into.element.add(span);
        // Text extraction reads /ActualText in the content; for right-to-left text it would then
        // reverse the logical text a second time, so there it stays on the element only.
        const ltr = g.items.every((i) => i.f.level === 0);
        const content = this.pdf.markStructureContent('Span', ltr && g.actual !== undefined ? { actual: g.actual } : {});
        for (const i of g.items) cx = this.drawFragment(i, cx, y, size, !ltr);
        this.pdf.endMarkedContent();
        span.add(content);
        span.end();
      } else {
        if (into && open?.into.element !== into.element) closeOpen();
        if (into && !open) open = { content: this.pdf.markStructureContent(into.type), into, ...(g.link ? { link: g.link } : {}) };
        for (const i of g.items) cx = this.drawFragment(i, cx, y, size, tag !== null);
      }
      if (g.link) {
        this.links.underline(x0, y + (this.ascender + 0.12) * size, cx - x0, size);
        this.pdf.fillColor('black');
        // A link's groups next to each other (bold and plain words of it) are one area.
        if (area && area.target === g.link && Math.abs(area.x + area.w - x0) < 0.01) area.w += cx - x0;
        else {
          annotate();
          area = { target: g.link, x: x0, w: cx - x0 };
        }
      }
    }
    closeOpen();
    annotate();
    this.pdf.x = keepX;
    this.pdf.y = keepY;
  }

  private drawFragment({ f, w }: Sized, cx: number, y: number, size: number, tagged: boolean): number {
    const baseline = -this.ascender * size;
    if (f.missing) {
      if (tagged) this.pdf.markContent('Span', { actual: f.source ?? '' });
      // An empty box where the character would be: visible, and no .notdef glyph in the file.
      const n = clusters(f.source ?? '').length;
      for (let i = 0; i < n; i++) {
        this.pdf
          .rect(cx + (i + 0.1) * BOX * size, y + 0.3 * size, BOX * size * 0.8, size * 0.8)
          .lineWidth(0.5)
          .stroke();
      }
      // Text extraction replaces the glyphs inside an /ActualText span; with no glyph at all it
      // would drop the span, so an (invisible) space stands in for the characters.
      const space: Fragment = { text: ' ', face: 'latin-regular', level: 0 };
      const spaceWidth = this.width(space, size);
      this.faces.use('latin-regular', size);
      drawString(this.pdf, ' ', cx, y, baseline, spaceWidth);
      if (tagged) this.pdf.endMarkedContent();
      return cx + w;
    }
    // Neutral characters at a right-to-left level in a face fontkit lays out left to right.
    const text = f.level % 2 === 1 && !SELF_REVERSING.test(f.text) ? clusters(f.text).reverse().join('') : f.text;
    this.faces.use(f.face, size);
    // Every face sits on the Latin face's baseline: pdfkit would otherwise hang each from its own
    // (much taller) Arabic or Devanagari ascender and drop those names below the line.
    drawString(this.pdf, text, cx, y, baseline, w);
    return cx + w;
  }
}
