import type { SerializedLinkNode } from '@lexical/link';
import type { SerializedListItemNode, SerializedListNode } from '@lexical/list';
import type { SerializedTableCellNode, SerializedTableNode, SerializedTableRowNode } from '@lexical/table';
import type { SerializedHeadingNode } from '@lexical/rich-text';
import type { SerializedEditorState, SerializedLexicalNode, SerializedParagraphNode, SerializedTextNode } from 'lexical';
import { emptyEditorState } from '../../../shared/content';
import { boundRows } from '../../../shared/document-model';
import type { SerializedVariableNode } from '../../../shared/lexical/variable-node';
import { VARIABLE_PATTERN } from '../../../shared/variables';

/**
 * Builders for Lexical's serialized JSON (v0.52), shared by the Markdown and Word importers so both
 * produce exactly the shapes the editor itself writes. Plain data in, plain data out: no editor.
 */

export const BOLD = 1;
export const ITALIC = 2;

/**
 * What an importer collects inside a block before it becomes Lexical nodes. `link`: the address
 * of the link the text is part of, already one safeLinkUrl accepted (importers check it).
 */
export type Run = { kind: 'text'; text: string; format: number; link?: string } | { kind: 'break' };

export type BlockNode = SerializedParagraphNode | SerializedHeadingNode | SerializedListNode | SerializedTableNode;
export type HeadingTag = 'h1' | 'h2' | 'h3';

/** A list item as the importers see it: its own text and any lists nested under it. */
export type ListEntry = { inline: SerializedLexicalNode[]; nested: SerializedListNode[] };

const elementFields = { version: 1, direction: null, format: '', indent: 0 } as const;

function textNode(text: string, format: number): SerializedTextNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

/** Splits "{{name}}" out of a text run into variable nodes that keep the run's bold/italic. */
function splitVariables(text: string, format: number): SerializedLexicalNode[] {
  const out: SerializedLexicalNode[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(VARIABLE_PATTERN.source, 'gu'))) {
    if (m.index > last) out.push(textNode(text.slice(last, m.index), format));
    const variable: SerializedVariableNode = { type: 'variable', version: 1, name: m[1] ?? '', format };
    out.push(variable);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(textNode(text.slice(last), format));
  return out;
}

/**
 * Runs → inline nodes. Neighbouring runs with the same format are joined first, because parsers
 * cut text at arbitrary points (escapes, entities) and a "{{name}}" may straddle such a cut.
 * Breaks at the very start or end of a block carry no meaning and are dropped.
 */
export function inlineNodes(runs: readonly Run[]): SerializedLexicalNode[] {
  const merged: Run[] = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (r.kind === 'text' && r.text === '') continue;
    if (r.kind === 'text' && prev?.kind === 'text' && prev.format === r.format && prev.link === r.link) {
      merged[merged.length - 1] = { ...prev, text: prev.text + r.text };
    } else merged.push(r);
  }
  while (merged[0]?.kind === 'break') merged.shift();
  while (merged[merged.length - 1]?.kind === 'break') merged.pop();
  const first = merged[0];
  if (first?.kind === 'text') merged[0] = { ...first, text: first.text.trimStart() };
  const lastRun = merged[merged.length - 1];
  if (lastRun?.kind === 'text') merged[merged.length - 1] = { ...lastRun, text: lastRun.text.trimEnd() };
  // Neighbouring runs of one link (bold and plain words of it) become one link node.
  const out: SerializedLexicalNode[] = [];
  let open: SerializedLinkNode | null = null;
  for (const r of merged) {
    if (r.kind === 'break') {
      open = null;
      out.push({ type: 'linebreak', version: 1 });
      continue;
    }
    const nodes = splitVariables(r.text, r.format);
    if (r.link === undefined) {
      open = null;
      out.push(...nodes);
    } else if (open && open.url === r.link) open.children.push(...nodes);
    else out.push((open = link(r.link, nodes)));
  }
  return out;
}

export function link(url: string, children: SerializedLexicalNode[]): SerializedLinkNode {
  return { type: 'link', url, rel: null, target: null, title: null, ...elementFields, children };
}

/** Lexical's reconciler gives a paragraph the format of its first text, so typing there continues it. */
export function paragraph(children: SerializedLexicalNode[]): SerializedParagraphNode {
  const first = children.find((c): c is SerializedTextNode => c.type === 'text');
  return { type: 'paragraph', ...elementFields, textFormat: first?.format ?? 0, textStyle: '', children };
}

export function heading(tag: HeadingTag, children: SerializedLexicalNode[]): SerializedHeadingNode {
  return { type: 'heading', tag, ...elementFields, children };
}

function listItem(value: number, children: SerializedLexicalNode[]): SerializedListItemNode {
  return { type: 'listitem', value, checked: undefined, ...elementFields, children };
}

/** Lexical gives the items of a nested list the list's depth as indent; each wrapping adds one. */
function deepen(node: SerializedListNode): SerializedListNode {
  return {
    ...node,
    children: node.children.map((item) => {
      const li = item as SerializedListItemNode;
      return { ...li, indent: li.indent + 1, children: li.children.map((c) => (c.type === 'list' ? deepen(c as SerializedListNode) : c)) };
    }),
  };
}

/**
 * A list in Lexical's own convention: a nested list sits alone in a list item right after its
 * parent item, and such wrapper items do not advance the numbering (as Lexical's own updater).
 */
export function list(ordered: boolean, start: number, entries: readonly ListEntry[]): SerializedListNode {
  const children: SerializedListItemNode[] = [];
  let value = start;
  for (const e of entries) {
    if (e.inline.length > 0 || e.nested.length === 0) children.push(listItem(value++, e.inline));
    for (const n of e.nested) children.push(listItem(value, [deepen(n)]));
  }
  return {
    type: 'list',
    listType: ordered ? 'number' : 'bullet',
    start,
    tag: ordered ? 'ol' : 'ul',
    ...elementFields,
    children,
  };
}

/** A table cell as the importers collect it: its inline content and whether it is a header cell. */
export type CellEntry = { inline: SerializedLexicalNode[]; header: boolean };

// Lexical's TableCellHeaderStates: ROW marks the cells of a header row.
const HEADER_ROW = 1;

function tableCell(entry: CellEntry): SerializedTableCellNode {
  return {
    type: 'tablecell',
    headerState: entry.header ? HEADER_ROW : 0,
    colSpan: 1,
    rowSpan: 1,
    backgroundColor: null,
    ...elementFields,
    // A cell always holds a paragraph, an empty one too (as Lexical's own tables).
    children: [paragraph(entry.inline)],
  } as SerializedTableCellNode;
}

/**
 * Tables, as the editor's own: every row padded to the widest, the header row's cells in the
 * header state, within the limits (boundRows): a very long table is split into tables that each
 * repeat the header row, and cells past the last column join that column, " | " apart.
 */
export function tables(rows: readonly CellEntry[][], header: boolean): SerializedTableNode[] {
  const fold = (last: CellEntry, extra: CellEntry[]): CellEntry => ({
    ...last,
    inline: [...last.inline, ...extra.flatMap((c) => [textNode(' | ', 0), ...c.inline])],
  });
  return boundRows(rows, header, fold).map((grid) => {
    const width = Math.max(0, ...grid.map((r) => r.length));
    const children = grid.map((cells, r): SerializedTableRowNode => {
      const padded = [...cells];
      while (padded.length < width) padded.push({ inline: [], header: header && r === 0 });
      return { type: 'tablerow', ...elementFields, children: padded.map(tableCell) } as SerializedTableRowNode;
    });
    return { type: 'table', ...elementFields, children } as SerializedTableNode;
  });
}

export function editorState(blocks: readonly BlockNode[]): SerializedEditorState {
  if (blocks.length === 0) return emptyEditorState();
  return { root: { type: 'root', ...elementFields, children: [...blocks] } };
}

type JsonNode = { type: string; text?: unknown; name?: unknown; children?: unknown };
const INLINE_TYPES = new Set(['text', 'linebreak', 'variable', 'link', 'autolink']);

/** The text Lexical's own getTextContent() gives: blocks apart by a blank line, variables as "{{name}}". */
export function textContent(node: SerializedLexicalNode): string {
  const n = node as JsonNode;
  if (n.type === 'text') return typeof n.text === 'string' ? n.text : '';
  if (n.type === 'linebreak') return '\n';
  if (n.type === 'variable') return `{{${String(n.name)}}}`;
  const children = Array.isArray(n.children) ? (n.children as SerializedLexicalNode[]) : [];
  return children.map((c, i) => textContent(c) + (!INLINE_TYPES.has(c.type) && i < children.length - 1 ? '\n\n' : '')).join('');
}
