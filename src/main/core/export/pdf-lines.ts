import type { Run } from '../../../shared/document-model';
import type { FontFace, FontFiles } from './fonts';

/**
 * Line breaking and drawing for the PDF writer. Lines are broken here rather than by pdfkit's
 * `continued` text, which misplaces text after a line break and may break "**fet**," between the
 * bold word and its comma, where the font changes.
 */

export type Fragment = { text: string; face: FontFace };
export type Line = Fragment[];

export class Typesetter {
  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly fonts: FontFiles,
  ) {}

  use(face: FontFace, size: number): void {
    this.pdf.font(this.fonts[face]).fontSize(size);
  }

  private readonly widths = new Map<string, number>();

  /** Widths are cached: shaping the same words again and again is most of the writer's time. */
  width(f: Fragment, size: number): number {
    const key = `${f.face} ${size} ${f.text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.use(f.face, size);
      w = this.pdf.widthOfString(f.text);
      this.widths.set(key, w);
    }
    return w;
  }

  /** Greedy line filling; words break only at spaces, and a word wider than a line breaks anywhere. */
  lines(runs: Run[], size: number, maxWidth: number): Line[] {
    const lines: Line[] = [];
    let line: Line = [];
    let lineWidth = 0;
    let word: Line = [];
    let space: Fragment | null = null;
    const place = (w: Line): void => {
      const ww = w.reduce((sum, f) => sum + this.width(f, size), 0);
      const sw = space && line.length ? this.width(space, size) : 0;
      if (line.length && lineWidth + sw + ww > maxWidth) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      } else if (space && line.length) {
        line.push(space);
        lineWidth += sw;
      }
      if (ww > maxWidth) {
        for (const piece of this.split(w, size, maxWidth)) {
          if (line.length) lines.push(line);
          line = piece;
        }
        lineWidth = line.reduce((sum, f) => sum + this.width(f, size), 0);
      } else {
        line.push(...w);
        lineWidth += ww;
      }
    };
    const flushWord = (): void => {
      if (word.length) place(word);
      word = [];
    };
    for (const run of runs) {
      if (run.type === 'break') {
        flushWord();
        lines.push(line);
        line = [];
        lineWidth = 0;
        space = null;
        continue;
      }
      const face: FontFace = run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
      for (const token of run.text.split(/( +)/)) {
        if (!token) continue;
        if (token.startsWith(' ')) {
          flushWord();
          space = { text: ' ', face };
        } else {
          word.push({ text: token, face });
        }
      }
    }
    flushWord();
    lines.push(line);
    return lines;
  }

  /** Breaks one over-long word into pieces that each fit a line. */
  private split(word: Line, size: number, maxWidth: number): Line[] {
    const pieces: Line[] = [];
    let piece: Line = [];
    let width = 0;
    for (const f of word) {
      for (const ch of [...f.text]) {
        const w = this.width({ text: ch, face: f.face }, size);
        if (piece.length && width + w > maxWidth) {
          pieces.push(piece);
          piece = [];
          width = 0;
        }
        const last = piece[piece.length - 1];
        if (last?.face === f.face) last.text += ch;
        else piece.push({ text: ch, face: f.face });
        width += w;
      }
    }
    if (piece.length) pieces.push(piece);
    return pieces;
  }

  /** Draws one line; same-font neighbours are merged so text extraction sees whole words. */
  draw(line: Line, x: number, y: number, size: number, align: 'left' | 'right' = 'left', boxWidth = 0): void {
    const merged: Line = [];
    for (const f of line) {
      const last = merged[merged.length - 1];
      if (last?.face === f.face) last.text += f.text;
      else merged.push({ ...f });
    }
    const total = merged.reduce((sum, f) => sum + this.width(f, size), 0);
    let cx = align === 'right' ? x + boxWidth - total : x;
    // pdfkit's text() moves its own cursor; the layout keeps its own, so put pdfkit's back.
    const { x: keepX, y: keepY } = this.pdf;
    for (const f of merged) {
      this.use(f.face, size);
      this.pdf.text(f.text, cx, y, { lineBreak: false });
      cx += this.pdf.widthOfString(f.text);
    }
    this.pdf.x = keepX;
    this.pdf.y = keepY;
  }
}
