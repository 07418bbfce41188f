import { createHeadlessEditor } from '@lexical/headless';
import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode } from '@lexical/rich-text';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  IS_BOLD,
  IS_ITALIC,
  type LexicalNode,
  type SerializedEditorState,
} from 'lexical';
import { safeLinkUrl, type Block, type ListBlock, type ListItem, type Run } from '../../../shared/document-model';
import { MINNES_NODES } from '../../../shared/lexical/nodes';
import { $isTableNode } from '@lexical/table';
import { tableBlocks } from './lexical-tables';
import { $isVariableNode } from '../../../shared/lexical/variable-node';
import { splitVariables } from '../../../shared/variables';

/** Gives a variable's value, or null when it has none (the caller collects those). */
export type VariableResolver = (name: string) => string | null;

function formatted(text: string, format: number): Run {
  const run: Run = { type: 'text', text };
  if (format & IS_BOLD) run.bold = true;
  if (format & IS_ITALIC) run.italic = true;
  return run;
}

const sameKind = (a: Run, b: Run): boolean =>
  a.type !== 'break' &&
  a.type === b.type &&
  !!a.bold === !!b.bold &&
  !!a.italic === !!b.italic &&
  (a.type !== 'link' || (b.type === 'link' && a.url === b.url));

/** Joins neighbouring runs with the same formatting (and link), so writers emit fewer, longer runs. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (r.type !== 'break' && prev && prev.type !== 'break' && sameKind(prev, r)) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text };
    } else if (r.type === 'break' || r.text !== '') out.push(r);
  }
  return out;
}

/** A link's words as link runs; an address safeLinkUrl refuses (javascript:, data: …) leaves plain text. */
function linkRuns(url: string | null, runs: Run[]): Run[] {
  if (url === null) return runs;
  return runs.map((r) => (r.type === 'break' ? r : { ...r, type: 'link', url }));
}

/** Without a value the braces stay, so a template made from the text keeps its variable; export refuses it anyway. */
function variableRun(name: string, format: number, resolve: VariableResolver): Run {
  return formatted(resolve(name) ?? `{{${name}}}`, format);
}

/** Old documents and API input may hold {{name}} as plain text: it counts as a variable all the same. */
function textRuns(text: string, format: number, resolve: VariableResolver): Run[] {
  return splitVariables(text).map((p) => ('variable' in p ? variableRun(p.variable, format, resolve) : formatted(p.text, format)));
}

function inlineRuns(nodes: LexicalNode[], resolve: VariableResolver): Run[] {
  const runs: Run[] = [];
  for (const n of nodes) {
    if ($isTextNode(n)) runs.push(...textRuns(n.getTextContent(), n.getFormat(), resolve));
    else if ($isLineBreakNode(n)) runs.push({ type: 'break' });
    else if ($isVariableNode(n)) runs.push(variableRun(n.getName(), n.getFormat(), resolve));
    else if ($isLinkNode(n)) {
      const unlinked = $isAutoLinkNode(n) && n.getIsUnlinked();
      runs.push(...linkRuns(unlinked ? null : safeLinkUrl(n.getURL()), inlineRuns(n.getChildren(), resolve)));
    } else if ($isElementNode(n)) runs.push(...inlineRuns(n.getChildren(), resolve));
    else runs.push({ type: 'text', text: n.getTextContent() });
  }
  return mergeRuns(runs);
}

function listBlock(list: ListNode, resolve: VariableResolver): ListBlock {
  const items: ListItem[] = [];
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) continue;
    const kids = child.getChildren();
    const nested = kids.filter($isListNode);
    // Lexical keeps a nested list in its own list item right after its parent item.
    if (nested.length > 0 && nested.length === kids.length && items.length > 0) {
      items[items.length - 1]!.children.push(...nested.map((l) => listBlock(l, resolve)));
      continue;
    }
    items.push({
      runs: inlineRuns(
        kids.filter((k) => !$isListNode(k)),
        resolve,
      ),
      children: nested.map((l) => listBlock(l, resolve)),
    });
  }
  const ordered = list.getListType() === 'number';
  const start = list.getStart();
  return { type: 'list', ordered, ...(ordered && start > 1 ? { start } : {}), items };
}

const isBlank = (runs: Run[]) => runs.every((r) => r.type !== 'break' && r.text.trim() === '');

/** A list inside a table cell: one line per item, marked as the writers would number or bullet it. */
function listLines(list: ListBlock, depth = 0): Run[][] {
  return list.items.flatMap((item, i) => [
    [{ type: 'text', text: `${'  '.repeat(depth)}${list.ordered ? `${(list.start ?? 1) + i}.` : '•'} ` } as Run, ...item.runs],
    ...item.children.flatMap((c) => listLines(c, depth + 1)),
  ]);
}

/** A table cell's blocks as one cell's runs: paragraphs, headings and list items a line break apart. */
function cellRuns(nodes: LexicalNode[], resolve: VariableResolver): Run[] {
  const lines = nodes.flatMap((n): Run[][] => {
    if ($isListNode(n)) return listLines(listBlock(n, resolve));
    if ($isTableNode(n))
      return tableBlocks(n, (c) => cellRuns(c, resolve)).flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.runs)));
    return [inlineRuns($isElementNode(n) ? n.getChildren() : [n], resolve)];
  });
  return mergeRuns(lines.filter((l) => !isBlank(l)).flatMap((l, i): Run[] => (i > 0 ? [{ type: 'break' }, ...l] : l)));
}

function toBlocks(nodes: LexicalNode[], resolve: VariableResolver): Block[] {
  const blocks: Block[] = [];
  for (const n of nodes) {
    if ($isListNode(n)) {
      const list = listBlock(n, resolve);
      if (list.items.length > 0) blocks.push(list);
    } else if ($isTableNode(n)) {
      blocks.push(...tableBlocks(n, (cell) => cellRuns(cell, resolve)));
    } else if ($isHeadingNode(n)) {
      const runs = inlineRuns(n.getChildren(), resolve);
      const level = Math.min(3, Math.max(1, Number(n.getTag().slice(1)))) as 1 | 2 | 3;
      if (!isBlank(runs)) blocks.push({ type: 'heading', level, runs });
    } else if ($isElementNode(n)) {
      const runs = inlineRuns(n.getChildren(), resolve);
      // Empty paragraphs are the editor's spacing, not content.
      if (!isBlank(runs)) blocks.push({ type: 'paragraph', runs });
    } else {
      const runs = inlineRuns([n], resolve);
      if (!isBlank(runs)) blocks.push({ type: 'paragraph', runs });
    }
  }
  return blocks;
}

let editor: ReturnType<typeof createHeadlessEditor> | undefined;
function headless() {
  editor ??= createHeadlessEditor({
    namespace: 'minnes-headless',
    nodes: [...MINNES_NODES],
    onError: (e) => {
      throw e;
    },
  });
  return editor;
}

/** One stored section state → document-model blocks, through Lexical itself (so unknown nodes fail loudly). */
export function lexicalToBlocks(state: SerializedEditorState, resolve: VariableResolver): Block[] {
  const parsed = headless().parseEditorState(state);
  return parsed.read(() => toBlocks($getRoot().getChildren(), resolve));
}
