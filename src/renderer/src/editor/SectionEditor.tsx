import { memo, useCallback, useId, type ReactNode } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { EditorState, SerializedEditorState } from 'lexical';
import { MINNES_NODES } from '../../../shared/lexical/nodes';
import { CleanPastePlugin, EditablePlugin, FocusPlugin, ListTabPlugin, VariablesPlugin } from './plugins';
import { editorTheme } from './theme';
import { FindRegistrationPlugin } from './find';
import { RichContentPlugins } from './rich-plugins';
import { SpellCheckPlugin } from '../spell/SpellCheckPlugin';
import { useT } from '../i18n/i18n';

type Props = {
  sectionKey: string;
  heading: string;
  guidance: string;
  initialState: SerializedEditorState;
  readOnly: boolean;
  onChange: (key: string, state: EditorState) => void;
  onBlur: () => void;
  /** A shared document's binding to the team server (src/renderer/src/team): Yjs then owns the content and undo. */
  collab?: ReactNode;
};

/**
 * One section = one Lexical editor, so typing can never merge or delete sections.
 * The initial state is read once; after that the editor owns its content. The text, its heading and
 * guidance are the minutes' own Swedish (lang="sv"); the hint about the keys is in the UI's language.
 */
export const SectionEditor = memo(function SectionEditor({
  sectionKey,
  heading,
  guidance,
  initialState,
  readOnly,
  onChange,
  onBlur,
  collab,
}: Props) {
  const t = useT();
  const handleChange = useCallback((state: EditorState) => onChange(sectionKey, state), [onChange, sectionKey]);
  const hintId = useId();
  return (
    <LexicalComposer
      initialConfig={{
        namespace: `minnes-${sectionKey}`,
        nodes: [...MINNES_NODES],
        theme: editorTheme,
        editable: !readOnly,
        // Shared: the text comes from the section's Y.Doc, never from a second source.
        editorState: collab ? null : JSON.stringify(initialState),
        onError: (e) => {
          throw e;
        },
      }}
    >
      <div className="section-editor">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="content"
              lang="sv"
              aria-label={t('editor.section.label', { heading })}
              aria-describedby={readOnly ? undefined : hintId}
              aria-placeholder={guidance}
              placeholder={
                <div className="guidance" lang="sv">
                  {guidance}
                </div>
              }
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        {!readOnly && (
          <p id={hintId} hidden>
            {t('editor.section.hint')}
          </p>
        )}
        {collab ?? <HistoryPlugin />}
        <ListPlugin />
        <RichContentPlugins />
        <ListTabPlugin heading={heading} />
        <CleanPastePlugin />
        <VariablesPlugin />
        <FocusPlugin heading={heading} onBlur={onBlur} />
        <EditablePlugin editable={!readOnly} />
        <FindRegistrationPlugin sectionKey={sectionKey} heading={heading} />
        {!readOnly && <SpellCheckPlugin />}
        <OnChangePlugin onChange={handleChange} ignoreSelectionChange ignoreHistoryMergeTagChange />
      </div>
    </LexicalComposer>
  );
});
