import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { ApiError } from '../../../shared/result';
import { api, errorMessage } from '../api';
import { useF6Regions } from '../components/regions';
import { ActiveEditorProvider, MetadataContext, useActiveEditor } from '../editor/editor-context';
import { Toolbar } from '../editor/Toolbar';
import { openDocument } from '../lib/opening-document';
import { navigate } from '../lib/route';
import { DocumentActions } from './DocumentActions';
import { DocumentPage, useMissingVariables } from './DocumentPage';
import { MetadataForm } from './MetadataForm';
import { UnreadableDocument } from './UnreadableDocument';
import { useDocumentSession } from './useDocumentSession';
import { TeamGate, type TeamBinding } from './TeamGate';
import type { DocumentSummary } from '../../../shared/domain';
import { FindBar, FindProvider } from '../editor/find';
import { KlarsprakPanel } from './KlarsprakPanel';
import { useSectionTexts } from './useSectionTexts';
import { useT } from '../i18n/i18n';
import { lockText } from './lock-text';

type OpenProps = {
  doc: DocumentDetail;
  onReplace: (doc: DocumentDetail) => void;
  team: TeamBinding | null;
  /** Set by the gate when the server refused this person's offline edits. */
  conflictRef: { current: (() => void) | null };
  onConflictSaved: (copy: DocumentSummary) => void;
};

/** F6 order: the toolbar, the sections, the meeting facts, the document's actions (then round again). */
const REGIONS = ['toolbar', 'sections', 'facts', 'actions'] as const;

/** F6 and Shift+F6 between the editor's regions; into the sections means back into the one being edited. */
function RegionKeys() {
  const { editor } = useActiveEditor();
  useF6Regions(REGIONS, {
    sections: () => {
      if (editor?.getRootElement()?.isConnected) {
        editor.focus();
        return true;
      }
      const first = document.querySelector<HTMLElement>('[data-region="sections"] [contenteditable="true"]');
      first?.focus();
      return !!first;
    },
  });
  return null;
}

function OpenDocument({ doc, onReplace, team, conflictRef, onConflictSaved }: OpenProps) {
  const s = useDocumentSession(doc, team?.session ?? null);
  const role = team?.session.account.user.role ?? null;
  // Edits the server would not take are saved as a draft of their own, then the record reopens as the server has it.
  conflictRef.current = () => {
    void (async () => {
      await team?.session.flush();
      const copy = await api.saveConflictCopy({ id: doc.id, content: s.buildContent() });
      onConflictSaved(copy);
      onReplace(await api.getDocument({ id: doc.id }));
    })();
  };
  const t = useT();
  const readOnly = doc.readOnly;
  const { title, missing, missingFields } = useMissingVariables(doc, s);
  const [klarsprak, setKlarsprak] = useState(false);
  const texts = useSectionTexts(s, klarsprak);

  return (
    <MetadataContext.Provider value={s.metadata}>
      <ActiveEditorProvider>
        <RegionKeys />
        <FindProvider>
          <div className="editor-view">
            <DocumentActions
              doc={doc}
              s={s}
              team={team}
              onReplace={onReplace}
              klarsprak={klarsprak}
              onToggleKlarsprak={() => setKlarsprak((k) => !k)}
            />
            {readOnly && (
              <p role="alert" className="notice">
                {lockText(doc, t)}
              </p>
            )}
            <Toolbar disabled={readOnly} />
            <FindBar />
            <div className="editor-columns">
              <DocumentPage doc={doc} s={s} team={team} title={title} missing={missing} />
              <aside className="side" data-region="facts">
                <MetadataForm
                  metadata={s.metadata}
                  titlePattern={doc.titlePattern}
                  readOnly={readOnly || (team !== null && role !== 'sekreterare')}
                  missingFields={missingFields}
                  onChange={s.setMetadata}
                  onBlur={s.flush}
                />
              </aside>
              {klarsprak && <KlarsprakPanel sections={texts} onClose={() => setKlarsprak(false)} />}
            </div>
          </div>
        </FindProvider>
      </ActiveEditorProvider>
    </MetadataContext.Provider>
  );
}

/** Loads a document and opens it; a reload comes back here through the URL. */
export function EditorView({ id }: { id: string }) {
  const t = useT();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [conflictCopy, setConflictCopy] = useState<DocumentSummary | null>(null);
  const conflictRef = useRef<(() => void) | null>(null);
  useEffect(() => {
    let live = true;
    setDoc(null);
    openDocument(id).then(
      (d) => live && setDoc(d),
      (e: unknown) => {
        if (!live) return;
        setUnreadable(e instanceof ApiError && e.code === 'content_unreadable');
        setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (error && unreadable)
    return (
      <UnreadableDocument
        id={id}
        message={error}
        onRestored={(d) => {
          setError(null);
          setUnreadable(false);
          setDoc(d);
        }}
      />
    );
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!doc) return <p aria-busy="true">{t('common.opening')}</p>;
  const replace = (d: DocumentDetail) => {
    if (d.id !== doc.id) navigate({ kind: 'doc', id: d.id });
    else {
      setDoc(d);
      setGeneration((g) => g + 1);
    }
  };
  // A new status or a restored revision reopens the editors (and a shared document's connection) from what is stored.
  return (
    <>
      {conflictCopy && (
        <p role="alert" className="notice conflict">
          {t('document.conflictCopy')}{' '}
          <button type="button" className="link" lang="sv" onClick={() => navigate({ kind: 'doc', id: conflictCopy.id })}>
            {conflictCopy.title}
          </button>
        </p>
      )}
      <TeamGate key={`${doc.id}:${generation}`} doc={doc} onStatusChanged={replace} onConflict={() => conflictRef.current?.()}>
        {(team, lock) => (
          <OpenDocument
            doc={lock ? { ...doc, readOnly: true, readOnlyReason: lock, readOnlyText: null } : doc}
            onReplace={replace}
            team={team}
            conflictRef={conflictRef}
            onConflictSaved={setConflictCopy}
          />
        )}
      </TeamGate>
    </>
  );
}
