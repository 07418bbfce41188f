import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { runsText, type TableBlock } from '../../../shared/document-model';
import type { HouseStyle } from '../../../shared/house-style';
import { textRuns } from './docx-runs';
import { TABLE_HEADING, TABLE_TEXT, pt } from './docx-styles';
import { TABLE_STYLE, columnWidths, type ColumnMeasure } from './table-style';

/**
 * A table of the DOCX writer: a real w:tbl in the house look (table-style.ts), the header row
 * marked w:tblHeader so Word and LibreOffice repeat it at the top of every page the table spans,
 * and rows that may break across pages. Cell text is in the Table Text paragraph style (no space
 * after, so rows stay tight); header cells are in Table Heading (bold), the header row on a grey fill.
 */

const AVG_CHAR_EM = 0.45; // as docx-page-estimate: Calibri over Swedish text, a little wider for short cells

/** Columns measured in characters at the body size, in twips: the longest word and the longest line. */
function measure(table: TableBlock, s: HouseStyle, padding: number): ColumnMeasure[] {
  const width = Math.max(...table.rows.map((r) => r.cells.length));
  const charTwips = s.bodySizePt * AVG_CHAR_EM * 20;
  return Array.from({ length: width }, (_, c) => {
    let min = 0;
    let max = 0;
    for (const row of table.rows) {
      const lines = runsText(row.cells[c]?.runs ?? []).split('\n');
      for (const line of lines) {
        max = Math.max(max, [...line].length);
        for (const word of line.split(/\s+/)) min = Math.max(min, [...word].length);
      }
    }
    return { min: Math.min(min, 30) * charTwips + 2 * padding, max: max * charTwips + 2 * padding };
  });
}

export function docxTable(table: TableBlock, s: HouseStyle, contentWidth: number): Table {
  const padX = convertMillimetersToTwip(TABLE_STYLE.paddingMm.x);
  const padY = convertMillimetersToTwip(TABLE_STYLE.paddingMm.y);
  const widths = columnWidths(measure(table, s, padX), contentWidth, 600).map(Math.floor);
  const line = { style: BorderStyle.SINGLE, size: TABLE_STYLE.borderPt * 8, color: TABLE_STYLE.borderColor };
  const rows = table.rows.map((row, r) => {
    const head = table.header && r === 0;
    return new TableRow({
      ...(head ? { tableHeader: true } : {}),
      children: widths.map((width, c) => {
        const cell = row.cells[c];
        const style = head || cell?.header ? TABLE_HEADING : TABLE_TEXT;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          margins: { top: padY, bottom: padY, left: padX, right: padX },
          ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: TABLE_STYLE.headerFill } } : {}),
          children: [new Paragraph({ style, children: textRuns(cell?.runs ?? []) })],
        });
      }),
    });
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  });
}

/**
 * The gap after a table, as after a paragraph. Word also needs a paragraph between two tables,
 * or it joins them into one.
 */
export function tableGap(s: HouseStyle): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: pt(s.paragraphSpacingPt), lineRule: LineRuleType.EXACT }, children: [] });
}
