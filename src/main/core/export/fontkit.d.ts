// fontkit ships no types; this is the part Minnes uses (the parsed font is handed to pdfkit as is).
declare module 'fontkit' {
  export interface FontkitGlyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface FontkitFont {
    ascent: number;
    unitsPerEm: number;
    layout(text: string, features?: unknown): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
