import { $getSelection, $isRangeSelection, type TextNode } from 'lexical';
import { $createVariableNode } from './variable-node';

/** The first {{name}} in a text; the same shape as VARIABLE_PATTERN, without its global state. */
const FIRST_VARIABLE = /\{\{\s*([\p{L}\p{N}_-]+)\s*\}\}/u;

/**
 * Node transform: the first {{name}} in a text node becomes a variable chip with the text's
 * bold/italic bits. Lexical runs the transform again on the text left after it, so every
 * variable in a node is caught, whether typed brace by brace or pasted in one go.
 */
export function $variablesFromText(node: TextNode): void {
  // Tokens and segmented text (and code) are someone else's atoms: leave them whole.
  if (!node.isSimpleText() || node.hasFormat('code')) return;
  const match = FIRST_VARIABLE.exec(node.getTextContent());
  const name = match?.[1];
  if (!match || !name) return;
  const start = match.index;
  const parts = node.splitText(start, start + match[0].length);
  const target = start === 0 ? parts[0] : parts[1];
  if (!target) return;

  const selection = $getSelection();
  const caretInMatch = $isRangeSelection(selection) && selection.isCollapsed() && selection.anchor.key === target.getKey();
  const chip = $createVariableNode(name, target.getFormat());
  target.replace(chip);
  // Typing the closing brace leaves the caret inside the text that just became the chip: put it
  // after the chip so the next keystroke goes on writing where the user was.
  if (caretInMatch) chip.selectNext(0, 0);
}
