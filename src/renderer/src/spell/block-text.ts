import type { LexicalEditor, NodeKey } from 'lexical';
import type { TextPoint } from '../../../shared/spell/lexical-blocks';

/** The DOM text node Lexical rendered for a text node (inside its span, or its strong/em). */
function domText(editor: LexicalEditor, key: NodeKey): Text | null {
  let n: Node | null = editor.getElementByKey(key);
  while (n && n.nodeType !== Node.TEXT_NODE) n = n.firstChild;
  return n as Text | null;
}

export function domRange(editor: LexicalEditor, start: TextPoint, end: TextPoint): Range | null {
  const a = domText(editor, start.key);
  const b = domText(editor, end.key);
  if (!a || !b || start.offset > a.length || end.offset > b.length) return null;
  const r = document.createRange();
  r.setStart(a, start.offset);
  r.setEnd(b, end.offset);
  return r;
}
