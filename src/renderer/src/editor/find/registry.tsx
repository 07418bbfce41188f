import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { forgetRouteQuery, useRoute } from '../../lib/route';
import { useFindShortcuts, type FindMode } from './shortcuts';

/** One section's editor, as find sees it. */
export type FindSection = { key: string; heading: string; editor: LexicalEditor };

/** The open document's section editors. Stable for the document's life: registering never re-renders the document. */
export type FindRegistry = {
  /** In the order the sections stand on the page (they can be moved after registering). */
  sections: () => FindSection[];
  register: (section: FindSection) => () => void;
  /** Called when a section registers, leaves or is renamed. */
  subscribe: (listener: () => void) => () => void;
};

/** A request to show the bar; `seq` tells a repeated Ctrl+F from no change. */
export type FindRequest = { mode: FindMode; query: string | null; reveal: boolean; seq: number };
type FindState = {
  request: FindRequest | null;
  open: (mode: FindMode, query?: string | null, reveal?: boolean) => void;
  close: () => void;
};

const RegistryContext = createContext<FindRegistry | null>(null);
const StateContext = createContext<FindState>({ request: null, open: () => undefined, close: () => undefined });

function createRegistry(): FindRegistry {
  const entries = new Map<string, FindSection>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const position = (s: FindSection) => s.editor.getRootElement();
  return {
    sections: () =>
      [...entries.values()].sort((a, b) => {
        const pa = position(a);
        const pb = position(b);
        if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
        return pa.compareDocumentPosition(pb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }),
    register: (section) => {
      entries.set(section.key, section);
      notify();
      return () => {
        if (entries.get(section.key) === section) entries.delete(section.key);
        notify();
      };
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A short one-line selection in a section is what Ctrl+F looks for, as in a word processor. */
function selectedWord(): string | null {
  const sel = window.getSelection();
  const text = sel?.toString() ?? '';
  const inEditor = sel?.anchorNode?.parentElement?.closest('[data-lexical-editor]');
  return inEditor && text.trim() && !/[\r\n]/.test(text) && text.length <= 100 ? text : null;
}

/**
 * Calls `onQuery` with the word the global search opened this document with (`#/doc/<id>?q=…`),
 * then drops it from the address: a reload or a status change does not bring it back, and the
 * same word searched for again is a new address, so it opens again.
 */
export function useRouteFindQuery(onQuery: (query: string) => void): void {
  const route = useRoute();
  const latest = useRef(onQuery);
  latest.current = onQuery;
  useEffect(() => {
    if (route.kind !== 'doc' || !route.query) return;
    latest.current(route.query);
    forgetRouteQuery();
  }, [route]);
}

/**
 * Around the open document: holds the section registry and whether the find bar is open, binds
 * Ctrl+F / Ctrl+H, and opens the bar on the word from the global search.
 */
export function FindProvider({ children }: { children: ReactNode }) {
  const registry = useRef<FindRegistry | null>(null);
  registry.current ??= createRegistry();
  const [request, setRequest] = useState<FindRequest | null>(null);
  const seq = useRef(0);
  const open = useCallback((mode: FindMode, query: string | null = selectedWord(), reveal = false) => {
    seq.current += 1;
    setRequest({ mode, query, reveal, seq: seq.current });
  }, []);
  const close = useCallback(() => setRequest(null), []);
  useFindShortcuts(open);
  useRouteFindQuery((query) => open('find', query, true));
  const state = useMemo(() => ({ request, open, close }), [request, open, close]);
  return (
    <RegistryContext.Provider value={registry.current}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </RegistryContext.Provider>
  );
}

export const useFindRegistry = () => useContext(RegistryContext);
/** Open or close the find bar from anywhere in the document (a menu, a button). */
export const useFind = () => useContext(StateContext);

/** Each section editor renders this, so find and replace reach its text. Outside a FindProvider it does nothing. */
export function FindRegistrationPlugin({ sectionKey, heading }: { sectionKey: string; heading: string }) {
  const [editor] = useLexicalComposerContext();
  const registry = useFindRegistry();
  useEffect(() => registry?.register({ key: sectionKey, heading, editor }), [registry, sectionKey, heading, editor]);
  return null;
}
