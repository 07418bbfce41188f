import { useCallback } from 'react';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import type { SerializedEditorState } from 'lexical';
import type { Doc } from 'yjs';
import type { TeamSession } from './team-session';

type Props = { session: TeamSession; sectionKey: string; initialState: SerializedEditorState };

/**
 * Binds one section editor to its Y.Doc on the team server. Undo is Yjs's (the caller leaves
 * Lexical's HistoryPlugin out); the stored state only seeds a section the server does not hold yet.
 */
export function SharedSectionPlugin({ session, sectionKey, initialState }: Props) {
  const section = session.section(sectionKey);
  // Stable: Lexical makes a new provider (and binding) whenever the factory changes.
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Doc>) => {
      if (!section) throw new Error(`no shared section ${sectionKey}`);
      docs.set(id, section.doc);
      return section.lexical;
    },
    [section, sectionKey],
  );
  if (!section) return null;
  return (
    <LexicalCollaboration>
      <CollaborationPlugin
        id={sectionKey}
        providerFactory={providerFactory}
        shouldBootstrap={section.seed}
        initialEditorState={JSON.stringify(initialState)}
        username={session.account.user.name}
        cursorColor={session.colour()}
      />
    </LexicalCollaboration>
  );
}
