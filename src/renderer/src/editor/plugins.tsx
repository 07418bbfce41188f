import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  FOCUS_COMMAND,
  IS_BOLD,
  IS_ITALIC,
  PASTE_COMMAND,
  TextNode,
} from 'lexical';
import { cleanPastedHtml } from '../../../shared/lexical/clean-paste';
import { $variablesFromText } from '../../../shared/lexical/text-variables';
import { useActiveEditor } from './editor-context';
import { $makeRoomForPastedBlock } from './paste-target';

const KEPT_FORMAT = IS_BOLD | IS_ITALIC;

/** Paste keeps structure and bold/italic only; text styles and other marks are dropped. */
export function CleanPastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = event instanceof ClipboardEvent ? event.clipboardData : null;
            const html = data?.getData('text/html');
            if (!html) return false; // plain text: Lexical's own handling is right
            event.preventDefault();
            const parser = new DOMParser();
            const dom = parser.parseFromString(cleanPastedHtml(html, parser), 'text/html');
            editor.update(() => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              const nodes = $generateNodesFromDOM(editor, dom);
              $makeRoomForPastedBlock(selection, nodes);
              const target = $getSelection();
              if ($isRangeSelection(target)) $insertGeneratedNodes(editor, nodes, target);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
          const f = node.getFormat();
          if ((f & ~KEPT_FORMAT) !== 0) node.setFormat(f & KEPT_FORMAT);
        }),
      ),
    [editor],
  );
  return null;
}

/** {{name}} typed or pasted as text becomes a variable chip, known or not (an unknown one is flagged). */
export function VariablesPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.registerNodeTransform(TextNode, $variablesFromText), [editor]);
  return null;
}

/** Tells the toolbar which section has focus, and saves when a section loses it. */
export function FocusPlugin({ onBlur }: { onBlur: () => void }) {
  const [editor] = useLexicalComposerContext();
  const { setEditor } = useActiveEditor();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          FOCUS_COMMAND,
          () => {
            setEditor(editor);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            onBlur();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, setEditor, onBlur],
  );
  return null;
}

/** Keeps a read-only document read-only, even if the flag changes while it is open. */
export function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}
