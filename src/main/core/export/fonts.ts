import { existsSync, readFileSync } from 'node:fs';
import { create, type FontkitFont, type FontkitGlyph } from 'fontkit';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ScriptKey } from './scripts';

/**
 * The PDF's embedded faces: Noto (SIL Open Font License), one @expo-google-fonts package per
 * script. Resolved through Node's module resolution at run time rather than from a path relative
 * to this file, because this file runs from source (vitest), from the esbuild bundle in out/node
 * and from the Electron bundle in out/main, each in a different folder.
 */
export type Weight = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A face is named by script and weight, e.g. "arabic-bold"; pdfkit registers it under this name. */
export type FaceId = `${ScriptKey}-${Weight}`;

type Family = { pkg: string; prefix: string; italic: boolean; shaping: boolean };

const FAMILIES: Record<ScriptKey, Family> = {
  // Latin, Greek and Cyrillic need no OpenType shaping; the other scripts do (Arabic joining, Indic
  // conjuncts, emoji sequences), so only their faces go through fontkit's layout engine.
  latin: { pkg: 'noto-sans', prefix: 'NotoSans', italic: true, shaping: false },
  arabic: { pkg: 'noto-sans-arabic', prefix: 'NotoSansArabic', italic: false, shaping: true },
  hebrew: { pkg: 'noto-sans-hebrew', prefix: 'NotoSansHebrew', italic: false, shaping: true },
  devanagari: { pkg: 'noto-sans-devanagari', prefix: 'NotoSansDevanagari', italic: false, shaping: true },
  bengali: { pkg: 'noto-sans-bengali', prefix: 'NotoSansBengali', italic: false, shaping: true },
  tamil: { pkg: 'noto-sans-tamil', prefix: 'NotoSansTamil', italic: false, shaping: true },
  ethiopic: { pkg: 'noto-sans-ethiopic', prefix: 'NotoSansEthiopic', italic: false, shaping: true },
  cjk: { pkg: 'noto-sans-sc', prefix: 'NotoSansSC', italic: false, shaping: true },
  emoji: { pkg: 'noto-emoji', prefix: 'NotoEmoji', italic: false, shaping: true },
};

const WEIGHT_DIR: Record<Weight, string> = {
  regular: '400Regular',
  bold: '700Bold',
  italic: '400Regular_Italic',
  boldItalic: '700Bold_Italic',
};

/** Scripts whose families have no italic use the upright face of the same weight. */
function faceWeight(script: ScriptKey, weight: Weight): Weight {
  if (FAMILIES[script].italic) return weight;
  return weight === 'bold' || weight === 'boldItalic' ? 'bold' : 'regular';
}

export function faceId(script: ScriptKey, weight: Weight): FaceId {
  return `${script}-${faceWeight(script, weight)}`;
}

function resolver(): NodeJS.Require {
  // __filename exists in the CJS bundles and under vitest; cwd is a last resort for odd hosts.
  const from = typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
  return createRequire(from);
}

/** Absolute path of one face's TrueType file; a clear error when its package is missing. */
export function fontFile(script: ScriptKey, weight: Weight): string {
  const family = FAMILIES[script];
  const w = faceWeight(script, weight);
  const dir = WEIGHT_DIR[w];
  const file = `@expo-google-fonts/${family.pkg}/${dir}/${family.prefix}_${dir}.ttf`;
  let path: string;
  try {
    path = resolver().resolve(file);
  } catch {
    throw new Error(`Typsnittet saknas (${file}); installera om programmet.`);
  }
  if (!existsSync(path)) throw new Error(`Typsnittet saknas: ${path}`);
  return path;
}

const parsed = new Map<FaceId, FontkitFont>();

/**
 * One face, parsed on first use and kept for the process. Parsing a TrueType file is most of the
 * cost of a small PDF, and a document in Swedish never touches the Arabic or CJK files at all;
 * pdfkit takes a parsed font as is and still makes a fresh subset per document.
 */
export function loadFace(id: FaceId): FontkitFont {
  let font = parsed.get(id);
  if (!font) {
    const [script, weight] = id.split('-') as [ScriptKey, Weight];
    const bytes = readFileSync(fontFile(script, weight));
    const raw = create(bytes);
    postHeaderOnly(raw, bytes);
    font = !FAMILIES[script].shaping ? withoutShaping(raw) : script === 'arabic' ? withoutDecomposition(raw) : raw;
    parsed.set(id, font);
  }
  return font;
}

type TableInternals = {
  directory: { tables: Partial<Record<string, { offset: number; length: number }>> };
  _tables: Record<string, unknown>;
};

/**
 * The post table's header, without the names of the glyphs after it. pdfkit reads the italic
 * angle and isFixedPitch from it when it embeds a face; fontkit decoded the whole table for that
 * (a name for each of Noto Sans's 4,500 glyphs), the largest part of embedding a face in a fresh
 * process, and every export in the app runs in a fresh worker. Version 3 is "no glyph names".
 */
function postHeaderOnly(font: FontkitFont, bytes: Uint8Array): void {
  const { directory, _tables: tables } = font as unknown as TableInternals;
  const entry = directory.tables.post;
  if (!entry || entry.length < 32 || 'post' in tables) return;
  const v = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 32);
  tables.post = {
    version: 3,
    italicAngle: v.getInt32(4) / 0x10000, // Fixed 16.16, as fontkit reads it
    underlinePosition: v.getInt16(8),
    underlineThickness: v.getInt16(10),
    isFixedPitch: v.getUint32(12),
    minMemType42: v.getUint32(16),
    maxMemType42: v.getUint32(20),
    minMemType1: v.getUint32(24),
    maxMemType1: v.getUint32(28),
  };
}

/** A face fonts.ts lays out glyph by glyph from its character map: one glyph per character, always the same. */
export function isUnshaped(id: FaceId): boolean {
  const [script] = id.split('-') as [ScriptKey];
  return !FAMILIES[script].shaping;
}

/** Whether a face has been parsed in this process (for tests of lazy loading). */
export function isFaceLoaded(id: FaceId): boolean {
  return parsed.has(id);
}

/**
 * The faces read and parsed in this process, in the order something first needed them. Only the
 * PDF writer asks for faces, one at a time as its text needs them, so a process that has written
 * only DOCX files has read no font file at all.
 */
export function loadedFaces(): FaceId[] {
  return [...parsed.keys()];
}

/**
 * Arabic shaped without 'ccmp': with it, fontkit splits a dotted letter (ز) into the undotted stem
 * (ر) plus a dot and files the stem under the undotted letter, so "زهرا" would copy as "رهرا".
 * The font has the precomposed glyphs, which look the same.
 */
function withoutDecomposition(font: FontkitFont): FontkitFont {
  const plain = Object.create(font) as FontkitFont;
  plain.layout = (text: string, features?: unknown) => font.layout(text, features ?? { ccmp: false });
  return plain;
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
