import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent } from '@lexical/utils';
import type { LexicalNode, RangeSelection } from 'lexical';

/**
 * Lexical pours the first pasted block's text into the block the caret is in. In an empty list
 * item that turns a pasted heading into a bullet with the heading's words, so there the item
 * gives way first: it becomes an empty paragraph in its place (splitting the list, as Backspace
 * would), and the heading lands as a heading. Pasted text and lists keep Lexical's own handling.
 */
export function $makeRoomForPastedBlock(selection: RangeSelection, nodes: LexicalNode[]): void {
  const first = nodes[0];
  if (!selection.isCollapsed() || !($isHeadingNode(first) || $isQuoteNode(first))) return;
  const item = $findMatchingParent(selection.anchor.getNode(), $isListItemNode);
  if (!$isListItemNode(item) || item.getTextContent().trim() !== '' || item.getChildren().some($isListNode)) return;
  item.setIndent(0);
  item.collapseAtStart(selection);
}
