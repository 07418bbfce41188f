import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $isListItemNode } from '@lexical/list';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  FOCUS_COMMAND,
  INDENT_CONTENT_COMMAND,
  IS_BOLD,
  IS_ITALIC,
  KEY_DOWN_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  TextNode,
} from 'lexical';
import { cleanPastedHtml } from '../../../shared/lexical/clean-paste';
import { $variablesFromText } from '../../../shared/lexical/text-variables';
import { focusCameByTab, useActiveEditor } from './editor-context';
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

/**
 * Tells the toolbar which section is being worked in, and saves when a section loses focus. Focus
 * that arrives by Tab is only passing through; a key pressed here, a click or F6 makes it the one.
 */
export function FocusPlugin({ heading, onBlur }: { heading: string; onBlur: () => void }) {
  const [editor] = useLexicalComposerContext();
  const { activate, release, rename } = useActiveEditor();
  const headingRef = useRef(heading);
  headingRef.current = heading;
  useEffect(() => rename(editor, heading), [editor, heading, rename]);
  useEffect(() => () => release(editor), [editor, release]);
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          FOCUS_COMMAND,
          () => {
            if (!focusCameByTab()) activate(editor, headingRef.current);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!['Tab', 'Shift', 'Escape'].includes(event.key)) activate(editor, headingRef.current);
            return false;
          },
          COMMAND_PRIORITY_CRITICAL,
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
    [editor, activate, onBlur],
  );
  return null;
}

/**
 * Tab and Shift+Tab in a list item indent and outdent it (Lexical's INDENT/OUTDENT); anywhere else,
 * and at the outermost level for Shift+Tab, they move focus on as usual. Escape marks "leave on the
 * next Tab", so a list never traps the keyboard.
 */
export function ListTabPlugin({ heading }: { heading: string }) {
  const [editor] = useLexicalComposerContext();
  const { activate } = useActiveEditor();
  const headingRef = useRef(heading);
  headingRef.current = heading;
  useEffect(() => {
    let leaving = false;
    return mergeRegister(
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        () => {
          leaving = true;
          return true; // instead of rich text's blur, which would drop focus on the page
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.key !== 'Tab' && event.key !== 'Escape' && event.key !== 'Shift') leaving = false;
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          leaving = false;
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          if (leaving) {
            leaving = false;
            return false;
          }
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const item = $findMatchingParent(selection.anchor.getNode(), $isListItemNode);
          if (!item || (event.shiftKey && item.getIndent() === 0)) return false;
          event.preventDefault();
          activate(editor, headingRef.current);
          return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, activate]);
  return null;
}

/** Keeps a read-only document read-only, even if the flag changes while it is open. */
export function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}
