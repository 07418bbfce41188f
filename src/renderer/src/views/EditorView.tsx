import { useEffect, useMemo, useRef, useState } from 'react';
import { emptyEditorState } from '../../../shared/content';
import type { DocumentDetail } from '../../../shared/document';
import { STATUS_LABELS } from '../../../shared/domain';
import { METADATA_LABELS, type MetadataKey } from '../../../shared/metadata';
import { VARIABLE_SOURCE, documentTitle, variableValue, type VariableName } from '../../../shared/variables';
import { ApiError } from '../../../shared/result';
import { api, errorMessage } from '../api';
import { SaveIndicator } from '../components/SaveIndicator';
import { ActiveEditorProvider, MetadataContext } from '../editor/editor-context';
import { SectionEditor } from '../editor/SectionEditor';
import { Toolbar } from '../editor/Toolbar';
import { openDocument } from '../lib/opening-document';
import { navigate } from '../lib/route';
import { ExportControls } from './ExportControls';
import { HistoryDialog } from '../lazy-views';
import { MetadataForm } from './MetadataForm';
import { NextMeetingDialog } from './NextMeetingDialog';
import { SaveAsTemplateDialog } from './SaveAsTemplateDialog';
import { WorkflowControls } from './WorkflowControls';
import { SectionFrame } from './SectionFrame';
import { UnreadableDocument } from './UnreadableDocument';
import { useDocumentSession } from './useDocumentSession';
import { TeamGate, type TeamBinding } from './TeamGate';
import { AssignDialog } from './team/AssignDialog';
import { ShareDialog } from './team/ShareDialog';
import { TeamBar } from './team/TeamBar';
import type { DocumentSummary } from '../../../shared/domain';

type OpenProps = {
  doc: DocumentDetail;
  onReplace: (doc: DocumentDetail) => void;
  team: TeamBinding | null;
  /** Set by the gate when the server refused this person's offline edits. */
  conflictRef: { current: (() => void) | null };
  onConflictSaved: (copy: DocumentSummary) => void;
};

function OpenDocument({ doc, onReplace, team, conflictRef, onConflictSaved }: OpenProps) {
  const s = useDocumentSession(doc, team?.session ?? null);
  const [share, setShare] = useState(false);
  const [assign, setAssign] = useState<{ key: string; heading: string } | null>(null);
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
  const [history, setHistory] = useState(false);
  const [next, setNext] = useState(false);
  const [asTemplate, setAsTemplate] = useState(false);
  const [versionSaved, setVersionSaved] = useState(false);
  const saveVersion = async () => {
    await s.flushNow();
    await api.saveVersion({ id: doc.id });
    setVersionSaved(true);
    setTimeout(() => setVersionSaved(false), 2500);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!doc.readOnly) void saveVersion();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const readOnly = doc.readOnly;
  const sectionReadOnly = (key: string) => readOnly || (team !== null && !(team.session.section(key)?.writable ?? true));
  const title = documentTitle(doc.titlePattern, s.metadata);
  const missing = useMemo(() => {
    const names = [...new Set([...title.missing, ...s.usedVariables.filter((n) => !variableValue(n, s.metadata))])];
    return names.map((n) => ({ name: n, field: VARIABLE_SOURCE[n.toLowerCase() as VariableName] as MetadataKey | undefined }));
  }, [title.missing, s.usedVariables, s.metadata]);
  const missingFields = useMemo(() => new Set(missing.flatMap((m) => (m.field ? [m.field] : []))), [missing]);

  const move = (i: number, delta: -1 | 1) => {
    const next = [...s.sections];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + delta, 0, item);
    s.setSections(next);
  };

  return (
    <MetadataContext.Provider value={s.metadata}>
      <ActiveEditorProvider>
        <div className="editor-view">
          <div className="doc-bar">
            <button type="button" onClick={() => navigate({ kind: 'list' })}>
              ← Alla dokument
            </button>
            <span className={`status status-${doc.status}`}>{STATUS_LABELS[doc.status]}</span>
            {!readOnly && <SaveIndicator state={s.saveState} />}
            {s.saveError && <span className="error-inline">{s.saveError}</span>}
            <WorkflowControls doc={doc} beforeChange={s.flushNow} onChanged={onReplace} />
          </div>
          {team && <TeamBar team={team} />}
          <div className="doc-actions">
            {!readOnly && (
              <button type="button" title="Spara en namngiven version i historiken (Ctrl+S)" onClick={() => void saveVersion()}>
                {versionSaved ? 'Version sparad' : 'Spara version'}
              </button>
            )}
            <button type="button" onClick={() => setHistory(true)}>
              Historik
            </button>
            {!team && !readOnly && (
              <button type="button" onClick={() => setShare(true)}>
                Dela med teamet…
              </button>
            )}
            <button type="button" onClick={() => setNext(true)}>
              Nästa möte…
            </button>
            <button type="button" onClick={() => setAsTemplate(true)}>
              Spara som mall…
            </button>
            <ExportControls
              id={doc.id}
              beforeExport={s.flushNow}
              canPackage={
                // A version replaced by a newer approved one is no longer what the register holds.
                !doc.versions.some((v) => v.version > doc.version && (v.status === 'justerad' || v.status === 'registrerad')) &&
                ((doc.status === 'justerad' && !!doc.metadata.dnr) || doc.status === 'registrerad')
              }
            />
          </div>
          {share && (
            <ShareDialog
              doc={doc}
              beforeShare={s.flushNow}
              onClose={() => setShare(false)}
              onShared={(d) => {
                setShare(false);
                onReplace(d);
              }}
            />
          )}
          {assign && <AssignDialog docId={doc.id} section={assign.key} heading={assign.heading} onClose={() => setAssign(null)} />}
          {next && <NextMeetingDialog doc={doc} onClose={() => setNext(false)} />}
          {asTemplate && <SaveAsTemplateDialog doc={doc} onClose={() => setAsTemplate(false)} />}
          {history && <HistoryDialog docId={doc.id} onClose={() => setHistory(false)} beforeRestore={s.flushNow} onRestored={onReplace} />}
          {readOnly && (
            <p role="alert" className="notice">
              {doc.readOnlyReason}
            </p>
          )}
          <Toolbar disabled={readOnly} />
          <div className="editor-columns">
            <article className="page" aria-label="Dokument">
              <div className="page-header">
                <div>
                  <strong>{s.metadata.department || 'Departement'}</strong>
                  <div>{s.metadata.unit}</div>
                </div>
                <div className="right">
                  <div>{s.metadata.documentType}</div>
                  <div>{s.metadata.date}</div>
                  {s.metadata.dnr && <div>Dnr {s.metadata.dnr}</div>}
                </div>
              </div>
              <h1 className="doc-title" data-testid="doc-title">
                {title.text}
              </h1>
              {missing.length > 0 && (
                <div className="missing" role="note" aria-label="Variabler utan värde">
                  Saknar värde:{' '}
                  {missing.map((m) => (
                    <span key={m.name} className="chip chip-missing">
                      {`{{${m.name}}}`}
                      {m.field ? ` – fyll i ${METADATA_LABELS[m.field]}` : ' – okänd variabel'}
                    </span>
                  ))}
                </div>
              )}
              {s.sections.map((sec, i) => (
                <SectionFrame
                  key={sec.key}
                  section={sec}
                  index={i}
                  count={s.sections.length}
                  // A shared document keeps the structure it was shared with: its sections are the server's documents.
                  readOnly={readOnly || team !== null}
                  onAssign={role === 'sekreterare' && !readOnly ? () => setAssign({ key: sec.key, heading: sec.heading }) : undefined}
                  onMove={(d) => move(i, d)}
                  onRemove={() => s.setSections(s.sections.filter((x) => x.key !== sec.key))}
                  onRename={(heading) => s.setSections(s.sections.map((x) => (x.key === sec.key ? { ...x, heading } : x)))}
                  onTogglePrint={(printHeading) => s.setSections(s.sections.map((x) => (x.key === sec.key ? { ...x, printHeading } : x)))}
                  onAddAfter={(heading) => s.addSection(sec.key, heading)}
                >
                  <SectionEditor
                    sectionKey={sec.key}
                    heading={sec.heading}
                    guidance={sec.guidance || 'Skriv här.'}
                    initialState={doc.content.sections.find((x) => x.key === sec.key)?.state ?? emptyEditorState()}
                    readOnly={sectionReadOnly(sec.key)}
                    onChange={s.onSectionChange}
                    onBlur={s.flush}
                    collab={
                      team && (
                        <team.Plugin
                          session={team.session}
                          sectionKey={sec.key}
                          initialState={doc.content.sections.find((x) => x.key === sec.key)?.state ?? emptyEditorState()}
                        />
                      )
                    }
                  />
                </SectionFrame>
              ))}
            </article>
            <aside className="side">
              <MetadataForm
                metadata={s.metadata}
                titlePattern={doc.titlePattern}
                readOnly={readOnly || (team !== null && role !== 'sekreterare')}
                missingFields={missingFields}
                onChange={s.setMetadata}
                onBlur={s.flush}
              />
            </aside>
          </div>
        </div>
      </ActiveEditorProvider>
    </MetadataContext.Provider>
  );
}

/** Loads a document and opens it; a reload comes back here through the URL. */
export function EditorView({ id }: { id: string }) {
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
  if (!doc) return <p aria-busy="true">Öppnar…</p>;
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
          Minnesanteckningarna justerades medan du var offline, så dina senaste ändringar kom inte med. De finns kvar i en egen kopia:{' '}
          <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: conflictCopy.id })}>
            {conflictCopy.title}
          </button>
        </p>
      )}
      <TeamGate key={`${doc.id}:${generation}`} doc={doc} onStatusChanged={replace} onConflict={() => conflictRef.current?.()}>
        {(team, lock) => (
          <OpenDocument
            doc={lock ? { ...doc, readOnly: true, readOnlyReason: lock } : doc}
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
