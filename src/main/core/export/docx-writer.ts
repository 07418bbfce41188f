import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { ILevelsOptions, IStylesOptions } from 'docx';
import type { Block, ListBlock, MinutesDocument, Run } from '../../../shared/document-model';
import type { HouseStyle } from '../../../shared/house-style';
import { createdTime, pinDocxTimestamps } from './reproducible';
import { cleanDocument, documentAuthor } from './sanitize';

/**
 * DOCX writer: MinutesDocument → .docx bytes. Layout lives in Word styles (Normal, Title,
 * Heading 1–3, List Bullet, List Number, Header) rather than in direct formatting, so a user
 * who restyles the document in Word changes every paragraph at once.
 */

const A4 = { width: 11906, height: 16838 }; // twips
const BULLET = 'minnes-bullet';
const DECIMAL = 'minnes-decimal';
const MAX_LEVEL = 8; // Word numbering has nine levels (0–8); deeper lists stay at the deepest
const LIST_INDENT = 425; // 7.5 mm per level, in twips
const BULLET_GLYPHS = ['•', '–']; // as in the PDF, whose font has no '◦'

const pt = (points: number): number => Math.round(points * 20); // twips
const halfPt = (points: number): number => Math.round(points * 2);

function levels(format: 'bullet' | 'decimal'): ILevelsOptions[] {
  return Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? (BULLET_GLYPHS[level % BULLET_GLYPHS.length] ?? '•') : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
  }));
}

function styles(s: HouseStyle): IStylesOptions {
  const black = '000000';
  const heading = (size: number, before: number) => ({
    run: { font: s.docxFont, size: halfPt(size), bold: true, italics: false, color: black },
    paragraph: { spacing: { before: pt(before), after: pt(s.paragraphSpacingPt / 2) }, keepNext: true, keepLines: true },
  });
  const [h1, h2, h3] = s.headingSizesPt;
  return {
    default: {
      document: {
        run: { font: s.docxFont, size: halfPt(s.bodySizePt), language: { value: 'sv-SE' } },
        paragraph: { spacing: { after: pt(s.paragraphSpacingPt), line: Math.round(240 * s.lineHeight) } },
      },
      title: {
        run: { font: s.docxFont, size: halfPt(s.titleSizePt), bold: true, color: black },
        paragraph: { spacing: { before: 0, after: pt(s.paragraphSpacingPt * 1.5) }, keepNext: true },
      },
      heading1: heading(h1, 18),
      heading2: heading(h2, 14),
      heading3: heading(h3, 10),
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: s.docxFont, size: halfPt(s.bodySizePt) } },
      // Items sit closer together than paragraphs; the last item of a list gets the paragraph gap.
      ...(['ListBullet', 'ListNumber'] as const).map((id) => ({
        id,
        name: id === 'ListBullet' ? 'List Bullet' : 'List Number',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: pt(s.paragraphSpacingPt / 3) } },
      })),
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

function runs(items: Run[]): TextRun[] {
  // Only ever switch formatting on: an explicit bold=false would override a bold heading style.
  return items.map((r) =>
    r.type === 'break'
      ? new TextRun({ break: 1 })
      : new TextRun({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }),
  );
}

/** Hands out one numbering instance per list block, so every list (nested ones too) starts at 1. */
class ListInstances {
  private next = 0;
  take(): number {
    return this.next++;
  }
}

function listParagraphs(list: ListBlock, depth: number, instances: ListInstances, spaceAfterLast: number | undefined): Paragraph[] {
  const instance = instances.take();
  const level = Math.min(depth, MAX_LEVEL);
  const out: Paragraph[] = [];
  list.items.forEach((item, i) => {
    const last = i === list.items.length - 1;
    out.push(
      new Paragraph({
        style: list.ordered ? 'ListNumber' : 'ListBullet',
        numbering: { reference: list.ordered ? DECIMAL : BULLET, level, instance },
        children: runs(item.runs),
        // The gap after a list belongs to its very last line, which may be in a nested list.
        ...(last && item.children.length === 0 && spaceAfterLast !== undefined ? { spacing: { after: spaceAfterLast } } : {}),
      }),
    );
    item.children.forEach((child, j) => {
      const lastChild = last && j === item.children.length - 1;
      out.push(...listParagraphs(child, depth + 1, instances, lastChild ? spaceAfterLast : undefined));
    });
  });
  return out;
}

function blockParagraphs(block: Block, s: HouseStyle, instances: ListInstances): Paragraph[] {
  switch (block.type) {
    case 'heading': {
      const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
      return [new Paragraph({ heading, children: runs(block.runs) })];
    }
    case 'paragraph':
      return [new Paragraph({ children: runs(block.runs) })];
    case 'list':
      return listParagraphs(block, 0, instances, pt(s.paragraphSpacingPt));
  }
}

function headerParagraph(text: string, opts: { bold?: boolean; right?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: 'Header',
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text, ...(opts.bold ? { bold: true } : {}) })],
  });
}

function headerCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

/**
 * The ministry letterhead on every page: department (bold) and unit left; document type, ISO
 * date and diarienummer in the middle; "1 (3)" right. A borderless table keeps the three columns
 * apart however long the unit's name is.
 */
function letterhead(doc: MinutesDocument, contentWidth: number): Header {
  const { department, unit, documentType, date, dnr } = doc.header;
  const widths = [0.5, 0.35, 0.15].map((f) => Math.floor(contentWidth * f)) as [number, number, number];
  const left = [headerParagraph(department, { bold: true }), headerParagraph(unit)];
  const middle = [documentType, date, dnr ? `Dnr ${dnr}` : ''].filter(Boolean).map((t) => headerParagraph(t));
  const page = new Paragraph({
    style: 'Header',
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ children: [PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] })],
  });
  const table = new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          headerCell(left, widths[0]),
          headerCell(middle.length ? middle : [headerParagraph('')], widths[1]),
          headerCell([page], widths[2]),
        ],
      }),
    ],
  });
  // Word needs a paragraph after a table; this one also keeps the body clear of the letterhead.
  return new Header({ children: [table, headerParagraph('')] });
}

export async function writeDocx(input: MinutesDocument): Promise<Uint8Array> {
  const created = createdTime(input);
  const doc = cleanDocument(input);
  const s = doc.style;
  const m = s.marginsMm;
  const contentWidth = A4.width - convertMillimetersToTwip(m.left) - convertMillimetersToTwip(m.right);
  const author = documentAuthor(doc);
  const instances = new ListInstances();
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    ...doc.blocks.flatMap((b) => blockParagraphs(b, s, instances)),
  ];
  const file = new Document({
    title: doc.title,
    subject: doc.properties.subject,
    creator: author,
    lastModifiedBy: author,
    ...(doc.properties.keywords ? { keywords: doc.properties.keywords } : {}),
    styles: styles(s),
    numbering: {
      config: [
        { reference: BULLET, levels: levels('bullet') },
        { reference: DECIMAL, levels: levels('decimal') },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: convertMillimetersToTwip(m.top),
              right: convertMillimetersToTwip(m.right),
              bottom: convertMillimetersToTwip(m.bottom),
              left: convertMillimetersToTwip(m.left),
              header: convertMillimetersToTwip(Math.min(10, m.top / 2)),
              footer: convertMillimetersToTwip(Math.min(10, m.bottom / 2)),
            },
          },
        },
        headers: { default: letterhead(doc, contentWidth) },
        children: body,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(file));
  return created ? pinDocxTimestamps(bytes, created) : bytes;
}
