import {
  boundTable,
  safeLinkUrl,
  type Block,
  type ListBlock,
  type MinutesDocument,
  type MinutesHeader,
  type Run,
  type TableBlock,
} from '../../../shared/document-model';

/**
 * Text cleaning shared by the DOCX and PDF writers. Text typed or pasted into the editor may hold
 * characters that XML 1.0 forbids (a DOCX with one of them will not open in Word) or that no font
 * can draw; they are removed here once, so both writers see the same words. The same goes for
 * what a template leaves empty (a "- " bullet, a blank paragraph) and for heading levels: both
 * writers print and tag exactly the blocks and levels this returns.
 */

// C0 controls other than tab and newline, DEL and the C1 controls: invisible, and C0 is illegal in XML.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Surrogate halves without their partner: not characters at all, so never valid XML.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NONCHARACTERS = /[\uFFFE\uFFFF]/g;

/** Removes characters illegal in XML; keeps tab and newline (CR and Unicode separators become newline). */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROLS, '')
    .replace(LONE_SURROGATES, '')
    .replace(NONCHARACTERS, '')
    .normalize('NFC');
}

/** A one-line field (header, title, properties): whitespace of any kind collapses to single spaces. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Cleans the runs of one paragraph: newlines inside text become break runs (writers render breaks,
 * not raw newlines), tabs become spaces, empty text runs go, and adjacent runs with the same
 * formatting (and link) merge so a writer emits as few runs as possible. A link whose address
 * safeLinkUrl refuses is plain text here, whoever built the model: no writer ever sees one.
 */
export function cleanRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  const push = (run: Run): void => {
    const last = out[out.length - 1];
    const same =
      run.type !== 'break' &&
      last !== undefined &&
      last.type === run.type &&
      !!last.bold === !!run.bold &&
      !!last.italic === !!run.italic &&
      (last.type !== 'link' || (run.type === 'link' && last.url === run.url));
    if (same) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  };
  for (const run of runs) {
    if (run.type === 'break') {
      push(run);
      continue;
    }
    const url = run.type === 'link' ? safeLinkUrl(run.url) : null;
    const parts = cleanText(run.text).replace(/\t/g, ' ').split('\n');
    parts.forEach((part, i) => {
      if (i > 0) push({ type: 'break' });
      if (!part) return;
      const format = { bold: !!run.bold, italic: !!run.italic };
      push(url ? { type: 'link', url, text: part, ...format } : { type: 'text', text: part, ...format });
    });
  }
  return out;
}

/** Runs with nothing visible: a template's empty bullet ("- ") or a paragraph of spaces and breaks. */
export function isBlankRuns(runs: Run[]): boolean {
  return runs.every((r) => r.type === 'break' || r.text.trim() === '');
}

/**
 * A table with every row as wide as the widest, rows with nothing in them gone (the header row
 * stays while it has a word), and within the limits; no table at all when it holds no words.
 */
function cleanTable(table: TableBlock): TableBlock[] {
  const rows = table.rows.map((row) => ({
    cells: row.cells.map((c) => ({ runs: trimBreaks(cleanRuns(c.runs)), ...(c.header ? { header: true } : {}) })),
  }));
  const filled = (r: (typeof rows)[number]) => r.cells.some((c) => !isBlankRuns(c.runs));
  const header = table.header && rows[0] !== undefined && filled(rows[0]);
  const kept = rows.filter((r, i) => filled(r) || (header && i === 0));
  if (kept.length === 0) return [];
  const width = Math.max(1, ...kept.map((r) => r.cells.length));
  const padded = kept.map((r, i) => ({
    cells: [
      ...r.cells,
      ...Array.from({ length: width - r.cells.length }, () => (header && i === 0 ? { runs: [], header: true } : { runs: [] })),
    ],
  }));
  return boundTable({ type: 'table', header, rows: padded });
}

/** Breaks at the start or end of a paragraph print as empty lines; only those between words count. */
function trimBreaks(runs: Run[]): Run[] {
  let start = 0;
  let end = runs.length;
  while (start < end && runs[start]?.type === 'break') start++;
  while (end > start && runs[end - 1]?.type === 'break') end--;
  return runs.slice(start, end);
}

/** A list without the empty items a template leaves behind; nested lists of an empty item move up. */
function cleanList(list: ListBlock): ListBlock {
  const items: ListBlock['items'] = [];
  for (const item of list.items) {
    const runs = trimBreaks(cleanRuns(item.runs));
    const children = item.children.map(cleanList).filter((l) => l.items.length > 0);
    if (!isBlankRuns(runs)) items.push({ runs, children });
    else if (children.length > 0 && items.length > 0) items[items.length - 1]!.children.push(...children);
    else if (children.length > 0) items.push({ runs, children });
  }
  const start = list.ordered && list.start !== undefined && list.start > 1 ? Math.min(Math.floor(list.start), 1_000_000) : undefined;
  return { type: 'list', ordered: list.ordered, ...(start ? { start } : {}), items };
}

function cleanBlock(block: Block): Block[] {
  if (block.type === 'list') {
    const list = cleanList(block);
    return list.items.length > 0 ? [list] : [];
  }
  if (block.type === 'table') return cleanTable(block);
  const runs = trimBreaks(cleanRuns(block.runs));
  return isBlankRuns(runs) ? [] : [{ ...block, runs }];
}

/**
 * Heading levels without gaps, counted from the title: a file whose first heading is "##" or
 * that jumps from "#" to "###" would otherwise give H1 → H3 to a screen reader and a Navigator
 * that skips a level. Each heading is one level below the nearest preceding heading of a higher
 * original level, so the structure's shape is kept while the numbers close up.
 */
export function contiguousHeadings(blocks: Block[]): Block[] {
  const stack: number[] = [];
  return blocks.map((b) => {
    if (b.type !== 'heading') return b;
    while (stack.length > 0 && (stack[stack.length - 1] ?? 0) >= b.level) stack.pop();
    stack.push(b.level);
    const level = Math.min(3, stack.length) as 1 | 2 | 3;
    return level === b.level ? b : { ...b, level };
  });
}

function cleanHeader(h: MinutesHeader): MinutesHeader {
  return {
    department: cleanLine(h.department),
    unit: cleanLine(h.unit),
    documentType: cleanLine(h.documentType),
    date: cleanLine(h.date),
    dnr: cleanLine(h.dnr),
  };
}

/** The whole model with every string cleaned; the writers start from this. */
export function cleanDocument(doc: MinutesDocument): MinutesDocument {
  const { subject, author, keywords } = doc.properties;
  return {
    header: cleanHeader(doc.header),
    title: cleanLine(doc.title),
    blocks: contiguousHeadings(doc.blocks.flatMap(cleanBlock)),
    properties: {
      subject: cleanLine(subject),
      author: cleanLine(author),
      language: 'sv-SE',
      ...(keywords === undefined ? {} : { keywords: cleanLine(keywords) }),
    },
    style: doc.style,
  };
}

/** Author of the document properties: the unit, as the model says, whichever field holds it. */
export function documentAuthor(doc: MinutesDocument): string {
  return doc.properties.author || doc.header.unit || doc.header.department;
}
