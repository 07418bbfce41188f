import { useEffect, useRef, useState } from 'react';
import { sectionPlainText } from '../../../shared/lexical/plain-text';
import { variableValue } from '../../../shared/variables';
import type { useDocumentSession } from './useDocumentSession';

export type SectionText = { key: string; heading: string; text: string };

const EVERY_MS = 1500;

/**
 * The sections' plain text while `on` (the Klarspråk panel is open), read again every moment from
 * the editors' latest states: never per keystroke, and not at all while the panel is closed.
 */
export function useSectionTexts(s: ReturnType<typeof useDocumentSession>, on: boolean): SectionText[] {
  const [texts, setTexts] = useState<SectionText[]>([]);
  const metadata = useRef(s.metadata);
  metadata.current = s.metadata;
  const { buildContent } = s;
  useEffect(() => {
    if (!on) return;
    const read = () => {
      const content = buildContent();
      const variable = (name: string) => variableValue(name, metadata.current) || `{{${name}}}`;
      setTexts(content.sections.map((sec) => ({ key: sec.key, heading: sec.heading, text: sectionPlainText(sec.state, variable) })));
    };
    read();
    const timer = setInterval(read, EVERY_MS);
    return () => clearInterval(timer);
  }, [on, buildContent]);
  return texts;
}
