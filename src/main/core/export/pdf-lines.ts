import type { Run } from '../../../shared/document-model';
import { loadFace } from './fonts';
import { spanGroups } from './pdf-bidi';
import { PdfFaces } from './pdf-faces';
import type { FaceChooser, Fragment } from './pdf-fragments';
import { drawString } from './pdf-hot-paths';

/**
 * Line breaking and drawing for the PDF writer. Lines are broken here rather than by pdfkit's
 * `continued` text, which misplaces text after a line break and may break "**fet**," between the
 * bold word and its comma, where the font changes.
 */

/** One laid-out line in logical order; `rtl` when its paragraph reads right to left. */
export type Line = { fragments: Fragment[]; rtl: boolean };

/** Where a line's marked content goes: the structure element and the tag its content is marked with. */
export type Tag = { element: PDFKit.PDFStructureElement; type: string };

/** Nothing right to left and nothing in another language: the paragraph needs no /Span elements. */
export const isSimpleLine = (line: Line): boolean => line.fragments.every((f) => f.level === 0 && f.lang === undefined && !f.missing);

const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });
const clusters = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);
// Fonts that fontkit itself lays out right to left (it reverses their glyphs by script).
const SELF_REVERSING = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const BOX = 0.6; // width of the box drawn for a character no face has, in ems

/** The same fragment (face, level, language) with other text; `source` when the logical text differs. */
function retext(f: Fragment, text: string, source?: string): Fragment {
  const out: Fragment = { text, face: f.face, level: f.level };
  if (f.lang !== undefined) out.lang = f.lang;
  if (source !== undefined) out.source = source;
  return out;
}

/** A fragment with its width at the line's size, and the /Span it is drawn in, if any. */
type Sized = { f: Fragment; w: number };
type Group = { items: Sized[]; actual?: string; lang?: string };

export class Typesetter {
  private readonly faces: PdfFaces;
  /** The Latin face's ascender as a fraction of the font size: where the baseline sits below a line's top. */
  private readonly ascender: number;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    readonly chooser: FaceChooser,
  ) {
    this.faces = new PdfFaces(pdf);
    const latin = loadFace('latin-regular');
    this.ascender = latin.ascent / latin.unitsPerEm;
  }

  /** Widths are cached: shaping the same words again and again is most of the writer's time. */
  width(f: Fragment, size: number): number {
    return f.missing ? clusters(f.source ?? '').length * BOX * size : this.faces.width(f.text, f.face, size);
  }

  private sum(line: Fragment[], size: number): number {
    return line.reduce((w, f) => w + this.width(f, size), 0);
  }

  /**
   * Greedy line filling; words break only at spaces, and a word wider than a line breaks anywhere.
   * A line that ends at a space keeps that space (drawn, invisible), so the tag tree and text
   * extraction read "civilsamhället och", never "civilsamhälletoch".
   */
  lines(runs: Run[], size: number, maxWidth: number): Line[] {
    const shaped = this.chooser.paragraph(runs);
    const rtl = shaped.rtl;
    const lines: Line[] = [];
    let line: Fragment[] = [];
    let lineWidth = 0;
    let word: Fragment[] = [];
    let space: Fragment | null = null;
    const close = (): void => {
      lines.push({ fragments: line, rtl });
      line = [];
      lineWidth = 0;
    };
    const place = (w: Fragment[]): void => {
      const ww = this.sum(w, size);
      const sw = space && line.length ? this.width(space, size) : 0;
      if (line.length && lineWidth + sw + ww > maxWidth) {
        if (space) line.push(space);
        close();
      } else if (space && line.length) {
        line.push(space);
        lineWidth += sw;
      }
      space = null;
      if (ww > maxWidth) {
        for (const piece of this.split(w, size, maxWidth)) {
          if (line.length) close();
          line = piece;
        }
        lineWidth = this.sum(line, size);
      } else {
        line.push(...w);
        lineWidth += ww;
      }
    };
    const flushWord = (): void => {
      if (word.length) place(word);
      word = [];
    };
    for (const piece of shaped.pieces) {
      if ('type' in piece) {
        flushWord();
        // A line break inside a paragraph is a word boundary too.
        line.push(space ?? { text: ' ', face: line[line.length - 1]?.face ?? 'latin-regular', level: 0 });
        space = null;
        close();
        continue;
      }
      if (piece.missing) {
        word.push(piece);
        continue;
      }
      // Mirrored brackets keep their logical character; other differences (dropped joiners) are invisible.
      const text = piece.text;
      const aligned = piece.source !== undefined && piece.source.length === text.length ? piece.source : undefined;
      let pieceSpace: Fragment | null = null; // a run of spaces is one space, the same for the whole piece
      for (let i = 0; i < text.length;) {
        if (text.charCodeAt(i) === 32) {
          while (text.charCodeAt(i) === 32) i++;
          flushWord();
          space = pieceSpace ??= retext(piece, ' ');
          continue;
        }
        const next = text.indexOf(' ', i);
        const end = next < 0 ? text.length : next;
        const token = text.slice(i, end);
        const logical = aligned?.slice(i, end);
        word.push(retext(piece, token, logical !== token ? logical : undefined));
        i = end;
      }
    }
    flushWord();
    close();
    return lines;
  }

  /** Breaks one over-long word into pieces that each fit a line, never inside a character cluster. */
  private split(word: Fragment[], size: number, maxWidth: number): Fragment[][] {
    const pieces: Fragment[][] = [];
    let piece: Fragment[] = [];
    let width = 0;
    for (const f of word) {
      const parts = f.missing ? [f] : clusters(f.text).map((text) => ({ ...f, text }));
      for (const part of parts) {
        const w = this.width(part, size);
        if (piece.length && width + w > maxWidth) {
          pieces.push(piece);
          piece = [];
          width = 0;
        }
        const last = piece[piece.length - 1];
        if (last && !last.missing && !part.missing && last.face === part.face && last.level === part.level) last.text += part.text;
        else piece.push({ ...part });
        width += w;
      }
    }
    if (piece.length) pieces.push(piece);
    return pieces;
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
      if (last && last.f.face === f.face) {
        last.f.text += f.text;
        last.w += w;
      } else out.push((last = { f: { ...f }, w }));
    }
    return out;
  }

  private groups(line: Line, size: number): Group[] {
    if (isSimpleLine(line)) return [{ items: this.merged(line.fragments, size) }];
    return spanGroups(line.fragments).map(({ fragments, ...span }) => ({
      ...span,
      items: fragments.map((f) => ({ f, w: this.width(f, size) })),
    }));
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
    let open: PDFKit.PDFStructureContent | null = null;
    const closeOpen = (): void => {
      if (open && tag && tag !== 'open') {
        this.pdf.endMarkedContent();
        tag.element.add(open);
      }
      open = null;
    };
    for (const g of groups) {
      const spanned = g.lang !== undefined || g.actual !== undefined;
      if (tag && tag !== 'open' && spanned) {
        closeOpen();
        const span = this.pdf.struct('Span', {
          ...(g.lang ? { lang: g.lang } : {}),
          ...(g.actual !== undefined ? { actual: g.actual } : {}),
        });
        tag.element.add(span);
        // Text extraction reads /ActualText in the content; for right-to-left text it would then
        // reverse the logical text a second time, so there it stays on the element only.
        const ltr = g.items.every((i) => i.f.level === 0);
        const content = this.pdf.markStructureContent('Span', ltr && g.actual !== undefined ? { actual: g.actual } : {});
        for (const i of g.items) cx = this.drawFragment(i, cx, y, size, !ltr);
        this.pdf.endMarkedContent();
        span.add(content);
        span.end();
        continue;
      }
      if (tag && tag !== 'open' && !open) open = this.pdf.markStructureContent(tag.type);
      for (const i of g.items) cx = this.drawFragment(i, cx, y, size, tag !== null);
    }
    closeOpen();
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
