import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorState, SerializedEditorState } from 'lexical';
import { Autosaver, type SaveState } from '../../../shared/autosaver';
import { emptyEditorState, type ContentEnvelope, type SectionContent } from '../../../shared/content';
import type { DocumentDetail } from '../../../shared/document';
import { variablesInContent } from '../../../shared/lexical/walk';
import type { Metadata } from '../../../shared/metadata';
import { toSlug, uniqueSlug } from '../../../shared/template';
import { ApiError } from '../../../shared/result';
import { api, errorMessage, saveOnUnload } from '../api';

export type SectionMeta = Omit<SectionContent, 'state'>;

/**
 * One open document: its metadata, its section structure and the latest state of each section
 * editor, saved by one debounced Autosaver. Editor states are serialised only when saving,
 * never per keystroke.
 */
export function useDocumentSession(doc: DocumentDetail, shared: { editorsSince: (ms: number) => string[] } | null = null) {
  const [metadata, setMetadataState] = useState<Metadata>(doc.metadata);
  const [sections, setSectionsState] = useState<SectionMeta[]>(() => doc.content.sections.map(({ state: _s, ...meta }) => meta));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [usedVariables, setUsedVariables] = useState<string[]>(() => variablesInContent(doc.content));

  const metadataRef = useRef(metadata);
  const metadataDirty = useRef(false);
  const mirroredAt = useRef(Date.now());
  const sectionsRef = useRef(sections);
  const states = useRef(new Map<string, EditorState | SerializedEditorState>(doc.content.sections.map((s) => [s.key, s.state])));

  const buildContent = useCallback(
    (): ContentEnvelope => ({
      format: doc.content.format,
      version: doc.content.version,
      sections: sectionsRef.current.map((s) => {
        const st = states.current.get(s.key);
        const state = !st ? emptyEditorState() : 'toJSON' in st ? st.toJSON() : st;
        return { ...s, state };
      }),
    }),
    [doc.content.format, doc.content.version],
  );

  const autosaver = useMemo(
    () =>
      new Autosaver({
        delayMs: 500,
        save: async () => {
          const content = buildContent();
          setUsedVariables(variablesInContent(content));
          if (!shared) return void (await api.saveDocument({ id: doc.id, metadata: metadataRef.current, content }));
          // Shared: the text follows the server whatever the local status; metadata is the secretary's to change.
          const since = mirroredAt.current;
          mirroredAt.current = Date.now();
          await api.mirrorSharedContent({ id: doc.id, content, authors: shared.editorsSince(since) });
          if (metadataDirty.current && !doc.readOnly) {
            metadataDirty.current = false;
            await api.saveDocument({ id: doc.id, metadata: metadataRef.current });
          }
        },
        onState: (s, e) => {
          setSaveState(s);
          // A host error in the UI's language; anything else (the network) as the browser words it.
          setSaveError(s === 'error' && e instanceof Error ? (e instanceof ApiError ? errorMessage(e) : e.message) : null);
        },
      }),
    [buildContent, doc.id, doc.readOnly, shared],
  );

  // Flush before the window goes: Electron closes only after the save; a browser sends it with keepalive.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsaved || doc.readOnly || shared) return;
      const sent = saveOnUnload({ id: doc.id, metadata: metadataRef.current, content: buildContent() });
      if (sent === 'sent') return;
      e.preventDefault();
      void autosaver.flush().then(() => window.close());
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (autosaver.hasUnsaved) void autosaver.flush().catch(() => undefined);
    };
  }, [autosaver, buildContent, doc.id, doc.readOnly, shared]);

  const setMetadata = useCallback(
    (m: Metadata) => {
      metadataRef.current = m;
      metadataDirty.current = true;
      setMetadataState(m);
      autosaver.schedule();
    },
    [autosaver],
  );

  const setSections = useCallback(
    (next: SectionMeta[]) => {
      sectionsRef.current = next;
      setSectionsState(next);
      autosaver.schedule();
    },
    [autosaver],
  );

  const onSectionChange = useCallback(
    (key: string, state: EditorState) => {
      states.current.set(key, state);
      autosaver.schedule();
    },
    [autosaver],
  );

  const addSection = useCallback(
    (afterKey: string, heading: string) => {
      const key = uniqueSlug(toSlug(heading, 'avsnitt'), (k) => sectionsRef.current.some((s) => s.key === k));
      const idx = sectionsRef.current.findIndex((s) => s.key === afterKey);
      const next = [...sectionsRef.current];
      next.splice(idx + 1, 0, { key, heading, printHeading: true, guidance: '', carryOver: false });
      setSections(next);
    },
    [setSections],
  );

  const flush = useCallback(() => void autosaver.flush().catch(() => undefined), [autosaver]);
  const flushNow = useCallback(() => autosaver.flush(), [autosaver]);

  return {
    metadata,
    setMetadata,
    sections,
    setSections,
    addSection,
    onSectionChange,
    saveState,
    saveError,
    usedVariables,
    flush,
    flushNow,
    states,
    buildContent,
  };
}
