import type { Run, TableBlock } from '../../../shared/document-model';

/** Inline content as checked Markdown lines (blocks-to-markdown.ts `inline`), passed in to keep the modules apart. */
type Inline = (runs: readonly Run[], wrap: (lines: string[]) => string) => string[];

/**
 * A table as a GFM table: `| a | b |`, a separator row, the rows. A line break in a cell is
 * `<br>` (which the importer reads as one), pipes in the text are escaped by the inline writer.
 * A table without a header row gets an empty one, which the importer reads as none. Each cell is
 * checked by reading it back as the one cell of a table, as `inline` checks every block.
 */
export function tableMarkdown(table: TableBlock, inline: Inline): string {
  const width = Math.max(1, ...table.rows.map((r) => r.cells.length));
  const wrapCell = (lines: string[]) => `| ${lines.join('<br>')} |\n| --- |`;
  const cell = (runs: readonly Run[]) => inline(runs, wrapCell).join('<br>');
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const body = table.header ? table.rows.slice(1) : table.rows;
  const head = table.header ? (table.rows[0]?.cells.map((c) => cell(c.runs)) ?? []) : [];
  const pad = (cells: string[]) => [...cells, ...Array.from({ length: width - cells.length }, () => '')];
  return [
    line(pad(head)),
    line(Array.from({ length: width }, () => '---')),
    ...body.map((row) => line(pad(row.cells.map((c) => cell(c.runs))))),
  ].join('\n');
}
