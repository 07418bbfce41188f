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
import { useT, type Translate } from '../i18n/i18n';
import { useActiveEditor } from './editor-context';
import { VariableMenu } from './VariableMenu';
import { AttendanceDialog } from './AttendanceDialog';
import { LinkDialog, savedSelection } from './LinkDialog';
import { insertTable } from './rich-plugins';
import { fillNode } from './fill-node';

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

/** What the toolbar says it formats: visible, and its accessible name; the heading is document text. */
function targetLabel(t: Translate, disabled: boolean, heading: string | null) {
  if (disabled) return t('editor.toolbar.locked');
  return heading ? fillNode(t('editor.toolbar.target'), 'heading', <span lang="sv">{heading}</span>) : t('editor.toolbar.noTarget');
}

/**
 * One toolbar for the section last worked in, which it names ("Formaterar: Presentation"); labels
 * in the UI's language, shortcuts in the tooltips. One Tab stop, arrows between the controls; a command given from
 * the keyboard returns focus to the section, and Escape goes back there without one.
 */
export function Toolbar({ disabled }: { disabled: boolean }) {
  const t = useT();
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
        {targetLabel(t, disabled, heading)}
      </span>
      <span id={hintId} hidden>
        {t('editor.toolbar.hint')}
      </span>
      <span className="sep" />
      <button
        type="button"
        title={t('editor.toolbar.undoTitle', { shortcut: `${mod}Z` })}
        aria-label={t('editor.toolbar.undo')}
        disabled={off || !state.canUndo}
        onClick={() => act((ed) => ed.dispatchCommand(UNDO_COMMAND, undefined))}
      >
        ↶
      </button>
      <button
        type="button"
        title={t('editor.toolbar.redoTitle', { shortcut: `${mod}Shift+Z` })}
        aria-label={t('editor.toolbar.redo')}
        disabled={off || !state.canRedo}
        onClick={() => act((ed) => ed.dispatchCommand(REDO_COMMAND, undefined))}
      >
        ↷
      </button>
      <span className="sep" />
      <button
        type="button"
        title={t('editor.toolbar.boldTitle', { shortcut: `${mod}B` })}
        aria-label={t('editor.toolbar.bold')}
        aria-pressed={state.bold}
        disabled={off}
        onClick={() => act((ed) => ed.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))}
      >
        <b>{t('editor.toolbar.boldLetter')}</b>
      </button>
      <button
        type="button"
        title={t('editor.toolbar.italicTitle', { shortcut: `${mod}I` })}
        aria-label={t('editor.toolbar.italic')}
        aria-pressed={state.italic}
        disabled={off}
        onClick={() => act((ed) => ed.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))}
      >
        <i>{t('editor.toolbar.italicLetter')}</i>
      </button>
      <span className="sep" />
      <select
        aria-label={t('editor.toolbar.blockType')}
        title={t('editor.toolbar.blockType')}
        disabled={off}
        value={state.block === 'bullet' || state.block === 'number' ? 'paragraph' : state.block}
        onChange={(e) => editor && setBlock(editor, e.target.value as 'paragraph' | HeadingTagType)}
      >
        <option value="paragraph">{t('editor.toolbar.paragraph')}</option>
        <option value="h1">{t('editor.toolbar.heading1')}</option>
        <option value="h2">{t('editor.toolbar.heading2')}</option>
        <option value="h3">{t('editor.toolbar.heading3')}</option>
      </select>
      <button
        type="button"
        title={t('editor.toolbar.bulletList')}
        aria-pressed={state.block === 'bullet'}
        disabled={off}
        onClick={() => toggleList('bullet')}
      >
        <span aria-hidden="true">•</span> {t('editor.toolbar.bulletList')}
      </button>
      <button
        type="button"
        title={t('editor.toolbar.numberedList')}
        aria-pressed={state.block === 'number'}
        disabled={off}
        onClick={() => toggleList('number')}
      >
        <span aria-hidden="true">1.</span> {t('editor.toolbar.numberedList')}
      </button>
      <span className="sep" />
      <button type="button" title={t('editor.toolbar.tableTitle')} disabled={off} onClick={() => act((ed) => void insertTable(ed))}>
        {t('editor.toolbar.table')}
      </button>
      <button
        type="button"
        title={t('editor.toolbar.linkTitle')}
        disabled={off}
        onClick={() => editor && setLinkFor({ editor, selection: savedSelection(editor) })}
      >
        {t('editor.toolbar.link')}
      </button>
      <button type="button" title={t('editor.toolbar.attendanceTitle')} disabled={off} onClick={() => editor && setAttendanceFor(editor)}>
        {t('editor.toolbar.attendance')}
      </button>
      <span className="sep" />
      <VariableMenu editor={off ? null : editor} onInserted={backToText} />
      {attendanceFor && <AttendanceDialog editor={attendanceFor} onClose={() => setAttendanceFor(null)} />}
      {linkFor && <LinkDialog editor={linkFor.editor} selection={linkFor.selection} onClose={() => setLinkFor(null)} />}
    </div>
  );
}
