import type { Block, ListBlock, MinutesDocument, Run, TableBlock } from '../../../shared/document-model';
import { runsText } from '../../../shared/document-model';
import { HEADING_BEFORE_PT, LIST_INDENT } from './docx-styles';
import { TABLE_STYLE } from './table-style';

/**
 * How many pages Word will make of the document, for the cached NUMPAGES value: readers that do
 * not lay the document out (previews, converters, python-docx) show that number. Word and
 * LibreOffice recalculate it as soon as they open the file, so near is good enough.
 *
 * The estimate sets every paragraph in lines of average-width characters: a line holds the text
 * width (less the list indent) divided by the average Calibri character, each line is as tall as
 * the style's size times Calibri's line height and the house line spacing, and each paragraph adds
 * its spacing before and after. The total over the body height of a page (below the letterhead)
 * gives the pages. It ignores keep-with-next and widow control, so it may be a page off.
 * docx's own layout engine (docx/layout, Word's width tables) would be closer, but takes seconds on
 * a long list; the average width here is fitted to it: on the test models (1 to 14 pages of prose,
 * lists, headings, hostile text) both give the same count.
 */

const MM = 72 / 25.4; // points
const A4_PT = { width: 210 * MM, height: 297 * MM };
const AVG_CHAR_EM = 0.42; // Calibri over Swedish running text, spaces and the wrapped word included
const LINE_EM = 1.22; // Calibri's single line height
const BOLD_WIDEN = 1.05;
const LIST_INDENT_PT = LIST_INDENT / 20;

type Metrics = { sizePt: number; lineHeight: number; before: number; after: number; indent: number; bold: boolean };

function segments(runs: readonly Run[]): number[] {
  // Characters between line breaks; code points, so an emoji or an Arabic letter counts once.
  return runsText([...runs])
    .split('\n')
    .map((line) => [...line].length);
}

function paragraphHeight(runs: readonly Run[], p: Metrics, textWidth: number): number {
  const emWidth = p.sizePt * AVG_CHAR_EM * (p.bold ? BOLD_WIDEN : 1);
  const perLine = Math.max(1, Math.floor((textWidth - p.indent) / emWidth));
  const lines = segments(runs).reduce((sum, chars) => sum + Math.max(1, Math.ceil(chars / perLine)), 0);
  return lines * p.sizePt * LINE_EM * p.lineHeight + p.before + p.after;
}

export function estimatePageCount(doc: MinutesDocument): number {
  const s = doc.style;
  const m = s.marginsMm;
  const textWidth = A4_PT.width - (m.left + m.right) * MM;
  // The letterhead: department and unit, or type, date and dnr, plus the paragraph after the table.
  const middle = [doc.header.documentType, doc.header.date, doc.header.dnr].filter(Boolean).length;
  const letterhead = Math.min(10, m.top / 2) * MM + (Math.max(2, middle) + 1) * s.headerSizePt * LINE_EM;
  const bodyHeight = A4_PT.height - Math.max(m.top * MM, letterhead) - m.bottom * MM;
  const gap = s.paragraphSpacingPt;
  const body: Metrics = { sizePt: s.bodySizePt, lineHeight: s.lineHeight, before: 0, after: gap, indent: 0, bold: false };

  const listHeight = (list: ListBlock, depth: number): number =>
    list.items.reduce(
      (sum, item) =>
        sum +
        paragraphHeight(item.runs, { ...body, after: gap / 3, indent: LIST_INDENT_PT * (depth + 1) }, textWidth) +
        item.children.reduce((h, child) => h + listHeight(child, depth + 1), 0),
      0,
    );
  // A table as if its columns were equal: each row as tall as its fullest cell, plus padding and the gap after.
  const tableHeight = (table: TableBlock): number => {
    const columns = Math.max(1, ...table.rows.map((r) => r.cells.length));
    const cell: Metrics = { ...body, after: 0, before: 2 * TABLE_STYLE.paddingMm.y * MM };
    const width = textWidth / columns - 2 * TABLE_STYLE.paddingMm.x * MM;
    return table.rows.reduce((sum, row) => sum + Math.max(0, ...row.cells.map((c) => paragraphHeight(c.runs, cell, width))), gap);
  };
  const blockHeight = (block: Block): number => {
    if (block.type === 'list') return listHeight(block, 0) + (gap * 2) / 3;
    if (block.type === 'table') return tableHeight(block);
    if (block.type === 'paragraph') return paragraphHeight(block.runs, body, textWidth);
    const sizePt = s.headingSizesPt[block.level - 1] ?? s.bodySizePt;
    const before = HEADING_BEFORE_PT[block.level - 1] ?? 0;
    return paragraphHeight(block.runs, { ...body, sizePt, before, after: gap / 2, bold: true }, textWidth);
  };

  const title = paragraphHeight(
    [{ type: 'text', text: doc.title }],
    { ...body, sizePt: s.titleSizePt, after: gap * 1.5, bold: true },
    textWidth,
  );
  const total = doc.blocks.reduce((sum, block) => sum + blockHeight(block), title);
  return Math.max(1, Math.ceil(total / bodyHeight));
}
