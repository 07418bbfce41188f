import type { Run } from '../../../shared/document-model';
import { PdfFaces } from './pdf-faces';
import type { FaceChooser, Fragment } from './pdf-fragments';

/**
 * Line breaking for the PDF writer. Lines are broken here rather than by pdfkit's `continued`
 * text, which misplaces text after a line break and may break "**fet**," between the bold word
 * and its comma, where the font changes. Drawing them is pdf-lines.ts.
 */

/** One laid-out line in logical order; `rtl` when its paragraph reads right to left. */
export type Line = { fragments: Fragment[]; rtl: boolean };

const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });
export const clusters = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);
export const BOX = 0.6; // width of the box drawn for a character no face has, in ems

/** The same fragment (face, level, language) with other text; `source` when the logical text differs. */
function retext(f: Fragment, text: string, source?: string): Fragment {
  const out: Fragment = { text, face: f.face, level: f.level };
  if (f.lang !== undefined) out.lang = f.lang;
  if (source !== undefined) out.source = source;
  if (f.link !== undefined) out.link = f.link;
  return out;
}

export class LineBreaker {
  protected readonly faces: PdfFaces;

  constructor(
    protected readonly pdf: PDFKit.PDFDocument,
    readonly chooser: FaceChooser,
  ) {
    this.faces = new PdfFaces(pdf);
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

  /**
   * A paragraph's widths with no wrapping: its longest word (`min`) and its longest line (`max`),
   * for table column widths.
   */
  measure(runs: Run[], size: number): { min: number; max: number } {
    let min = 0;
    let max = 0;
    for (const line of this.lines(runs, size, Infinity)) {
      let word = 0;
      let all = 0;
      for (const f of line.fragments) {
        const w = this.width(f, size);
        all += w;
        word = f.text === ' ' ? 0 : word + w;
        min = Math.max(min, word);
      }
      max = Math.max(max, all);
    }
    return { min, max };
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
        const joins =
          last && !last.missing && !part.missing && last.face === part.face && last.level === part.level && last.link === part.link;
        if (joins) last.text += part.text;
        else piece.push({ ...part });
        width += w;
      }
    }
    if (piece.length) pieces.push(piece);
    return pieces;
  }
}
