import type { SerializedListItemNode, SerializedListNode } from '@lexical/list';
import type { SerializedHeadingNode } from '@lexical/rich-text';
import type { SerializedEditorState, SerializedLexicalNode, SerializedParagraphNode, SerializedTextNode } from 'lexical';
import { emptyEditorState } from '../../../shared/content';
import type { SerializedVariableNode } from '../../../shared/lexical/variable-node';
import { VARIABLE_PATTERN } from '../../../shared/variables';

/**
 * Builders for Lexical's serialized JSON (v0.52), shared by the Markdown and Word importers so both
 * produce exactly the shapes the editor itself writes. Plain data in, plain data out: no editor.
 */

export const BOLD = 1;
export const ITALIC = 2;

/** What an importer collects inside a block before it becomes Lexical nodes. */
export type Run = { kind: 'text'; text: string; format: number } | { kind: 'break' };

export type BlockNode = SerializedParagraphNode | SerializedHeadingNode | SerializedListNode;
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
    if (r.kind === 'text' && prev?.kind === 'text' && prev.format === r.format) {
      merged[merged.length - 1] = { ...prev, text: prev.text + r.text };
    } else merged.push(r);
  }
  while (merged[0]?.kind === 'break') merged.shift();
  while (merged[merged.length - 1]?.kind === 'break') merged.pop();
  const first = merged[0];
  if (first?.kind === 'text') merged[0] = { ...first, text: first.text.trimStart() };
  const lastRun = merged[merged.length - 1];
  if (lastRun?.kind === 'text') merged[merged.length - 1] = { ...lastRun, text: lastRun.text.trimEnd() };
  return merged.flatMap((r) => (r.kind === 'break' ? [{ type: 'linebreak', version: 1 }] : splitVariables(r.text, r.format)));
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

export function editorState(blocks: readonly BlockNode[]): SerializedEditorState {
  if (blocks.length === 0) return emptyEditorState();
  return { root: { type: 'root', ...elementFields, children: [...blocks] } };
}

type JsonNode = { type: string; text?: unknown; name?: unknown; children?: unknown };
const INLINE_TYPES = new Set(['text', 'linebreak', 'variable']);

/** The text Lexical's own getTextContent() gives: blocks apart by a blank line, variables as "{{name}}". */
export function textContent(node: SerializedLexicalNode): string {
  const n = node as JsonNode;
  if (n.type === 'text') return typeof n.text === 'string' ? n.text : '';
  if (n.type === 'linebreak') return '\n';
  if (n.type === 'variable') return `{{${String(n.name)}}}`;
  const children = Array.isArray(n.children) ? (n.children as SerializedLexicalNode[]) : [];
  return children.map((c, i) => textContent(c) + (!INLINE_TYPES.has(c.type) && i < children.length - 1 ? '\n\n' : '')).join('');
}
