import type { Run, TableBlock } from '../../../shared/document-model';
import type { Line, Typesetter } from './pdf-lines';
import { TABLE_STYLE, columnWidths } from './table-style';

/**
 * Tables of the PDF writer: a grid in the house look (table-style.ts), tagged Table > TR > TH|TD
 * with /Scope on header cells (Column in the header row, Row for a row header). Rows break across
 * pages: a row that fits on a page is moved whole to the next one, a taller row continues there
 * line by line, and the header row is drawn again at the top of each further page as a
 * pagination artifact (a screen reader reads it once, from the first page). Grid lines and the
 * header fill are layout artifacts.
 */

type PDF = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** What the table needs of the page layout (pdf-writer.ts). */
export type TableFrame = {
  pdf: PDF;
  t: Typesetter;
  size: number;
  /** Line advance at `size`. */
  lh: number;
  left: number;
  width: number;
  top: () => number;
  bottom: () => number;
  /** A new page, the layout's way. */
  newPage: () => void;
};

const MM = 72 / 25.4;
const PAD_X = TABLE_STYLE.paddingMm.x * MM;
const PAD_Y = TABLE_STYLE.paddingMm.y * MM;
const FILL = `#${TABLE_STYLE.headerFill}`;
const STROKE = `#${TABLE_STYLE.borderColor}`;

type LaidRow = { cells: Line[][]; lines: number; head: boolean; headers: boolean[] };

const bold = (runs: Run[]): Run[] => runs.map((r) => (r.type === 'break' ? r : { ...r, bold: true }));

export function drawTable(f: TableFrame, parent: Struct, table: TableBlock): void {
  const { pdf, t, size, lh } = f;
  const n = Math.max(1, ...table.rows.map((r) => r.cells.length));
  const runsOf = table.rows.map((row, r) =>
    Array.from({ length: n }, (_, c) => {
      const cell = row.cells[c];
      const header = (table.header && r === 0) || !!cell?.header;
      return { runs: header ? bold(cell?.runs ?? []) : (cell?.runs ?? []), header };
    }),
  );
  // Long words (addresses) may not claim more than 40 % of the width; they break inside instead.
  const measures = Array.from({ length: n }, (_, c) => {
    const m = runsOf.map((row) => t.measure(row[c]!.runs, size));
    const cap = f.width * 0.4;
    return { min: Math.min(cap, Math.max(0, ...m.map((x) => x.min))) + 2 * PAD_X, max: Math.max(0, ...m.map((x) => x.max)) + 2 * PAD_X };
  });
  const widths = columnWidths(measures, f.width, 12 * MM);
  const xs = widths.map((_, c) => f.left + widths.slice(0, c).reduce((a, b) => a + b, 0));
  const laid: LaidRow[] = runsOf.map((row, r) => {
    const cells = row.map((cell, c) => (cell.runs.length ? t.lines(cell.runs, size, widths[c]! - 2 * PAD_X) : []));
    return { cells, lines: Math.max(1, ...cells.map((l) => l.length)), head: table.header && r === 0, headers: row.map((c) => c.header) };
  });
  // A header row taller than a third of a page is not repeated: it would crowd out the rows.
  const first = laid[0]?.head ? laid[0] : null;
  const firstHeight = first ? first.lines * lh + 2 * PAD_Y : 0;
  const head = first && firstHeight <= (f.bottom() - f.top()) / 3 ? first : null;
  const headHeight = head ? firstHeight : 0;

  /** The grid of one slice of a row, and the header fill: layout artifacts, drawn before the text. */
  const grid = (y: number, height: number, filled: boolean): void => {
    pdf.markContent('Artifact', { type: 'Layout' });
    if (filled) pdf.save().rect(f.left, y, f.width, height).fill(FILL).restore();
    pdf.save().lineWidth(TABLE_STYLE.borderPt).strokeColor(STROKE);
    for (const [c, x] of xs.entries()) pdf.rect(x, y, widths[c]!, height).stroke();
    pdf.restore();
    pdf.endMarkedContent();
  };

  /** Lines [from, to) of every cell of a row at y; `tags` are the cells' elements, or null for the repeated header. */
  const slice = (row: LaidRow, from: number, to: number, y: number, tags: Struct[] | null): void => {
    grid(y, (to - from) * lh + 2 * PAD_Y, row.head);
    row.cells.forEach((lines, c) => {
      const inner = widths[c]! - 2 * PAD_X;
      if (!tags) pdf.markContent('Artifact', { type: 'Pagination' });
      lines.slice(from, to).forEach((line, k) => {
        const top = y + PAD_Y + k * lh + (lh - size * 1.2) / 2;
        const tag = tags ? { element: tags[c]!, type: row.headers[c] ? 'TH' : 'TD' } : null;
        t.draw(line, xs[c]! + PAD_X, top, size, line.rtl ? 'right' : 'left', inner, tag);
      });
      if (!tags) pdf.endMarkedContent();
      t.links.end();
    });
  };

  /** A new page, with the header row at its top again (not while the header row itself continues). */
  const nextPage = (row: LaidRow): void => {
    f.newPage();
    if (!head || row === head) return;
    slice(head, 0, head.lines, pdf.y, null);
    pdf.y += headHeight;
  };

  const element = pdf.struct('Table');
  parent.add(element);
  // The header and the first line of the first row start together.
  const start = firstHeight + lh + 2 * PAD_Y;
  if (pdf.y + start > f.bottom() && pdf.y > f.top()) f.newPage();
  laid.forEach((row) => {
    const tr = pdf.struct('TR');
    element.add(tr);
    const cells = row.headers.map((header) => {
      const scope = row.head ? 'Column' : 'Row';
      // pdfkit writes /A << /O /Table /Scope … >> for `scope`; its types do not know the option.
      const cell = pdf.struct(header ? 'TH' : 'TD', header ? ({ scope } as PDFKit.Mixins.StructureElementOptions) : {});
      tr.add(cell);
      return cell;
    });
    const pageRoom = f.bottom() - f.top() - (row.head ? 0 : headHeight);
    const height = row.lines * lh + 2 * PAD_Y;
    // A row that fits on a page is not split; the header row never continues alone at a page's foot.
    const pageTop = () => f.top() + (row.head ? 0 : headHeight) + 0.01;
    if (pdf.y + height > f.bottom() && height <= pageRoom && pdf.y > pageTop()) nextPage(row);
    for (let done = 0; done < row.lines;) {
      const fit = Math.floor((f.bottom() - pdf.y - 2 * PAD_Y + 0.01) / lh);
      if (fit < 1 && pdf.y > pageTop()) {
        nextPage(row);
        continue;
      }
      const take = Math.max(1, Math.min(fit, row.lines - done));
      slice(row, done, done + take, pdf.y, cells);
      pdf.y += take * lh + 2 * PAD_Y;
      done += take;
      if (done < row.lines) nextPage(row);
    }
    for (const cell of cells) cell.end();
    tr.end();
  });
  element.end();
}
