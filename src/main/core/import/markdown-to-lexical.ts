import { Lexer, type Token, type Tokens } from 'marked';
import type { SerializedListNode } from '@lexical/list';
import type { SerializedLexicalNode } from 'lexical';
import {
  BOLD,
  ITALIC,
  heading,
  inlineNodes,
  list,
  paragraph,
  type BlockNode,
  type HeadingTag,
  type ListEntry,
  type Run,
} from './lexical-json';
import { MAX_INLINE_DEPTH } from '../../../shared/limits';
import { TagFormat, tagEffect } from './inline-html';
import { flattenDeepNesting } from './markdown-nesting';
import { decodeEntities } from './markdown-entities';
import { linkRuns, markdownTable } from './markdown-links-tables';

export { decodeEntities };

/**
 * Markdown → Lexical block nodes, on marked's own lexer (CommonMark + GFM), so lists, emphasis,
 * escapes, links and GFM tables follow the standard rather than our guesses. What Minnes cannot
 * show (images, code, quotes) degrades to its plain text: an import may lose formatting, never words. Two
 * departures from CommonMark keep what people meant in notes typed by hand: a single newline is a
 * line break, and angle brackets are text unless they form one of a few formatting tags.
 */

/**
 * A newline inside a paragraph is where the writer started a new line ("Tid: kl. 9.00" / "Plats: …"),
 * so it stays one; CommonMark would make it a space, which runs such lines together.
 */
function textRuns(text: string, format: number): Run[] {
  return text
    .split(/[ \t]*\n[ \t]*/)
    .flatMap((line, i): Run[] => [...(i > 0 ? [{ kind: 'break' } as const] : []), { kind: 'text', text: line, format }]);
}

function inlineRuns(tokens: readonly Token[], format: number, depth = 0): Run[] {
  const runs: Run[] = [];
  const tags = new TagFormat();
  for (const t of tokens) {
    const f = format | tags.bits();
    // Emphasis nested past any use keeps its source text: the words, with their marks, not a stack overflow.
    if (depth > MAX_INLINE_DEPTH && 'tokens' in t && t.tokens && t.tokens.length > 0) {
      runs.push(...textRuns(t.raw, f));
      continue;
    }
    switch (t.type) {
      case 'strong':
        runs.push(...inlineRuns((t as Tokens.Strong).tokens, f | BOLD, depth + 1));
        break;
      case 'em':
        runs.push(...inlineRuns((t as Tokens.Em).tokens, f | ITALIC, depth + 1));
        break;
      case 'br':
        runs.push({ kind: 'break' });
        break;
      case 'html': {
        const effect = tagEffect((t as Tokens.HTML).text);
        tags.apply(effect);
        if (effect.kind === 'break') runs.push({ kind: 'break' });
        else if (effect.kind === 'literal') runs.push(...textRuns((t as Tokens.HTML).raw, f));
        break;
      }
      case 'codespan':
        // Code is literal in Markdown: no entity decoding.
        runs.push(...textRuns((t as Tokens.Codespan).text, f));
        break;
      case 'escape':
        runs.push({ kind: 'text', text: (t as Tokens.Escape).text, format: f });
        break;
      case 'checkbox':
        break;
      case 'text': {
        const text = t as Tokens.Text;
        // In tight list items a text token wraps the item's inline tokens.
        if (text.tokens && text.tokens.length > 0) runs.push(...inlineRuns(text.tokens, f, depth + 1));
        else runs.push(...textRuns(decodeEntities(text.text), f));
        break;
      }
      case 'link':
        runs.push(...linkRuns(t as Tokens.Link, f, (tokens) => inlineRuns(tokens, f, depth + 1), textRuns));
        break;
      default: {
        // image, del and extensions: their words, without the markup.
        const other = t as { tokens?: Token[]; text?: unknown };
        if (other.tokens && other.tokens.length > 0) runs.push(...inlineRuns(other.tokens, f, depth + 1));
        else if (typeof other.text === 'string') runs.push(...textRuns(decodeEntities(other.text), f));
      }
    }
  }
  return runs;
}

function headingTag(depth: number): HeadingTag {
  return depth <= 1 ? 'h1' : depth === 2 ? 'h2' : 'h3';
}

/** Lines of literal text (code, HTML blocks) → one paragraph with line breaks. */
function literalParagraph(text: string): BlockNode[] {
  const lines = text.split('\n');
  const runs: Run[] = lines.flatMap((line, i) => [
    ...(i > 0 ? [{ kind: 'break' } as const] : []),
    { kind: 'text', text: line, format: 0 } as const,
  ]);
  const children = inlineNodes(runs);
  return children.length > 0 ? [paragraph(children)] : [];
}

/**
 * An HTML block is usually not HTML at all in minutes: a line that starts with `<namn>` or `<Co>`.
 * Its text is read as inline Markdown, so unknown tags stay as typed and `**fet**` is still bold;
 * blank lines inside it still separate paragraphs.
 */
function htmlBlock(html: string): BlockNode[] {
  return html
    .replace(/<!--(?:>|->|[\s\S]*?-->)/g, '')
    .split(/\n[ \t]*\n/)
    .flatMap((part) => {
      const children = inlineNodes(inlineRuns(Lexer.lexInline(part, { gfm: true }), 0));
      return children.length > 0 ? [paragraph(children)] : [];
    });
}

function listNode(token: Tokens.List): SerializedListNode {
  const entries: ListEntry[] = token.items.map((item) => {
    const runs: Run[] = [];
    const nested: SerializedListNode[] = [];
    for (const child of item.tokens) {
      if (child.type === 'list') {
        nested.push(listNode(child as Tokens.List));
      } else if (child.type === 'space') {
        continue;
      } else {
        // A loose item's paragraphs (or stray blocks) stay in the item, a line break apart.
        if (runs.length > 0) runs.push({ kind: 'break' });
        const blockRuns = child.type === 'text' || child.type === 'paragraph' ? inlineRuns([child], 0) : blockRunsOf(child);
        runs.push(...blockRuns);
      }
    }
    return { inline: inlineNodes(runs), nested };
  });
  const start = typeof token.start === 'number' ? token.start : 1;
  return list(token.ordered, start, entries);
}

type FlatNode = SerializedLexicalNode & { text?: string; name?: string; format?: number; url?: string; children?: SerializedLexicalNode[] };
const INLINE = new Set(['text', 'linebreak', 'variable', 'link']);

/** A node's words as runs, nested blocks a line break apart (for blocks that turn up inside a list item). */
function flatRuns(node: SerializedLexicalNode): Run[] {
  const n = node as FlatNode;
  if (n.type === 'linebreak') return [{ kind: 'break' }];
  if (n.type === 'text') return [{ kind: 'text', text: n.text ?? '', format: n.format ?? 0 }];
  if (n.type === 'variable') return [{ kind: 'text', text: `{{${n.name ?? ''}}}`, format: n.format ?? 0 }];
  const runs: Run[] = [];
  for (const child of n.children ?? []) {
    if (!INLINE.has(child.type) && runs.length > 0) runs.push({ kind: 'break' });
    runs.push(...flatRuns(child));
  }
  // A link's address was checked when its node was made.
  const url = n.type === 'link' ? n.url : undefined;
  return url ? runs.map((r) => (r.kind === 'text' ? { ...r, link: url } : r)) : runs;
}

function blockRunsOf(token: Token): Run[] {
  return blockNodes([token]).flatMap((b, i) => [...(i > 0 ? [{ kind: 'break' } as const] : []), ...flatRuns(b)]);
}

function blockNodes(tokens: readonly Token[]): BlockNode[] {
  const out: BlockNode[] = [];
  const push = (b: BlockNode | null) => {
    if (b) out.push(b);
  };
  const inlineBlock = (runs: Run[], make: (children: SerializedLexicalNode[]) => BlockNode) => {
    const children = inlineNodes(runs);
    return children.length > 0 ? make(children) : null;
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'paragraph':
      case 'text':
        push(inlineBlock(inlineRuns([t], 0), paragraph));
        break;
      case 'heading': {
        const h = t as Tokens.Heading;
        push(inlineBlock(inlineRuns(h.tokens, 0), (c) => heading(headingTag(h.depth), c)));
        break;
      }
      case 'list':
        out.push(listNode(t as Tokens.List));
        break;
      case 'blockquote':
        out.push(...blockNodes((t as Tokens.Blockquote).tokens));
        break;
      case 'code':
        out.push(...literalParagraph((t as Tokens.Code).text));
        break;
      case 'html':
        out.push(...htmlBlock((t as Tokens.HTML).text));
        break;
      case 'table':
        out.push(...markdownTable(t as Tokens.Table, (tokens) => inlineNodes(inlineRuns(tokens, 0))));
        break;
      default:
        // space, hr, def: no words to keep.
        break;
    }
  }
  return out;
}

/**
 * Markdown source → the block nodes of a Lexical root (paragraphs, h1–h3, lists), with lists and
 * quotes deeper than the limits flattened first (`flattened` then says so).
 */
export function markdownToBoundedBlocks(markdown: string): { blocks: BlockNode[]; flattened: boolean } {
  const { text, flattened } = flattenDeepNesting(markdown);
  return { blocks: blockNodes(Lexer.lex(text, { gfm: true })), flattened };
}

/** Markdown source → the block nodes of a Lexical root (paragraphs, h1–h3, lists). */
export function markdownToBlocks(markdown: string): BlockNode[] {
  return markdownToBoundedBlocks(markdown).blocks;
}

/** Inline Markdown → its plain text ("*Demokratisk* integration" → "Demokratisk integration"), for titles. */
export function markdownInlineText(markdown: string): string {
  const runs = inlineRuns(Lexer.lexInline(markdown, { gfm: true }), 0);
  return runs
    .map((r) => (r.kind === 'text' ? r.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
