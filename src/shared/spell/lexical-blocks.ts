import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isRootOrShadowRoot,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
} from 'lexical';

/**
 * A block's text as the spell-checker reads it (a paragraph, heading or list item; its inline
 * children such as links included, nested blocks not), with where each text node's characters
 * sit in it, so a word found in the text maps back to DOM ranges (for the highlight) and to Lexical
 * points (for a replacement). Everything here runs inside an editor read.
 */
export type Segment = { key: NodeKey; start: number; end: number };
export type BlockText = { text: string; segments: Segment[] };

/** Where a word can sit: the nearest element that is not inline (the root's direct children, list items, table cells' paragraphs). */
export function $blockOf(node: LexicalNode): ElementNode | null {
  for (let n: LexicalNode | null = $isElementNode(node) ? node : node.getParent(); n; n = n.getParent()) {
    if ($isRootOrShadowRoot(n)) return null;
    if ($isElementNode(n) && !n.isInline()) return n;
  }
  return null;
}

/** A block element holding text of its own (not a list or table that only holds other blocks). */
export function $isTextBlock(node: LexicalNode): node is ElementNode {
  return $isElementNode(node) && !node.isInline() && !$isRootOrShadowRoot(node) && node.getChildren().some((c) => !$isBlock(c));
}

const $isBlock = (n: LexicalNode) => $isElementNode(n) && !n.isInline();

export function $blockText(block: ElementNode): BlockText {
  let text = '';
  const segments: Segment[] = [];
  const walk = (el: ElementNode) => {
    for (const child of el.getChildren()) {
      if ($isTextNode(child)) {
        const t = child.getTextContent();
        segments.push({ key: child.getKey(), start: text.length, end: text.length + t.length });
        text += t;
      } else if ($isElementNode(child)) {
        if (child.isInline()) walk(child);
        // a nested block (a sub-list) is a block of its own
      } else {
        // a variable chip, a line break: a word ends here
        text += $isLineBreakNode(child) ? '\n' : ' ';
      }
    }
  };
  walk(block);
  return { text, segments };
}

/** Every block with text of its own, for a first check or a check of everything again. */
export function $allTextBlocks(): ElementNode[] {
  const out: ElementNode[] = [];
  const visit = (el: ElementNode) => {
    if ($isTextBlock(el)) out.push(el);
    for (const c of el.getChildren()) if ($isElementNode(c) && !c.isInline()) visit(c);
  };
  visit($getRoot());
  return out;
}

export type TextPoint = { key: NodeKey; offset: number };

/** The text node and offset of a position in the block's text; `atEnd` picks the node a range ends in. */
export function pointAt(segments: readonly Segment[], pos: number, atEnd: boolean): TextPoint | null {
  for (const s of segments) {
    if (atEnd ? pos > s.start && pos <= s.end : pos >= s.start && pos < s.end) return { key: s.key, offset: pos - s.start };
  }
  return null;
}
