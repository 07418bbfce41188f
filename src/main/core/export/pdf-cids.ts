/**
 * Text that copies and searches right in shaped scripts. pdfkit gives each glyph one Unicode
 * mapping, the characters it was first drawn for; in Arabic one glyph (the undotted stem) serves
 * several letters, so a name would read back with the wrong letters. A glyph met again for other
 * characters is given a second code in the subset (the same outline once more) with its own
 * mapping. Latin faces are never shaped, so they never need this.
 */

type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type EmbeddedFont = {
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
  __distinctCids?: boolean;
};

const sameCodePoints = (a: number[], b: number[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);
const hex4 = (n: number): string => `0000${n.toString(16)}`.slice(-4);

/** Patches the current pdfkit font (pdf._font) once; call right after selecting a shaped face. */
export function distinctCids(pdf: PDFKit.PDFDocument): void {
  const font = (pdf as unknown as { _font?: EmbeddedFont })._font;
  if (!font || font.__distinctCids || typeof font.encode !== 'function' || !font.subset?.glyphs) return;
  font.__distinctCids = true;
  const extra = new Map<string, number>();
  font.encode = function encode(this: EmbeddedFont, text: string, features?: unknown): [string[], unknown[]] {
    const { glyphs, positions } = this.layout(text, features);
    const codes: string[] = [];
    for (const glyph of glyphs) {
      let code = this.subset.includeGlyph(glyph.id);
      const known = this.unicode[code];
      if (known && glyph.codePoints.length > 0 && !sameCodePoints(known, glyph.codePoints)) {
        const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
        let again = extra.get(key);
        if (again === undefined) {
          this.subset.glyphs.push(glyph.id);
          again = this.subset.glyphs.length - 1;
          extra.set(key, again);
        }
        code = again;
      }
      codes.push(hex4(code));
      this.widths[code] ??= glyph.advanceWidth * this.scale;
      this.unicode[code] ??= glyph.codePoints;
    }
    return [codes, positions];
  };
}
