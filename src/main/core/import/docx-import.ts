import { DOMParser } from 'linkedom';
import mammoth from 'mammoth';
import type { SerializedListNode } from '@lexical/list';
import { MAX_INLINE_DEPTH, MAX_MARKUP_DEPTH } from '../../../shared/limits';
import type { Metadata } from '../../../shared/metadata';
import { findDateInText } from '../../../shared/swedish-format';
import { userError } from '../errors';
import { safeLinkUrl } from '../../../shared/document-model';
import {
  BOLD,
  ITALIC,
  heading,
  inlineNodes,
  list,
  paragraph,
  tables,
  textContent,
  type BlockNode,
  type CellEntry,
  type ListEntry,
  type Run,
} from './lexical-json';
import { readWordHeader } from './docx-header';
import { checkDocxZip } from './docx-zip';
import { looksLikeHeaderLine } from './plain-layout';

/**
 * Word (.docx) → Lexical block nodes: mammoth turns the document's semantic structure (styles,
 * numbering) into plain HTML, linkedom parses that without a browser, and we keep what Minnes can
 * show: paragraphs, headings, lists, tables (w:tbl; a w:tblHeader row as the header row), links
 * (w:hyperlink to a web or e-mail address), bold, italic and line breaks. Everything else gives its text.
 */

/** The only part of the DOM this walk needs; linkedom's nodes satisfy it. */
type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
};

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK_TAGS = new Set(
  'P H1 H2 H3 H4 H5 H6 UL OL LI TABLE THEAD TBODY TFOOT TR TD TH DIV BLOCKQUOTE PRE HR DL DT DD SECTION ARTICLE HEADER FOOTER FIGURE'.split(
    ' ',
  ),
);

const children = (n: DomNode): DomNode[] => Array.from(n.childNodes);
const isElement = (n: DomNode) => n.nodeType === ELEMENT_NODE;
const isBlock = (n: DomNode) => isElement(n) && BLOCK_TAGS.has(n.nodeName.toUpperCase());

/** The text of markup nested too deep to walk, a space apart where elements met (iteratively). */
function deepText(node: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) parts.push(n.textContent ?? '');
    else stack.push(...children(n).reverse());
  }
  return parts.join(' ').replace(/[ \t\n\r\f]+/g, ' ');
}

function inlineRuns(node: DomNode, format: number, depth = 0): Run[] {
  if (depth > MAX_INLINE_DEPTH) return [{ kind: 'text', text: deepText(node), format }];
  if (node.nodeType === TEXT_NODE) {
    // HTML whitespace collapses; no-break spaces are text and are kept.
    return [{ kind: 'text', text: (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' '), format }];
  }
  if (!isElement(node)) return [];
  const tag = node.nodeName.toUpperCase();
  if (tag === 'BR') return [{ kind: 'break' }];
  // Images carry no words we can trust (Word writes generated alt text); mammoth's "↑" links
  // back from footnotes are navigation, not text.
  if (tag === 'IMG') return [];
  if (tag === 'A' && (node.getAttribute?.('href') ?? '').startsWith('#') && node.textContent?.trim() === '↑') return [];
  const own = tag === 'STRONG' || tag === 'B' ? BOLD : tag === 'EM' || tag === 'I' ? ITALIC : 0;
  const runs: Run[] = [];
  for (const child of children(node)) {
    // A block inside inline content (a paragraph in a list item) starts on a new line.
    if (isBlock(child) && runs.length > 0) runs.push({ kind: 'break' });
    runs.push(...inlineRuns(child, format | own, depth + 1));
  }
  // Bookmarks (#anchors) and addresses safeLinkUrl refuses keep their words only.
  const url = tag === 'A' ? safeLinkUrl(node.getAttribute?.('href')) : null;
  return url ? runs.map((r) => (r.kind === 'text' ? { ...r, link: url } : r)) : runs;
}

const tagOf = (n: DomNode) => (isElement(n) ? n.nodeName.toUpperCase() : '');

/** mammoth's table → table nodes: rows from THEAD and TBODY alike, TH cells (a w:tblHeader row) the header row. */
function tableNodes(table: DomNode): BlockNode[] {
  const rows: DomNode[] = [];
  for (const part of children(table)) {
    if (tagOf(part) === 'TR') rows.push(part);
    else if (['THEAD', 'TBODY', 'TFOOT'].includes(tagOf(part))) rows.push(...children(part).filter((r) => tagOf(r) === 'TR'));
  }
  const grid = rows.map((row) =>
    children(row)
      .filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH')
      .map((c): CellEntry => ({ inline: inlineNodes(inlineRuns(c, 0)), header: tagOf(c) === 'TH' })),
  );
  const header = (grid[0]?.length ?? 0) > 0 && grid[0]!.every((c) => c.header);
  const cells = grid.map((row, r) => row.map((c) => ({ ...c, header: header && r === 0 })));
  return cells.some((row) => row.some((c) => c.inline.length > 0)) ? tables(cells, header) : [];
}

function listNode(el: DomNode): SerializedListNode {
  const ordered = el.nodeName.toUpperCase() === 'OL';
  const start = Number.parseInt(el.getAttribute?.('start') ?? '', 10);
  const entries: ListEntry[] = [];
  for (const item of children(el)) {
    if (!isElement(item)) continue;
    const runs: Run[] = [];
    const nested: SerializedListNode[] = [];
    const parts = item.nodeName.toUpperCase() === 'LI' ? children(item) : [item];
    for (const part of parts) {
      const tag = isElement(part) ? part.nodeName.toUpperCase() : '';
      if (tag === 'UL' || tag === 'OL') nested.push(listNode(part));
      else {
        if (isBlock(part) && runs.length > 0) runs.push({ kind: 'break' });
        runs.push(...inlineRuns(part, 0));
      }
    }
    entries.push({ inline: inlineNodes(runs), nested });
  }
  return list(ordered, Number.isFinite(start) ? start : 1, entries);
}

function blockNodes(nodes: readonly DomNode[], depth = 0): BlockNode[] {
  const out: BlockNode[] = [];
  if (depth > MAX_MARKUP_DEPTH) {
    const inline = inlineNodes(nodes.map((n) => ({ kind: 'text', text: deepText(n), format: 0 }) as const));
    return inline.length > 0 ? [paragraph(inline)] : [];
  }
  let pending: Run[] = [];
  // Loose inline content between blocks (mammoth's bookmark anchors, stray text) forms a paragraph.
  const flush = () => {
    const inline = inlineNodes(pending);
    if (inline.length > 0) out.push(paragraph(inline));
    pending = [];
  };
  for (const node of nodes) {
    if (!isBlock(node)) {
      pending.push(...inlineRuns(node, 0));
      continue;
    }
    flush();
    const tag = node.nodeName.toUpperCase();
    const level = /^H([1-6])$/.exec(tag)?.[1];
    if (level) {
      const inline = inlineNodes(inlineRuns(node, 0));
      if (inline.length > 0) out.push(heading(level === '1' ? 'h1' : level === '2' ? 'h2' : 'h3', inline));
    } else if (tag === 'UL' || tag === 'OL') {
      out.push(listNode(node));
    } else if (tag === 'TABLE') {
      out.push(...tableNodes(node));
    } else if (tag === 'P' || tag === 'PRE' || !children(node).some(isBlock)) {
      const inline = inlineNodes(inlineRuns(node, 0));
      if (inline.length > 0) out.push(paragraph(inline));
    } else {
      // Tables, quotes and other containers: their blocks, in order.
      out.push(...blockNodes(children(node), depth + 1));
    }
  }
  flush();
  return out;
}

/** mammoth's HTML → block nodes. */
export function htmlToBlocks(html: string): BlockNode[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  return blockNodes(children(doc.body as unknown as DomNode));
}

const MINISTRY = /(departementet|Regeringskansliet|Statsrådsberedningen)$/i;

/**
 * The reference layout in Word: the ministry and the unit as two short paragraphs, then the title.
 * Recognised when the first line names a ministry, or when two short non-sentence lines are followed
 * by a longer paragraph; otherwise the document is left as it is.
 */
export function splitDocxHeader(blocks: readonly BlockNode[]): { metadata: Partial<Metadata>; blocks: BlockNode[] } {
  const [first, second, third] = blocks;
  const lineOf = (b: BlockNode | undefined) =>
    b && b.type === 'paragraph' && !b.children.some((c) => c.type === 'linebreak') ? textContent(b).trim() : undefined;
  const department = lineOf(first);
  const unit = lineOf(second);
  const title = third && third.type !== 'list' ? textContent(third).replace(/\s+/g, ' ').trim() : '';
  if (!looksLikeHeaderLine(department) || !looksLikeHeaderLine(unit) || title === '' || title.length > 500) {
    return { metadata: {}, blocks: [...blocks] };
  }
  if (!MINISTRY.test(department) && title.length <= Math.max(department.length, unit.length)) {
    return { metadata: {}, blocks: [...blocks] };
  }
  const metadata: Partial<Metadata> = { department, unit, title };
  const date = findDateInText(title);
  if (date) metadata.date = date;
  return { metadata, blocks: blocks.slice(3) };
}

/** A .docx file → its metadata header (when it has the reference layout) and body blocks. */
export async function docxToBlocks(buffer: Buffer): Promise<{ metadata: Partial<Metadata>; blocks: BlockNode[] }> {
  await checkDocxZip(buffer);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        // Images are dropped here rather than inlined as base64 only to be thrown away.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        styleMap: ["p[style-name='Title'] => h1.minnes-title:fresh", "p[style-name='Subtitle'] => p:fresh"],
      },
    );
    html = result.value;
  } catch {
    throw userError('invalid_docx', 'errors.import.invalidDocx');
  }
  const header = readWordHeader(buffer);
  const titled = takeTitle(html);
  if (titled.title) {
    const blocks = htmlToBlocks(titled.rest);
    const metadata: Partial<Metadata> = { ...header, title: titled.title };
    const date = header.date ?? findDateInText(titled.title);
    if (date) metadata.date = date;
    return { metadata, blocks };
  }
  const split = splitDocxHeader(htmlToBlocks(html));
  return { metadata: { ...header, ...split.metadata }, blocks: split.blocks };
}

/** A leading paragraph in Word's Title style is the document title, not body text. */
function takeTitle(html: string): { title: string; rest: string } {
  const m = /^\s*<h1 class="minnes-title">([\s\S]*?)<\/h1>/.exec(html);
  if (!m) return { title: '', rest: html.replace(/<h1 class="minnes-title">/g, '<h1>') };
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${m[1] ?? ''}</body></html>`, 'text/html');
  return {
    title: (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim(),
    rest: html.slice(m[0].length).replace(/<h1 class="minnes-title">/g, '<h1>'),
  };
}
