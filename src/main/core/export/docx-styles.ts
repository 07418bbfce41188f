import { AlignmentType, LevelFormat } from 'docx';
import type { ILevelsOptions, INumberingOptions, IStylesOptions, NumberingDefinition } from 'docx';
import type { HouseStyle } from '../../../shared/house-style';

/**
 * Word styles and list definitions of the DOCX writer. Layout lives in styles rather than in
 * direct formatting, so a user who restyles the document in Word or LibreOffice changes every
 * paragraph at once, and a paragraph they add with a style looks like the ones we wrote.
 */

export const BULLET = 'minnes-bullet';
export const DECIMAL = 'minnes-decimal';
export const LIST_STYLE = { [BULLET]: 'ListBullet', [DECIMAL]: 'ListNumber' } as const;
export type ListReference = keyof typeof LIST_STYLE;

/**
 * The numbering instance the List Bullet and List Number styles point at. No list the writer
 * emits uses it (those take 1, 2, …), so a paragraph a user gives the List Number style later
 * starts a fresh list at 1 instead of continuing one of ours.
 */
export const STYLE_INSTANCE = 0;

/** The paragraph styles of table cells: body cells, and header cells (bold by the style, not by each run). */
export const TABLE_TEXT = 'TableText';
export const TABLE_HEADING = 'TableHeading';

export const MAX_LEVEL = 8; // Word numbering has nine levels (0–8); deeper lists stay at the deepest
export const LIST_INDENT = 425; // 7.5 mm per level, in twips
/** Space above Heading 1–3, in points. */
export const HEADING_BEFORE_PT = [18, 14, 10] as const;
const BULLET_GLYPHS = ['•', '–']; // as in the PDF, whose font has no '◦'

export const pt = (points: number): number => Math.round(points * 20); // twips
const halfPt = (points: number): number => Math.round(points * 2);

/** `from`: an ordered list that starts at another number than 1, at the level it sits on. */
function levels(reference: ListReference, from?: { level: number; start: number }): ILevelsOptions[] {
  const bullet = reference === BULLET;
  return Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    level,
    format: bullet ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: bullet ? (BULLET_GLYPHS[level % BULLET_GLYPHS.length] ?? '•') : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    ...(from?.level === level ? { start: from.start } : {}),
    style: {
      paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } },
      // The other half of the style ↔ list link (w:pStyle in the level): Word's Define New List
      // dialog and LibreOffice use it to show which style the list belongs to. Only the main
      // definitions link it; a style belongs to one list.
      ...(level === 0 && !from ? { style: LIST_STYLE[reference] } : {}),
    },
  }));
}

/**
 * The list definition a list block uses: the shared one, or, for an ordered list that starts at
 * another number (pasted from Word at 3), its own, since a list's numbering instance restarts
 * every level at the level's start.
 */
export function listReference(ordered: boolean, level: number, start: number | undefined): ListReference | NumberingDefinition {
  if (!ordered) return BULLET;
  if (start === undefined || start === 1) return DECIMAL;
  return { reference: `${DECIMAL}-${level}-from-${start}`, levels: levels(DECIMAL, { level, start }) };
}

export function numbering(): INumberingOptions {
  return {
    config: [
      { reference: BULLET, levels: levels(BULLET) },
      { reference: DECIMAL, levels: levels(DECIMAL) },
    ],
  };
}

/**
 * Outline levels. Heading 1–3 keep Word's own levels (w:outlineLvl 0–2, shown as 1–3): Word fixes
 * the level of its built-in heading styles, and TOC \o "1-3", LibreOffice's chapter numbering and
 * every other tool assume Heading N is level N. The Title is put on level 1 too (w:outlineLvl 0),
 * beside the Heading 1s, rather than left as body text, as Word's and LibreOffice's own Title
 * styles are: the minutes of the samråd template print no section headings at all, so without it
 * Word's navigation pane and LibreOffice's Navigator would be empty for the app's main document,
 * and our PDF tags and bookmarks the title as a heading too. The tree stays contiguous: the
 * title first, then Heading 1s beside it, Heading 2s under those; a document whose first heading is
 * a Heading 2 hangs it under the title. The price: a table of contents a user adds in Word
 * lists the title as its first entry.
 */
const OUTLINE = { title: 0, heading1: 0, heading2: 1, heading3: 2 } as const;

export function styles(s: HouseStyle): IStylesOptions {
  const black = '000000';
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: s.docxFont, size: halfPt(size), bold: true, italics: false, color: black },
    paragraph: {
      spacing: { before: pt(before), after: pt(s.paragraphSpacingPt / 2) },
      keepNext: true,
      keepLines: true,
      outlineLevel,
    },
  });
  const [h1, h2, h3] = s.headingSizesPt;
  const [b1, b2, b3] = HEADING_BEFORE_PT;
  return {
    default: {
      document: {
        run: { font: s.docxFont, size: halfPt(s.bodySizePt), language: { value: 'sv-SE' } },
        paragraph: { spacing: { after: pt(s.paragraphSpacingPt), line: Math.round(240 * s.lineHeight) } },
      },
      title: {
        run: { font: s.docxFont, size: halfPt(s.titleSizePt), bold: true, color: black },
        paragraph: { spacing: { before: 0, after: pt(s.paragraphSpacingPt * 1.5) }, keepNext: true, outlineLevel: OUTLINE.title },
      },
      heading1: heading(h1, b1, OUTLINE.heading1),
      heading2: heading(h2, b2, OUTLINE.heading2),
      heading3: heading(h3, b3, OUTLINE.heading3),
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: s.docxFont, size: halfPt(s.bodySizePt) } },
      // Items sit closer together than paragraphs; the last item of a list gets the paragraph gap.
      // Each style carries its list (w:numPr), so applying it to a new paragraph, in Word or with
      // python-docx, gives a bullet or a number without touching the numbering part.
      ...([BULLET, DECIMAL] as const).map((reference) => ({
        id: LIST_STYLE[reference],
        name: reference === BULLET ? 'List Bullet' : 'List Number',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: {
          spacing: { after: pt(s.paragraphSpacingPt / 3) },
          numbering: { reference, level: 0, instance: STYLE_INSTANCE },
        },
      })),
      {
        // Cells hold their text without the paragraph gap; lines as in body text.
        id: TABLE_TEXT,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { before: 0, after: 0 } },
      },
      {
        id: TABLE_HEADING,
        name: 'Table Heading',
        basedOn: TABLE_TEXT,
        quickFormat: true,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { size: halfPt(s.headerSizePt) },
        paragraph: { spacing: { after: 0, line: 240 } },
      },
    ],
  };
}
