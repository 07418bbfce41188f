import { boundRows } from '../document-model';
import { MAX_MARKUP_DEPTH } from '../limits';

/**
 * Tables in a paste (clean-paste.ts): a web page's or Word's table becomes a plain
 * <table><tr><th|td> that Lexical's TableNode imports, with each cell's paragraphs a <br> apart
 * (a cell holds text, not layout). The first row is the header row when it is in <thead>, is all
 * <th>, or, as Word writes a header row, every cell of it that has text is bold. Cells past
 * MAX_TABLE_COLUMNS join the row's last cell and very long tables are split (boundRows).
 */

type CopyInline = (node: Node, into: Element, depth: number) => void;

const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);
const CELL_BLOCKS =
  /^(P|DIV|H[1-6]|UL|OL|LI|DL|DT|DD|BLOCKQUOTE|PRE|TABLE|THEAD|TBODY|TFOOT|TR|TD|TH|SECTION|ARTICLE|FIGURE|FIGCAPTION|ADDRESS)$/;

const elements = (el: Element): Element[] => Array.from(el.children);
const hasBlocks = (n: Node | null): boolean => !!n && n.nodeType === 1 && elements(n as Element).some((c) => CELL_BLOCKS.test(c.tagName));

/** The table's rows in order, and whether the first is in <thead>; rows of nested tables are not its own. */
function rowsOf(table: Element): { rows: Element[]; thead: boolean } {
  const rows: Element[] = [];
  let thead = false;
  for (const part of elements(table)) {
    if (part.tagName === 'TR') rows.push(part);
    else if (SECTIONS.has(part.tagName)) {
      if (part.tagName === 'THEAD' && rows.length === 0) thead = true;
      rows.push(...elements(part).filter((r) => r.tagName === 'TR'));
    }
  }
  return { rows, thead };
}

/** Every word of the cell is inside a <b> of the cleaned copy. */
function allBold(cell: Element): boolean {
  const texts: Node[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3 && (n.textContent ?? '').trim()) texts.push(n);
    n.childNodes.forEach(walk);
  };
  walk(cell);
  return texts.every((t) => {
    for (let p = t.parentNode; p && p !== cell; p = p.parentNode) if ((p as Element).tagName === 'B') return true;
    return false;
  });
}

export function copyTable(table: Element, into: Element, out: Document, copyInline: CopyInline): void {
  /** A cell's content, blocks inside it a line break apart; nesting past MAX_MARKUP_DEPTH gives its text. */
  const copyCell = (node: Node, cell: Element, depth: number): void => {
    const el = node as Element;
    // The indentation between a cell's paragraphs is not text (a no-break space would be).
    if (node.nodeType === 3 && /^[ \t\n\r\f]*$/.test(node.textContent ?? '') && hasBlocks(node.parentNode)) return;
    if (node.nodeType !== 1 || !CELL_BLOCKS.test(el.tagName) || depth > MAX_MARKUP_DEPTH) {
      copyInline(node, cell, depth);
      return;
    }
    if ((cell.textContent ?? '').trim() && cell.lastChild?.nodeName !== 'BR') cell.appendChild(out.createElement('br'));
    el.childNodes.forEach((c) => copyCell(c, cell, depth + 1));
  };
  const { rows, thead } = rowsOf(table);
  const grid = rows.map((row) =>
    elements(row)
      .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
      .map((source) => {
        const cell = out.createElement('td');
        source.childNodes.forEach((c) => copyCell(c, cell, 1));
        while (cell.lastChild?.nodeName === 'BR') cell.removeChild(cell.lastChild);
        return { source, cell };
      }),
  );
  const first = grid[0] ?? [];
  const withText = first.filter((c) => (c.cell.textContent ?? '').trim());
  const header =
    first.length > 0 &&
    (thead ||
      first.every((c) => c.source.tagName === 'TH') ||
      (grid.length > 1 && withText.length > 0 && withText.every((c) => allBold(c.cell))));
  if (!grid.some((row) => row.some((c) => (c.cell.textContent ?? '').trim()))) return;
  const fold = (last: { cell: Element }, extra: { cell: Element }[]) => {
    for (const e of extra) {
      last.cell.appendChild(out.createTextNode(' | '));
      while (e.cell.firstChild) last.cell.appendChild(e.cell.firstChild);
    }
    return last;
  };
  for (const part of boundRows(grid, header, fold)) {
    const t = into.appendChild(out.createElement('table'));
    part.forEach((row, r) => {
      const tr = t.appendChild(out.createElement('tr'));
      for (const { cell } of row) {
        const target = tr.appendChild(out.createElement(header && r === 0 ? 'th' : 'td'));
        while (cell.firstChild) target.appendChild(cell.firstChild);
      }
    });
  }
}
