import { existsSync, readFileSync } from 'node:fs';
import { create, type FontkitFont, type FontkitGlyph } from 'fontkit';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The PDF's embedded fonts: Noto Sans (SIL Open Font License) from @expo-google-fonts/noto-sans.
 * Resolved through Node's module resolution at run time rather than from a path relative to this
 * file, because this file runs from source (vitest), from the esbuild bundle in out/node and from
 * the Electron bundle in out/main, each in a different folder.
 */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontFiles = Record<FontFace, string>;

const PACKAGE = '@expo-google-fonts/noto-sans';
const FILES: FontFiles = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

let cached: FontFiles | null = null;

const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });
// Joiners and variation selectors only modify their neighbours; a font need not draw them.
const isModifier = (c: string): boolean => c === '\u200C' || c === '\u200D' || (c >= '\uFE00' && c <= '\uFE0F');
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Text the embedded font can draw. A run of characters it has no glyph for (emoji, Arabic,
 * Hebrew, CJK in Noto Sans) becomes one U+FFFD, so the reader sees that something was there
 * instead of an empty box per character or, worse, nothing. Invisible format characters the font
 * lacks are dropped, and soft hyphens too (the PDF has no hyphenation to use them).
 */
export function fitToFont(text: string, hasGlyph: (codePoint: number) => boolean): string {
  // The common case, ordinary text the font fully covers, needs no grapheme segmentation at all.
  let covered = true;
  for (const c of text) {
    if (c === '\u00AD' || !hasGlyph(c.codePointAt(0) ?? 0)) {
      covered = false;
      break;
    }
  }
  if (covered) return text;
  // Intl.Segmenter slows down more than linearly on very long strings: segment piece by piece,
  // cutting only after a space, where no grapheme can continue.
  if (text.length > 2000) {
    const pieces = text.match(/[^]{1,1000}(?: |$)|[^]{1,1000}/g) ?? [text];
    return pieces.map((p) => fitPiece(p, hasGlyph)).join('');
  }
  return fitPiece(text, hasGlyph);
}

function fitPiece(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = '';
  let replacing = false;
  for (const { segment } of segmenter.segment(text)) {
    const points = [...segment].filter((c) => !isModifier(c));
    const drawable = points.every((c) => hasGlyph(c.codePointAt(0) ?? 0));
    if (segment === '\u00AD' || (!drawable && points.every((c) => IGNORABLE.test(c)))) continue;
    if (drawable) {
      out += segment;
      replacing = false;
    } else if (!replacing) {
      out += '\uFFFD';
      replacing = true;
    }
  }
  return out;
}

function resolver(): NodeJS.Require {
  // __filename exists in the CJS bundles and under vitest; cwd is a last resort for odd hosts.
  const from = typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
  return createRequire(from);
}

/** Absolute paths of the four Noto Sans faces; throws a clear error when the package is missing. */
export function notoSansFiles(): FontFiles {
  if (cached) return cached;
  const req = resolver();
  const entries = Object.entries(FILES).map(([face, file]) => {
    let path: string;
    try {
      path = req.resolve(`${PACKAGE}/${file}`);
    } catch {
      throw new Error(`Typsnittet Noto Sans saknas (${PACKAGE}/${file}); installera om programmet.`);
    }
    if (!existsSync(path)) throw new Error(`Typsnittet Noto Sans saknas: ${path}`);
    return [face, path] as const;
  });
  cached = Object.fromEntries(entries) as FontFiles;
  return cached;
}

let parsed: Record<FontFace, FontkitFont> | null = null;

/**
 * The four faces parsed once per process. Parsing a TrueType file is most of the cost of a
 * small PDF; pdfkit takes a parsed font as is and still makes a fresh subset per document.
 */
export function notoSansFonts(): Record<FontFace, FontkitFont> {
  if (parsed) return parsed;
  const files = notoSansFiles();
  const load = (file: string) => withoutShaping(create(readFileSync(file)));
  parsed = { regular: load(files.regular), bold: load(files.bold), italic: load(files.italic), boldItalic: load(files.boldItalic) };
  return parsed;
}

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };

/**
 * The same font, laid out glyph by glyph from its character map: no OpenType shaping. Swedish
 * and other Latin text needs none, shaping every word was most of a PDF's cost, and without
 * ligatures the text copies and reads back (search, screen readers, PDF/A) exactly as written.
 */
function withoutShaping(font: FontkitFont): FontkitFont {
  const glyphs = new Map<number, FontkitGlyph>();
  const glyphFor = (cp: number): FontkitGlyph => {
    let g = glyphs.get(cp);
    if (!g) {
      g = font.glyphForCodePoint(cp);
      glyphs.set(cp, g);
    }
    return g;
  };
  const plain = Object.create(font) as FontkitFont;
  plain.layout = (text: string) => {
    const run = { glyphs: [] as FontkitGlyph[], positions: [] as Position[] };
    for (const ch of text) {
      const g = glyphFor(ch.codePointAt(0) ?? 0);
      run.glyphs.push(g);
      // Fresh objects: pdfkit scales positions in place.
      run.positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return Object.defineProperty(run, 'advanceWidth', { get: () => run.positions.reduce((w, p) => w + p.xAdvance, 0) });
  };
  return plain;
}
