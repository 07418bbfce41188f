import { createContext, useContext, useState, type ReactNode } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Metadata } from '../../../shared/metadata';

/** Which section editor has focus, so the one toolbar acts on it. */
type ActiveEditor = { editor: LexicalEditor | null; setEditor: (e: LexicalEditor | null) => void };
const ActiveEditorContext = createContext<ActiveEditor>({ editor: null, setEditor: () => undefined });

export function ActiveEditorProvider({ children }: { children: ReactNode }) {
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  return <ActiveEditorContext.Provider value={{ editor, setEditor }}>{children}</ActiveEditorContext.Provider>;
}

export const useActiveEditor = () => useContext(ActiveEditorContext);

/** The live metadata, read by every variable chip. */
export const MetadataContext = createContext<Metadata | null>(null);
