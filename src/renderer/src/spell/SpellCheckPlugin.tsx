import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $getNodeByKey, $isTextNode, $setSelection, type LexicalEditor } from 'lexical';
import type { Metadata } from '../../../shared/metadata';
import { documentNames } from '../../../shared/spell/accepted';
import { MetadataContext } from '../editor/editor-context';
import { EditorSpellCheck, type Mark, type MenuRequest } from './editor-spell-check';
import { addToPersonalWords, ignoreWord } from './spell-service';
import { SpellMenu } from './SpellMenu';
import './spell.css';

export type SpellCheckPluginProps = {
  /** Organisation names whose words are right in this document (e.g. the series' partners). */
  organisations?: readonly string[];
  /** The document's metadata; by default the MetadataContext around the section editors. */
  metadata?: Partial<Metadata> | null;
};

const NO_NAMES: readonly string[] = [];

/**
 * Spell-checking for one section editor (Swedish, then US English; Hunspell on the host): misspelt
 * words get a red wavy underline through the CSS Custom Highlight API and never touch the editor
 * state; a right-click (or Shift+F10) on one opens the menu with corrections, "Lägg till i
 * ordlistan" and "Ignorera". Words of the metadata and of the organisations are accepted.
 */
export function SpellCheckPlugin({ organisations = NO_NAMES, metadata }: SpellCheckPluginProps) {
  const [editor] = useLexicalComposerContext();
  const contextMetadata = useContext(MetadataContext);
  const meta = metadata === undefined ? contextMetadata : metadata;
  const names = useMemo(() => documentNames(meta, organisations), [meta, organisations]);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const check = useRef<EditorSpellCheck | null>(null);

  useEffect(() => {
    const c = new EditorSpellCheck(editor, setMenu);
    check.current = c;
    return () => {
      c.dispose();
      check.current = null;
    };
  }, [editor]);

  useEffect(() => check.current?.setNames(names), [names]);

  const close = useCallback(
    (refocus: boolean) => {
      setMenu(null);
      if (refocus) editor.focus();
    },
    [editor],
  );

  if (!menu) return null;
  const { mark } = menu;
  return (
    <SpellMenu
      word={mark.word}
      x={menu.x}
      y={menu.y}
      onPick={(s) => replaceWord(editor, mark, s)}
      onAdd={() => void addToPersonalWords(mark.word.replace(/-$/, '')).catch(() => undefined)}
      onIgnore={() => ignoreWord(mark.word)}
      onClose={close}
    />
  );
}

/** The one write: the misspelt word replaced by the correction, only if it is still there as it was. */
function replaceWord(editor: LexicalEditor, mark: Mark, suggestion: string): void {
  editor.update(() => {
    const a = $getNodeByKey(mark.start.key);
    const b = $getNodeByKey(mark.end.key);
    if (!$isTextNode(a) || !$isTextNode(b) || mark.start.offset > a.getTextContentSize() || mark.end.offset > b.getTextContentSize())
      return;
    const sel = $createRangeSelection();
    sel.anchor.set(a.getKey(), mark.start.offset, 'text');
    sel.focus.set(b.getKey(), mark.end.offset, 'text');
    if (sel.getTextContent() !== mark.word) return;
    $setSelection(sel);
    sel.insertText(suggestion);
  });
}
