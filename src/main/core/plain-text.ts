import type { ContentEnvelope } from '../../shared/content';
import { sectionPlainText } from '../../shared/lexical/plain-text';
import type { Metadata } from '../../shared/metadata';
import { variableValue } from '../../shared/variables';

/**
 * Plain text of a document for search and listings, straight from the stored JSON
 * (no editor needed: this runs on every autosave).
 */
export function contentPlainText(content: ContentEnvelope, m: Metadata): string {
  const variable = (name: string) => variableValue(name, m) || `{{${name}}}`;
  const out = content.sections.map((s) => `${s.heading}\n${sectionPlainText(s.state, variable)}`);
  // NFC: text pasted from some systems has decomposed å/ä/ö, which the index would treat as other words.
  return out
    .join('')
    .normalize('NFC')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
