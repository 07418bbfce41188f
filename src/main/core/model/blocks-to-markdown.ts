import type { SerializedLexicalNode } from 'lexical';
import type { Block, ListBlock, ListItem, Run } from '../../../shared/document-model';
import { markdownToBlocks } from '../import/markdown-to-lexical';
import { escapeLineStart, escapeText, fixBoundaries, mergeLine, VARIABLE, type Line, type Piece } from './markdown-inline';
import { tableMarkdown } from './markdown-table-out';

/**
 * Document-model blocks → Markdown that our own importer (markdownToBlocks) reads back to the same
 * blocks: templates keep carried-over text as Markdown, so a template made from minutes must give
 * the next minutes exactly that text. Text is escaped so that nothing in it becomes markup, and
 * `{{name}}` variables stay as written. Where Markdown cannot express a formatting boundary (a bold
 * run that ends in punctuation right before a letter), the punctuation's formatting gives way; if a
 * block still does not read back the same, it is written with less formatting (see `inline`):
 * formatting may be lost, words never.
 */

const BOLD = 1;
const ITALIC = 2;
const MARKERS: Record<number, string> = { [BOLD]: '**', [ITALIC]: '*' };

/** Runs → lines of pieces, the way the importer will see them: variables normalised, block edges trimmed. */
function toLines(runs: readonly Run[], oneLine: boolean): Line[] {
  const lines: Line[] = [[]];
  for (const r of runs) {
    if (r.type === 'break') {
      if (oneLine) lines[lines.length - 1]!.push({ text: ' ', fmt: 0 });
      else lines.push([]);
      continue;
    }
    const fmt = (r.bold ? BOLD : 0) | (r.italic ? ITALIC : 0);
    const url = r.type === 'link' ? { url: r.url } : {};
    const text = r.text.replace(VARIABLE, (_m, name: string) => `{{${name}}}`);
    text.split(/\r?\n/).forEach((part, i) => {
      if (i > 0 && !oneLine) lines.push([]);
      lines[lines.length - 1]!.push({ text: i > 0 && oneLine ? ` ${part}` : part, fmt, ...url });
    });
  }
  const merged = lines.map(mergeLine);
  // Whitespace and breaks at the edges of a block carry no meaning (the importer drops them).
  const blank = (l: Line) => l.every((p) => p.text.trim() === '');
  while (merged.length > 0 && blank(merged[0]!)) merged.shift();
  while (merged.length > 0 && blank(merged[merged.length - 1]!)) merged.pop();
  if (merged.length === 0) return [];
  merged[0] = trimStart(merged[0]!);
  merged[merged.length - 1] = trimStart([...merged[merged.length - 1]!].reverse(), true).reverse();
  return merged.map(fixBoundaries);
}

/** Drops leading whitespace (trailing, with atEnd, on a reversed line) across pieces. */
function trimStart(line: Line, atEnd = false): Line {
  const out = [...line];
  while (out.length > 0) {
    const p = out[0]!;
    const text = atEnd ? p.text.trimEnd() : p.text.trimStart();
    if (text !== '') {
      out[0] = { ...p, text };
      break;
    }
    out.shift();
  }
  return out;
}

/** How many pieces from i on carry a format bit: the longer one is opened first, so it encloses the other. */
function spanLength(line: Line, i: number, bit: number): number {
  let n = 0;
  while (line[i + n] && line[i + n]!.fmt & bit) n++;
  return n;
}

const markers = (bits: readonly number[]) => bits.map((bit) => MARKERS[bit]).join('');

/** A link's destination: in angle brackets, which any address safeLinkUrl gives may stand in. */
const destination = (url: string) => `](<${url}>)`;

function emitLine(line: Line, escapeStart: boolean): string {
  let out = '';
  const open: number[] = [];
  line.forEach((piece, i) => {
    const prevUrl = line[i - 1]?.url;
    // Emphasis does not cross a link's brackets: it closes before them and opens again inside.
    const stale = prevUrl !== piece.url ? 0 : open.findIndex((bit) => !(piece.fmt & bit));
    if (stale >= 0) out += markers(open.splice(stale).reverse());
    if (prevUrl !== undefined && prevUrl !== piece.url) out += destination(prevUrl);
    if (piece.url !== undefined && prevUrl !== piece.url) out += '[';
    const opening = [BOLD, ITALIC]
      .filter((bit) => piece.fmt & bit && !open.includes(bit))
      .sort((p, q) => spanLength(line, i, q) - spanLength(line, i, p));
    out += markers(opening);
    open.push(...opening);
    const text = escapeText(piece.text);
    out += escapeStart && out === '' ? escapeLineStart(text) : text;
  });
  const lastUrl = line[line.length - 1]?.url;
  return out + markers(open.reverse()) + (lastUrl !== undefined ? destination(lastUrl) : '');
}

const emitLines = (lines: Line[], escapeStart: boolean) => lines.map((l) => emitLine(l, escapeStart));

/** The inline content of the one block (or a list's first item) that a Markdown snippet reads as. */
function readBack(md: string): Line[] | null {
  const blocks = markdownToBlocks(md);
  if (blocks.length !== 1) return null;
  type Node = SerializedLexicalNode & { text?: string; name?: string; format?: number; url?: string; children?: Node[] };
  const block = blocks[0] as unknown as Node;
  const kids = (n: Node | undefined) => n?.children ?? [];
  // A list's first item, a table's first cell (the paragraph in it), or the block itself.
  const first = block.type === 'list' ? kids(block)[0] : block.type === 'table' ? kids(kids(kids(block)[0])[0])[0] : block;
  const lines: Line[] = [[]];
  const read = (nodes: Node[], url?: string): boolean => {
    for (const n of nodes) {
      const fmt = (n.format ?? 0) & (BOLD | ITALIC);
      const link = url === undefined ? {} : { url };
      if (n.type === 'linebreak') lines.push([]);
      else if (n.type === 'text') lines[lines.length - 1]!.push({ text: n.text ?? '', fmt, ...link });
      else if (n.type === 'variable') lines[lines.length - 1]!.push({ text: `{{${n.name ?? ''}}}`, fmt, ...link });
      else if (n.type === 'link' && url === undefined && typeof n.url === 'string') {
        if (!read(kids(n), n.url)) return false;
      } else if (n.type !== 'list') return false;
    }
    return true;
  };
  return read(kids(first)) ? lines.map(mergeLine) : null;
}

/**
 * Inline content as Markdown lines, checked by reading it back in its own context (`wrap` adds the
 * heading or list marker). Bold and italic that cross each other cannot always be written, so the
 * fallbacks keep bold only, then no formatting: the words always survive.
 */
export function inline(runs: readonly Run[], wrap: (lines: string[]) => string, oneLine = false): string[] {
  const lines = toLines(runs, oneLine);
  if (lines.length === 0) return [];
  let md: string[] = [];
  // The last resort writes a link's words and address as text: "regeringen.se (https://regeringen.se/)".
  const unlinked = lines.map((l) =>
    l.flatMap((p, i): Piece[] =>
      p.url && l[i + 1]?.url !== p.url
        ? [
            { text: p.text, fmt: 0 },
            { text: ` (${p.url})`, fmt: 0 },
          ]
        : [{ text: p.text, fmt: 0 }],
    ),
  );
  for (const [mask, source] of [
    [BOLD | ITALIC, lines],
    [BOLD, lines],
    [0, lines],
    [0, unlinked],
  ] as const) {
    const attempt = source.map((l) => fixBoundaries(l.map((p) => ({ ...p, fmt: p.fmt & mask }))));
    // A heading's text follows its "#"s, so nothing in it can start a block.
    md = emitLines(attempt, !oneLine);
    if (JSON.stringify(readBack(wrap(md))) === JSON.stringify(attempt)) break;
  }
  return md;
}

/** Lists of the same kind next to each other would merge; another bullet (or delimiter) keeps them apart. */
type Marker = { bullet: '-' | '*'; delimiter: '.' | ')' };
type PrevList = { ordered: boolean; marker: Marker } | undefined;

function markerAfter(prev: PrevList, list: ListBlock): Marker {
  if (!prev || prev.ordered !== list.ordered) return { bullet: '-', delimiter: '.' };
  return { bullet: prev.marker.bullet === '-' ? '*' : '-', delimiter: prev.marker.delimiter === '.' ? ')' : '.' };
}

/**
 * An item with no text but a nested list cannot be written so that it comes back: the importer
 * (as Lexical itself) hangs such a list under the item before. So it is written that way already.
 */
function foldEmptyItems(items: readonly ListItem[]): ListItem[] {
  const out: ListItem[] = [];
  for (const item of items) {
    out.push({ runs: item.runs, children: [...item.children] });
    for (let last = out[out.length - 1]!; out.length > 1 && toLines(last.runs, false).length === 0 && last.children.length > 0;) {
      out.pop();
      const prev = out[out.length - 1]!;
      prev.children.push(...last.children);
      last = prev;
    }
  }
  return out;
}

function listLines(list: ListBlock, marker: Marker, nested: boolean): string[] {
  const out: string[] = [];
  foldEmptyItems(list.items).forEach((item, n) => {
    const bullet = list.ordered ? `${n + 1}${marker.delimiter} ` : `${marker.bullet} `;
    const pad = ' '.repeat(bullet.length);
    const wrap = (lines: string[]) => bullet + lines.join(`\\\n${pad}`);
    const body = inline(item.runs, wrap);
    // An empty item may not interrupt a paragraph (its parent item's text): a space keeps it an item.
    const empty = nested && n === 0 ? `${bullet}&#32;` : bullet.trimEnd();
    out.push(...(body.length > 0 ? wrap(body).split('\n') : [empty]));
    let prev: PrevList;
    for (const child of item.children) {
      if (child.items.length === 0) continue;
      const m = markerAfter(prev, child);
      out.push(...listLines(child, m, true).map((l) => pad + l));
      prev = { ordered: child.ordered, marker: m };
    }
  });
  return out;
}

function headingMarkdown(level: number, runs: readonly Run[]): string {
  const hashes = '#'.repeat(level);
  // An ATX heading is one line, and trailing "#"s would be read as its closing sequence.
  const wrap = (lines: string[]) => `${hashes} ${lines.join(' ').replace(/#$/, '\\#')}`;
  const body = inline(runs, wrap, true);
  return body.length > 0 ? wrap(body) : '';
}

/** Blocks → Markdown: blocks a blank line apart, hard line breaks as a trailing backslash, no final newline. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  let prev: PrevList;
  for (const block of blocks) {
    if (block.type === 'list') {
      if (block.items.length === 0) continue;
      const marker = markerAfter(prev, block);
      out.push(listLines(block, marker, false).join('\n'));
      prev = { ordered: block.ordered, marker };
      continue;
    }
    if (block.type === 'table') {
      out.push(tableMarkdown(block, inline));
      prev = undefined;
      continue;
    }
    const wrap = (lines: string[]) => lines.join('\\\n');
    const md = block.type === 'heading' ? headingMarkdown(block.level, block.runs) : wrap(inline(block.runs, wrap));
    if (md === '') continue;
    out.push(md);
    prev = undefined;
  }
  return out.join('\n\n');
}
