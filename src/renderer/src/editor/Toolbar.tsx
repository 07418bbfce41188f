import { useEffect, useState } from 'react';
import { $createHeadingNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { $createVariableNode } from '../../../shared/lexical/variable-node';
import { VARIABLE_NAMES } from '../../../shared/variables';
import { useActiveEditor } from './editor-context';

type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'bullet' | 'number';
type ToolbarState = { bold: boolean; italic: boolean; block: BlockType; canUndo: boolean; canRedo: boolean };
const INITIAL: ToolbarState = { bold: false, italic: false, block: 'paragraph', canUndo: false, canRedo: false };

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function readState(editor: LexicalEditor, prev: ToolbarState): ToolbarState {
  return editor.getEditorState().read(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return prev;
    const anchor = sel.anchor.getNode();
    const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
    const list = $getNearestNodeOfType(anchor, ListNode);
    let block: BlockType = 'paragraph';
    if (list && $isListNode(list)) block = list.getListType() === 'number' ? 'number' : 'bullet';
    else if ($isHeadingNode(top)) block = top.getTag() as BlockType;
    return { ...prev, bold: sel.hasFormat('bold'), italic: sel.hasFormat('italic'), block };
  });
}

function setBlock(editor: LexicalEditor, tag: 'paragraph' | HeadingTagType): void {
  editor.update(() => {
    const sel = $getSelection();
    if ($isRangeSelection(sel)) $setBlocksType(sel, () => (tag === 'paragraph' ? $createParagraphNode() : $createHeadingNode(tag)));
  });
}

/** One toolbar for the focused section editor; Swedish labels, shortcuts in the tooltips. */
export function Toolbar({ disabled }: { disabled: boolean }) {
  const { editor } = useActiveEditor();
  const [state, setState] = useState<ToolbarState>(INITIAL);

  useEffect(() => {
    if (!editor) return;
    setState((s) => readState(editor, s));
    return mergeRegister(
      editor.registerUpdateListener(() => setState((s) => readState(editor, s))),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setState((s) => ({ ...s, canUndo: v })), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => (setState((s) => ({ ...s, canRedo: v })), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  const off = disabled || !editor;
  const toggleList = (kind: 'bullet' | 'number') => {
    if (!editor) return;
    if (state.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };
  // Keep focus in the editor when a toolbar button is pressed.
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatering" onMouseDown={keepFocus}>
      <button
        type="button"
        title={`Ångra (${mod}Z)`}
        aria-label="Ångra"
        disabled={off || !state.canUndo}
        onClick={() => editor?.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        ↶
      </button>
      <button
        type="button"
        title={`Gör om (${mod}Shift+Z)`}
        aria-label="Gör om"
        disabled={off || !state.canRedo}
        onClick={() => editor?.dispatchCommand(REDO_COMMAND, undefined)}
      >
        ↷
      </button>
      <span className="sep" />
      <button
        type="button"
        title={`Fetstil (${mod}B)`}
        aria-label="Fetstil"
        aria-pressed={state.bold}
        disabled={off}
        onClick={() => editor?.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <b>F</b>
      </button>
      <button
        type="button"
        title={`Kursiv (${mod}I)`}
        aria-label="Kursiv"
        aria-pressed={state.italic}
        disabled={off}
        onClick={() => editor?.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <i>K</i>
      </button>
      <span className="sep" />
      <select
        aria-label="Stycketyp"
        title="Stycketyp"
        disabled={off}
        value={state.block === 'bullet' || state.block === 'number' ? 'paragraph' : state.block}
        onChange={(e) => editor && setBlock(editor, e.target.value as 'paragraph' | HeadingTagType)}
      >
        <option value="paragraph">Brödtext</option>
        <option value="h1">Rubrik 1</option>
        <option value="h2">Rubrik 2</option>
        <option value="h3">Rubrik 3</option>
      </select>
      <button
        type="button"
        title="Punktlista"
        aria-label="Punktlista"
        aria-pressed={state.block === 'bullet'}
        disabled={off}
        onClick={() => toggleList('bullet')}
      >
        • Lista
      </button>
      <button
        type="button"
        title="Numrerad lista"
        aria-label="Numrerad lista"
        aria-pressed={state.block === 'number'}
        disabled={off}
        onClick={() => toggleList('number')}
      >
        1. Lista
      </button>
      <span className="sep" />
      <select
        aria-label="Infoga variabel"
        title="Infoga en variabel som fylls i från mötesuppgifterna"
        disabled={off}
        value=""
        onChange={(e) => {
          const name = e.target.value;
          if (!editor || !name) return;
          editor.update(() => $insertNodes([$createVariableNode(name)]));
          editor.focus();
        }}
      >
        <option value="">Infoga variabel…</option>
        {VARIABLE_NAMES.map((n) => (
          <option key={n} value={n}>{`{{${n}}}`}</option>
        ))}
      </select>
    </div>
  );
}
