import type { SerializedLexicalNode } from 'lexical';
import type { Block, ListBlock, ListItem, Run } from '../../../shared/document-model';
import { VARIABLE_PATTERN } from '../../../shared/variables';
import { markdownToBlocks } from '../import/markdown-to-lexical';

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

type Piece = { text: string; fmt: number };
type Line = Piece[];

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);
const VARIABLE = new RegExp(VARIABLE_PATTERN.source, 'gu');
const EDGE_VARIABLE_START = /^\{\{[\p{L}\p{N}_-]+\}\}/u;
const EDGE_VARIABLE_END = /\{\{[\p{L}\p{N}_-]+\}\}$/u;

/** The character (or whole variable, which must not be split) at one end of a text. */
function edge(text: string, atEnd: boolean): string {
  const variable = (atEnd ? EDGE_VARIABLE_END : EDGE_VARIABLE_START).exec(text)?.[0];
  if (variable) return variable;
  const chars = Array.from(text);
  return (atEnd ? chars[chars.length - 1] : chars[0]) ?? '';
}

function mergeLine(line: Line): Line {
  const out: Line = [];
  for (const p of line) {
    const prev = out[out.length - 1];
    if (p.text === '') continue;
    if (prev && prev.fmt === p.fmt) out[out.length - 1] = { ...prev, text: prev.text + p.text };
    else out.push(p);
  }
  return out;
}

/**
 * CommonMark's flanking rules: `*` closes only after a non-space that is not punctuation (or
 * punctuation followed by space/punctuation), and opens likewise mirrored. When a boundary breaks
 * them, the offending character moves to the formatting both sides share.
 */
function fixBoundaries(input: Line): Line {
  let line = mergeLine(input);
  for (let guard = 0; guard < 10_000; guard++) {
    let changed = false;
    for (let i = 0; i <= line.length && !changed; i++) {
      const left = line[i - 1];
      const right = line[i];
      const a = left?.fmt ?? 0;
      const b = right?.fmt ?? 0;
      if (a === b) continue;
      const x = left ? edge(left.text, true) : undefined;
      const y = right ? edge(right.text, false) : undefined;
      const xc = x === undefined ? undefined : Array.from(x).pop();
      const yc = y === undefined ? undefined : Array.from(y)[0];
      const canClose = !isSpace(xc) && (!isPunct(xc) || isSpace(yc) || isPunct(yc));
      const canOpen = !isSpace(yc) && (!isPunct(yc) || isSpace(xc) || isPunct(xc));
      if (a & ~b && !canClose && left && x !== undefined) {
        line = [...line.slice(0, i - 1), { ...left, text: left.text.slice(0, -x.length) }, { text: x, fmt: a & b }, ...line.slice(i)];
        changed = true;
      } else if (b & ~a && !canOpen && right && y !== undefined) {
        line = [...line.slice(0, i), { text: y, fmt: a & b }, { ...right, text: right.text.slice(y.length) }, ...line.slice(i + 1)];
        changed = true;
      }
    }
    if (!changed) return line;
    line = mergeLine(line);
  }
  return line;
}

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
    const text = r.text.replace(VARIABLE, (_m, name: string) => `{{${name}}}`);
    text.split(/\r?\n/).forEach((part, i) => {
      if (i > 0 && !oneLine) lines.push([]);
      lines[lines.length - 1]!.push({ text: i > 0 && oneLine ? ` ${part}` : part, fmt });
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

/** Backslash-escapes what Markdown would read as markup; variables stay literal. */
function escapeText(text: string): string {
  let out = '';
  let last = 0;
  const plain = (s: string) =>
    s
      .replace(/[\\*_`[\]<~|]/g, '\\$&')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      // GFM autolinks would swallow our escapes into the link text; an escaped ":" or "." stops them.
      .replace(/(https?|ftp):\/\//gi, '$1\\://')
      .replace(/(www)\./gi, '$1\\.');
  for (const m of text.matchAll(VARIABLE)) {
    out += plain(text.slice(last, m.index));
    out += m[0].includes('_') ? m[0].replace(/_/g, '\\_') : m[0];
    last = m.index + m[0].length;
  }
  return out + plain(text.slice(last));
}

/** At the start of a line: leading spaces would be stripped, and `#`, `-`, `1.` … would start a block. */
function escapeLineStart(md: string): string {
  const lead = /^[ \t]+/.exec(md)?.[0] ?? '';
  if (lead) return lead.replace(/ /g, '&#32;').replace(/\t/g, '&#9;') + md.slice(lead.length);
  if (/^[#>+=-]/.test(md)) return `\\${md}`;
  return md.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** How many pieces from i on carry a format bit: the longer one is opened first, so it encloses the other. */
function spanLength(line: Line, i: number, bit: number): number {
  let n = 0;
  while (line[i + n] && line[i + n]!.fmt & bit) n++;
  return n;
}

const markers = (bits: readonly number[]) => bits.map((bit) => MARKERS[bit]).join('');

function emitLine(line: Line, escapeStart: boolean): string {
  let out = '';
  const open: number[] = [];
  line.forEach((piece, i) => {
    const stale = open.findIndex((bit) => !(piece.fmt & bit));
    if (stale >= 0) out += markers(open.splice(stale).reverse());
    const opening = [BOLD, ITALIC]
      .filter((bit) => piece.fmt & bit && !open.includes(bit))
      .sort((p, q) => spanLength(line, i, q) - spanLength(line, i, p));
    out += markers(opening);
    open.push(...opening);
    const text = escapeText(piece.text);
    out += escapeStart && out === '' ? escapeLineStart(text) : text;
  });
  return out + markers(open.reverse());
}

const emitLines = (lines: Line[], escapeStart: boolean) => lines.map((l) => emitLine(l, escapeStart));

/** The inline content of the one block (or a list's first item) that a Markdown snippet reads as. */
function readBack(md: string): Line[] | null {
  const blocks = markdownToBlocks(md);
  if (blocks.length !== 1) return null;
  const block = blocks[0]!;
  const first = block.type === 'list' ? block.children[0] : block;
  const children = (first as { children?: SerializedLexicalNode[] } | undefined)?.children ?? [];
  const lines: Line[] = [[]];
  for (const node of children) {
    const n = node as SerializedLexicalNode & { text?: string; name?: string; format?: number };
    if (n.type === 'linebreak') lines.push([]);
    else if (n.type === 'text') lines[lines.length - 1]!.push({ text: n.text ?? '', fmt: (n.format ?? 0) & (BOLD | ITALIC) });
    else if (n.type === 'variable') lines[lines.length - 1]!.push({ text: `{{${n.name ?? ''}}}`, fmt: (n.format ?? 0) & (BOLD | ITALIC) });
    else if (n.type !== 'list') return null;
  }
  return lines.map(mergeLine);
}

/**
 * Inline content as Markdown lines, checked by reading it back in its own context (`wrap` adds the
 * heading or list marker). Bold and italic that cross each other cannot always be written, so the
 * fallbacks keep bold only, then no formatting: the words always survive.
 */
function inline(runs: readonly Run[], wrap: (lines: string[]) => string, oneLine = false): string[] {
  const lines = toLines(runs, oneLine);
  if (lines.length === 0) return [];
  let md: string[] = [];
  for (const mask of [BOLD | ITALIC, BOLD, 0]) {
    const attempt = lines.map((l) => fixBoundaries(l.map((p) => ({ ...p, fmt: p.fmt & mask }))));
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
    const wrap = (lines: string[]) => lines.join('\\\n');
    const md = block.type === 'heading' ? headingMarkdown(block.level, block.runs) : wrap(inline(block.runs, wrap));
    if (md === '') continue;
    out.push(md);
    prev = undefined;
  }
  return out.join('\n\n');
}
