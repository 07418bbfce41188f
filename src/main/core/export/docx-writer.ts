import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { Block, ListBlock, MinutesDocument, Run } from '../../../shared/document-model';
import type { HouseStyle } from '../../../shared/house-style';
import { estimatePageCount } from './docx-page-estimate';
import { docxTable, tableGap } from './docx-table';
import { propertyParts } from './docx-properties';
import { scriptRuns, textRuns } from './docx-runs';
import { BULLET, DECIMAL, LIST_STYLE, MAX_LEVEL, STYLE_INSTANCE, listReference, numbering, pt, styles } from './docx-styles';
import { createdTime, pinDocxHyperlinks, pinDocxTimestamps } from './reproducible';
import { cleanDocument } from './sanitize';

/**
 * DOCX writer: MinutesDocument → .docx bytes. Layout lives in Word styles (docx-styles.ts), text
 * runs carry a font per script (docx-runs.ts), and the properties parts are our own
 * (docx-properties.ts), so the file is one a Word or LibreOffice user can go on working in.
 */

export type DocxOptions = {
  /**
   * Pages the document has, for the cached value of the NUMPAGES field ("1 (3)") that readers which
   * do not lay the document out show. Pass the real count when it is known (the PDF of the same
   * model has it); without it the count is estimated from the text (docx-page-estimate.ts).
   */
  pageCount?: number;
};

const A4 = { width: 11906, height: 16838 }; // twips

/** Hands out one numbering instance per list block, so every list (nested ones too) starts at 1. */
class ListInstances {
  private next = STYLE_INSTANCE + 1;
  take(): number {
    return this.next++;
  }
}

function listParagraphs(list: ListBlock, depth: number, instances: ListInstances, spaceAfterLast: number | undefined): Paragraph[] {
  const instance = instances.take();
  const level = Math.min(depth, MAX_LEVEL);
  const reference = listReference(list.ordered, level, list.start);
  const style = LIST_STYLE[list.ordered ? DECIMAL : BULLET];
  const out: Paragraph[] = [];
  list.items.forEach((item, i) => {
    const last = i === list.items.length - 1;
    out.push(
      new Paragraph({
        style,
        numbering: { reference, level, instance },
        children: textRuns(item.runs),
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

function blockParagraphs(block: Block, s: HouseStyle, instances: ListInstances, contentWidth: number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading': {
      const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1];
      return [new Paragraph({ heading, children: textRuns(block.runs) })];
    }
    case 'paragraph':
      return [new Paragraph({ children: textRuns(block.runs) })];
    case 'list':
      return listParagraphs(block, 0, instances, pt(s.paragraphSpacingPt));
    case 'table':
      return [docxTable(block, s, contentWidth), tableGap(s)];
  }
}

function headerParagraph(text: string, opts: { bold?: boolean; right?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: 'Header',
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: scriptRuns(text, { bold: !!opts.bold }),
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
 * "1 (3)": PAGE and NUMPAGES as fields with a result already in them. Word and LibreOffice
 * recalculate both on every page; a reader that does not (a preview, a converter) shows the result
 * instead of " ()". The header is one part shared by every page, so its PAGE result can only be 1.
 */
function pageNumberParagraph(pageCount: number): Paragraph {
  return new Paragraph({
    style: 'Header',
    alignment: AlignmentType.RIGHT,
    children: [new SimpleField('PAGE', '1'), new TextRun(' ('), new SimpleField('NUMPAGES', String(pageCount)), new TextRun(')')],
  });
}

/**
 * The ministry letterhead on every page: department (bold) and unit left; document type, ISO
 * date and diarienummer in the middle; "1 (3)" right. A borderless table keeps the three columns
 * apart however long the unit's name is.
 */
function letterhead(doc: MinutesDocument, contentWidth: number, pageCount: number): Header {
  const { department, unit, documentType, date, dnr } = doc.header;
  const widths = [0.5, 0.35, 0.15].map((f) => Math.floor(contentWidth * f)) as [number, number, number];
  const left = [headerParagraph(department, { bold: true }), headerParagraph(unit)];
  const middle = [documentType, date, dnr ? `Dnr ${dnr}` : ''].filter(Boolean).map((t) => headerParagraph(t));
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
          headerCell([pageNumberParagraph(pageCount)], widths[2]),
        ],
      }),
    ],
  });
  // Word needs a paragraph after a table; this one also keeps the body clear of the letterhead.
  return new Header({ children: [table, headerParagraph('')] });
}

const linkIn = (runs: readonly Run[]) => runs.some((r) => r.type === 'link');
function hasLinks(doc: MinutesDocument): boolean {
  const inList = (l: ListBlock): boolean => l.items.some((i) => linkIn(i.runs) || i.children.some(inList));
  return doc.blocks.some((b) =>
    b.type === 'list' ? inList(b) : b.type === 'table' ? b.rows.some((r) => r.cells.some((c) => linkIn(c.runs))) : linkIn(b.runs),
  );
}

export async function writeDocx(input: MinutesDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const created = createdTime(input);
  const doc = cleanDocument(input);
  const s = doc.style;
  const m = s.marginsMm;
  const contentWidth = A4.width - convertMillimetersToTwip(m.left) - convertMillimetersToTwip(m.right);
  const pageCount = Math.max(1, Math.round(options.pageCount ?? estimatePageCount(doc)));
  const instances = new ListInstances();
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: scriptRuns(doc.title) }),
    ...doc.blocks.flatMap((b) => blockParagraphs(b, s, instances, contentWidth)),
  ];
  const file = new Document({
    styles: styles(s),
    numbering: numbering(),
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
        headers: { default: letterhead(doc, contentWidth, pageCount) },
        children: body,
      },
    ],
  });
  // docx replaces its own docProps with ours, in place, so the zip keeps its order of parts.
  const parts = propertyParts(doc, created ?? new Date(), pageCount);
  const bytes = new Uint8Array(await Packer.toBuffer(file, false, parts));
  if (created) return pinDocxTimestamps(bytes, created);
  return hasLinks(doc) ? pinDocxHyperlinks(bytes) : bytes;
}
