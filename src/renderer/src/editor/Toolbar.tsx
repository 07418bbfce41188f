import { useEffect, useId, useState } from 'react';
import { $createHeadingNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useRovingTabIndex } from '../components/roving';
import { useActiveEditor } from './editor-context';
import { VariableMenu } from './VariableMenu';
import { AttendanceDialog } from './AttendanceDialog';
import { LinkDialog, savedSelection } from './LinkDialog';
import { insertTable } from './rich-plugins';

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

/** What the toolbar says it formats: visible, and its accessible name. */
function targetLabel(disabled: boolean, heading: string | null): string {
  if (disabled) return 'Formatering: dokumentet kan inte ändras';
  return heading ? `Formaterar: ${heading}` : 'Formaterar: inget avsnitt – gå till ett avsnitt först';
}

/**
 * One toolbar for the section last worked in, which it names ("Formaterar: Presentation"); Swedish
 * labels, shortcuts in the tooltips. One Tab stop, arrows between the controls; a command given from
 * the keyboard returns focus to the section, and Escape goes back there without one.
 */
export function Toolbar({ disabled }: { disabled: boolean }) {
  const { editor, heading } = useActiveEditor();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [attendanceFor, setAttendanceFor] = useState<LexicalEditor | null>(null);
  const [linkFor, setLinkFor] = useState<{ editor: LexicalEditor; selection: BaseSelection | null } | null>(null);
  const roving = useRovingTabIndex<HTMLDivElement>();
  const labelId = useId();
  const hintId = useId();

  useEffect(() => {
    setState(INITIAL);
    if (!editor) return;
    setState((s) => readState(editor, s));
    return mergeRegister(
      editor.registerUpdateListener(() => setState((s) => readState(editor, s))),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setState((s) => ({ ...s, canUndo: v })), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => (setState((s) => ({ ...s, canRedo: v })), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  const off = disabled || !editor;
  const backToText = () => {
    if (editor && roving.ref.current?.contains(document.activeElement)) editor.focus();
  };
  // A click never took focus from the section (keepFocus); a key press on a button did, so give it back.
  const act = (fn: (ed: LexicalEditor) => void) => {
    if (!editor) return;
    fn(editor);
    backToText();
  };
  const toggleList = (kind: 'bullet' | 'number') =>
    act((ed) => {
      if (state.block === kind) ed.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      else ed.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    });
  // Keep focus in the editor when a toolbar button is pressed (a list box still opens).
  const keepFocus = (e: React.MouseEvent) => {
    if (!(e.target instanceof HTMLSelectElement)) e.preventDefault();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && editor && !e.defaultPrevented) {
      e.preventDefault();
      editor.focus();
      return;
    }
    roving.onKeyDown(e);
  };

  return (
    <div
      ref={roving.ref}
      className="toolbar"
      role="toolbar"
      tabIndex={-1}
      aria-labelledby={labelId}
      aria-describedby={hintId}
      data-region="toolbar"
      onMouseDown={keepFocus}
      onKeyDown={onKeyDown}
      onFocus={roving.onFocus}
    >
      <span id={labelId} className="toolbar-target">
        {targetLabel(disabled, heading)}
      </span>
      <span id={hintId} hidden>
        Piltangenterna flyttar mellan knapparna. Escape går tillbaka till texten, F6 till nästa område.
      </span>
      <span className="sep" />
      <button
        type="button"
        title={`Ångra (${mod}Z)`}
        aria-label="Ångra"
        disabled={off || !state.canUndo}
        onClick={() => act((ed) => ed.dispatchCommand(UNDO_COMMAND, undefined))}
      >
        ↶
      </button>
      <button
        type="button"
        title={`Gör om (${mod}Shift+Z)`}
        aria-label="Gör om"
        disabled={off || !state.canRedo}
        onClick={() => act((ed) => ed.dispatchCommand(REDO_COMMAND, undefined))}
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
        onClick={() => act((ed) => ed.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))}
      >
        <b>F</b>
      </button>
      <button
        type="button"
        title={`Kursiv (${mod}I)`}
        aria-label="Kursiv"
        aria-pressed={state.italic}
        disabled={off}
        onClick={() => act((ed) => ed.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))}
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
      <button type="button" title="Punktlista" aria-pressed={state.block === 'bullet'} disabled={off} onClick={() => toggleList('bullet')}>
        <span aria-hidden="true">•</span> Punktlista
      </button>
      <button
        type="button"
        title="Numrerad lista"
        aria-pressed={state.block === 'number'}
        disabled={off}
        onClick={() => toggleList('number')}
      >
        <span aria-hidden="true">1.</span> Numrerad lista
      </button>
      <span className="sep" />
      <button type="button" title="Infoga en tabell, 3 × 3 med rubrikrad" disabled={off} onClick={() => act((ed) => void insertTable(ed))}>
        Tabell
      </button>
      <button
        type="button"
        title="Gör markerad text till en länk"
        disabled={off}
        onClick={() => editor && setLinkFor({ editor, selection: savedSelection(editor) })}
      >
        Länk…
      </button>
      <button
        type="button"
        title="Infoga en närvarotabell med seriens organisationer"
        disabled={off}
        onClick={() => editor && setAttendanceFor(editor)}
      >
        Närvarolista…
      </button>
      <span className="sep" />
      <VariableMenu editor={off ? null : editor} onInserted={backToText} />
      {attendanceFor && <AttendanceDialog editor={attendanceFor} onClose={() => setAttendanceFor(null)} />}
      {linkFor && <LinkDialog editor={linkFor.editor} selection={linkFor.selection} onClose={() => setLinkFor(null)} />}
    </div>
  );
}
