import type { ContentEnvelope } from '../../shared/content';
import { walkJson, type JsonNode } from '../../shared/lexical/walk';
import type { Metadata } from '../../shared/metadata';
import { variableValue } from '../../shared/variables';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listitem', 'quote']);

/**
 * Plain text of a document for search and listings, straight from the stored JSON
 * (no editor needed: this runs on every autosave).
 */
export function contentPlainText(content: ContentEnvelope, m: Metadata): string {
  const out: string[] = [];
  for (const s of content.sections) {
    out.push(`${s.heading}\n`);
    walkJson(
      s.state.root as unknown as JsonNode,
      (n) => {
        if (n.type === 'text' && typeof n.text === 'string') out.push(n.text);
        else if (n.type === 'linebreak') out.push('\n');
        else if (n.type === 'variable' && typeof n.name === 'string') out.push(variableValue(n.name, m) || `{{${n.name}}}`);
      },
      (n) => {
        if (typeof n.type === 'string' && BLOCK_TYPES.has(n.type)) out.push('\n');
      },
    );
  }
  // NFC: text pasted from some systems has decomposed å/ä/ö, which the index would treat as other words.
  return out
    .join('')
    .normalize('NFC')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
