import type { SerializedEditorState } from 'lexical';
import { walkJson, type JsonNode } from './walk';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listitem', 'quote', 'tablecell']);

/**
 * A section's text from its stored JSON, one line per block (no editor needed): for search, the
 * listings and the Klarspråk hints. `variable` gives a variable's text (its value, or {{name}}).
 */
export function sectionPlainText(state: SerializedEditorState, variable: (name: string) => string): string {
  const out: string[] = [];
  walkJson(
    state.root as unknown as JsonNode,
    (n) => {
      if (n.type === 'text' && typeof n.text === 'string') out.push(n.text);
      else if (n.type === 'linebreak') out.push('\n');
      else if (n.type === 'variable' && typeof n.name === 'string') out.push(variable(n.name));
    },
    (n) => {
      if (typeof n.type === 'string' && BLOCK_TYPES.has(n.type)) out.push('\n');
    },
  );
  return out.join('');
}
