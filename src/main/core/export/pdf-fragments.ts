import bidiFactory from 'bidi-js';
import type { Run } from '../../../shared/document-model';
import { faceId, loadFace, type FaceId, type Weight } from './fonts';
import { hasRtl, isPlainLatin, scriptLanguage, scriptOf, type ScriptKey } from './scripts';

/**
 * A paragraph's runs → fragments the PDF can draw: each in one embedded face (font fallback per
 * character), with its bidi embedding level. What no shipped face can draw becomes a `missing`
 * fragment: drawn as an empty box, kept in the tag tree as /ActualText and reported to the user.
 */

export type Fragment = {
  /** What is drawn, in logical order (fontkit turns Arabic and Hebrew into visual glyph order). */
  text: string;
  face: FaceId;
  /** Unicode bidi embedding level: odd is right to left. */
  level: number;
  /** The logical text when `text` differs (mirrored brackets, dropped invisible characters). */
  source?: string;
  /** No face has these characters; `source` holds them. */
  missing?: boolean;
  /** BCP 47 language of a run whose script makes it obvious (Arabic → ar). */
  lang?: string;
  /** The link these words are part of: one object per link, so a link's fragments are told apart from the next link's. */
  link?: LinkTarget;
};

/** One link of a paragraph: its address and its words (for the annotation's /Contents). */
export type LinkTarget = { url: string; text: string };

export type Piece = Fragment | { type: 'break' };
export type ShapedParagraph = { pieces: Piece[]; rtl: boolean };

let bidi: ReturnType<typeof bidiFactory> | undefined;
const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const RTL_LETTERS = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/gu;
const FALLBACK_ORDER: ScriptKey[] = ['latin', 'emoji', 'cjk'];

const weightOf = (r: { bold?: boolean; italic?: boolean }): Weight =>
  r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular';

/** Grapheme clusters; very long text is cut after spaces first, where no cluster can continue. */
function* graphemes(text: string): Generator<string> {
  const pieces = text.length > 2000 ? (text.match(/[^]{1,1000}(?: |$)|[^]{1,1000}/g) ?? [text]) : [text];
  for (const piece of pieces) for (const { segment } of segmenter.segment(piece)) yield segment;
}

/** Which characters each face has, kept for the process: fontkit's character-map lookup is slow. */
const coverage = new Map<FaceId, Coverage>();

/** Per face: the Basic Multilingual Plane as a table (0 not asked yet, 1 has it, 2 lacks it), the rest in a map. */
type Coverage = { bmp: Uint8Array; astral: Map<number, boolean> };
const HAS = 1;
const LACKS = 2;

function coverageOf(face: FaceId): Coverage {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = { bmp: new Uint8Array(0x10000), astral: new Map() }));
  return known;
}

function covers(face: FaceId, known: Coverage, cp: number): boolean {
  if (cp < 0x10000) {
    const state = known.bmp[cp];
    if (state) return state === HAS;
    const has = loadFace(face).hasGlyphForCodePoint(cp);
    known.bmp[cp] = has ? HAS : LACKS;
    return has;
  }
  let has = known.astral.get(cp);
  if (has === undefined) known.astral.set(cp, (has = loadFace(face).hasGlyphForCodePoint(cp)));
  return has;
}

/** Picks faces for one document and remembers what could not be drawn. */
export class FaceChooser {
  readonly undrawable = new Set<string>();
  private readonly used = new Set<ScriptKey>();

  has(face: FaceId, cp: number): boolean {
    return covers(face, coverageOf(face), cp);
  }

  /** Whether the face draws all of a plain Latin text (so all in the BMP) and it has no soft hyphen. */
  private drawsAllPlain(face: FaceId, text: string): boolean {
    const known = coverageOf(face);
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      if (cp === 0xad || (known.bmp[cp] !== HAS && !covers(face, known, cp))) return false;
    }
    return true;
  }

  /** The face that draws every visible character of the cluster, and the text to draw with it. */
  private pick(cluster: string, script: ScriptKey | null, prev: ScriptKey | null, weight: Weight): [FaceId, string] | null {
    const points = [...cluster];
    const visible = points.filter((c) => !IGNORABLE.test(c));
    if (visible.length === 0) return null;
    const order = new Set<ScriptKey>([...(script ? [script] : prev ? [prev] : []), 'latin', ...this.used, ...FALLBACK_ORDER]);
    for (const s of order) {
      const face = faceId(s, weight);
      if (visible.every((c) => this.has(face, c.codePointAt(0) ?? 0))) {
        this.used.add(s);
        // Joiners and selectors the face lacks would draw as .notdef, which PDF/A forbids.
        return [face, points.filter((c) => !IGNORABLE.test(c) || this.has(face, c.codePointAt(0) ?? 0)).join('')];
      }
    }
    return null;
  }

  /** The runs of one paragraph, shaped into fragments; neighbouring link runs with one address are one link. */
  paragraph(runs: Run[]): ShapedParagraph {
    const full = runs.map((r) => (r.type === 'break' ? '\n' : r.text)).join('');
    const rtl = hasRtl(full);
    let levels: Uint8Array | null = null;
    let base = 0;
    if (rtl) {
      bidi ??= bidiFactory();
      // A Swedish document reads left to right: a paragraph is right to left only when it has no
      // left-to-right letter at all (a name list item in Arabic followed by Swedish stays LTR).
      const result = bidi.getEmbeddingLevels(full, /\p{L}/u.test(full.replace(RTL_LETTERS, '')) ? 'ltr' : 'rtl');
      levels = result.levels;
      base = result.paragraphs[0]?.level ?? 0;
    }
    const pieces: Piece[] = [];
    let offset = 0;
    let link: LinkTarget | undefined;
    for (const run of runs) {
      if (run.type === 'break') {
        pieces.push(run);
        offset += 1;
        link = undefined;
        continue;
      }
      if (run.type !== 'link') link = undefined;
      else if (link?.url === run.url) link.text += run.text;
      else link = { url: run.url, text: run.text };
      this.text(run.text, weightOf(run), offset, levels, pieces, link);
      offset += run.text.length;
    }
    return { pieces, rtl: base % 2 === 1 };
  }

  private text(text: string, weight: Weight, start: number, levels: Uint8Array | null, out: Piece[], link?: LinkTarget): void {
    const latin = faceId('latin', weight);
    const linked = link ? { link } : {};
    // The common case: text the Latin face covers entirely, left to right. No segmentation at all.
    if (!levels && isPlainLatin(text) && this.drawsAllPlain(latin, text)) {
      if (text) out.push({ text, face: latin, level: 0, ...linked });
      return;
    }
    let offset = start;
    let prev: ScriptKey | null = null;
    for (const cluster of graphemes(text)) {
      const level = levels?.[offset] ?? 0;
      offset += cluster.length;
      const script = scriptOf([...cluster][0] ?? '');
      const picked = this.pick(cluster, script, prev, weight);
      // Spaces and punctuation after an emoji go back to the text face: the emoji face's are wide.
      if (script) prev = script === 'emoji' ? null : script;
      if (!picked) {
        if ([...cluster].every((c) => IGNORABLE.test(c))) continue; // invisible: nothing to draw
        this.undrawable.add(cluster);
        push(out, { text: '', source: cluster, face: latin, level, missing: true, ...linked });
        continue;
      }
      const [face, drawn] = picked;
      const mirrored = level % 2 === 1 && [...drawn].length === 1 ? (bidi?.getMirroredCharacter(drawn) ?? null) : null;
      const shown = mirrored ?? drawn;
      const lang = script ? scriptLanguage(script, cluster) : undefined;
      push(out, { text: shown, face, level, ...(shown !== cluster ? { source: cluster } : {}), ...(lang ? { lang } : {}), ...linked });
    }
  }
}

/** Appends a cluster, joining the previous fragment when face, level, language and kind agree. */
function push(out: Piece[], f: Fragment): void {
  const last = out[out.length - 1];
  if (
    last &&
    !('type' in last) &&
    last.face === f.face &&
    last.level === f.level &&
    !!last.missing === !!f.missing &&
    last.link === f.link
  ) {
    // A neutral cluster (no language of its own) joins the run before it.
    if (f.lang === undefined || last.lang === f.lang) {
      if (last.source !== undefined || f.source !== undefined) last.source = (last.source ?? last.text) + (f.source ?? f.text);
      last.text += f.text;
      return;
    }
  }
  out.push({ ...f });
}

/** The logical text of a fragment, as the tag tree and a screen reader should get it. */
export const logicalText = (f: Fragment): string => f.source ?? f.text;
