import { $computeTableMapSkipCellCheck, $isTableRowNode, TableCellHeaderStates, type TableCellNode, type TableNode } from '@lexical/table';
import type { LexicalNode } from 'lexical';
import { boundTable, type Run, type TableBlock, type TableRow } from '../../../shared/document-model';

/**
 * A Lexical table → document-model tables. Merged cells are unmerged into the grid (the merged
 * cell's words in its first position, the rest empty), so every row has as many cells as the
 * table has columns. The first row is a header row when all its cells are header cells (Lexical's
 * ROW state, as a pasted <th> row or the editor's "header row" gives); a header cell elsewhere is a
 * row header. A table without a word in it is no block at all; a large one is bounded (boundTable).
 */
export function tableBlocks(table: TableNode, cellRuns: (children: LexicalNode[]) => Run[]): TableBlock[] {
  const [map] = $computeTableMapSkipCellCheck(table, null, null);
  const rowCount = table.getChildren().filter($isTableRowNode).length;
  const width = Math.max(0, ...map.map((row) => row.length));
  const rows: TableRow[] = [];
  const headerRowCells: boolean[] = [];
  for (let r = 0; r < Math.min(rowCount, map.length); r++) {
    const grid = map[r] ?? [];
    const cells = Array.from({ length: width }, (_, c) => {
      const at = grid[c];
      const own = at && at.startRow === r && at.startColumn === c ? at.cell : null;
      const header = at ? isHeader(at.cell, r) : false;
      if (r === 0) headerRowCells.push(at ? at.cell.hasHeaderState(TableCellHeaderStates.ROW) : false);
      return { runs: own ? cellRuns(own.getChildren()) : [], ...(header ? { header } : {}) };
    });
    rows.push({ cells });
  }
  if (rows.length === 0 || rows.every((row) => row.cells.every((c) => c.runs.every((run) => run.type !== 'break' && !run.text.trim()))))
    return [];
  const header = headerRowCells.length > 0 && headerRowCells.every(Boolean);
  // Header cells of a header row are the header row's business: only row headers keep the flag elsewhere.
  const shaped = rows.map((row, r) => (r === 0 && header ? { cells: row.cells.map((c) => ({ ...c, header: true })) } : row));
  return boundTable({ type: 'table', header, rows: shaped });
}

function isHeader(cell: TableCellNode, row: number): boolean {
  if (row === 0) return cell.hasHeaderState(TableCellHeaderStates.ROW);
  return cell.hasHeaderState(TableCellHeaderStates.COLUMN) || cell.hasHeaderState(TableCellHeaderStates.ROW);
}
