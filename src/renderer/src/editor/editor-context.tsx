import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Metadata } from '../../../shared/metadata';

/**
 * The section the one toolbar acts on: the one last worked in. Focus that only passes through a
 * section on the way somewhere (Tab, Shift+Tab) does not make it the target, or reaching the toolbar
 * from Presentation by Shift+Tab would format Inledning, the last section passed.
 */
export type ToolbarTarget = { editor: LexicalEditor; heading: string };
type ActiveEditor = {
  editor: LexicalEditor | null;
  heading: string | null;
  /** This section is being worked in (clicked, typed in, focused other than by Tab). */
  activate: (editor: LexicalEditor, heading: string) => void;
  /** The section left the page (removed, or the document closed). */
  release: (editor: LexicalEditor) => void;
  /** The section's heading changed: the toolbar says the new one if it is the target. */
  rename: (editor: LexicalEditor, heading: string) => void;
};
const ActiveEditorContext = createContext<ActiveEditor>({
  editor: null,
  heading: null,
  activate: () => undefined,
  release: () => undefined,
  rename: () => undefined,
});

/** Whether the last key pressed was Tab: focus that arrives that way is passing through. */
let lastKeyWasTab = false;
export const focusCameByTab = () => lastKeyWasTab;

export function ActiveEditorProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<ToolbarTarget | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Shift') lastKeyWasTab = e.key === 'Tab';
    };
    const onPointer = () => {
      lastKeyWasTab = false;
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
  const activate = useCallback(
    (editor: LexicalEditor, heading: string) => setTarget((t) => (t?.editor === editor && t.heading === heading ? t : { editor, heading })),
    [],
  );
  const release = useCallback((editor: LexicalEditor) => setTarget((t) => (t?.editor === editor ? null : t)), []);
  const rename = useCallback(
    (editor: LexicalEditor, heading: string) => setTarget((t) => (t?.editor === editor && t.heading !== heading ? { editor, heading } : t)),
    [],
  );
  const value = useMemo(
    () => ({ editor: target?.editor ?? null, heading: target?.heading ?? null, activate, release, rename }),
    [target, activate, release, rename],
  );
  return <ActiveEditorContext.Provider value={value}>{children}</ActiveEditorContext.Provider>;
}

export const useActiveEditor = () => useContext(ActiveEditorContext);

/** The live metadata, read by every variable chip. */
export const MetadataContext = createContext<Metadata | null>(null);
