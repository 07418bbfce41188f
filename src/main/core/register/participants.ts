import type { ContentEnvelope } from '../../../shared/content';
import { cleanLine } from '../export/sanitize';

/** The section where the samråd template lists who took part. */
export const PARTICIPANTS_SECTION = 'deltagande-organisationer';

type Node = { type?: unknown; text?: unknown; children?: unknown };

function textOf(node: Node): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return ' ';
  return Array.isArray(node.children) ? (node.children as Node[]).map(textOf).join('') : '';
}

function listItems(node: Node, out: string[]): void {
  if (node.type === 'listitem') {
    // A nested list inside an item names organisations of its own; the item's text is the rest.
    const own = Array.isArray(node.children) ? (node.children as Node[]).filter((c) => c.type !== 'list') : [];
    out.push(cleanLine(own.map(textOf).join('')));
  }
  if (Array.isArray(node.children)) for (const c of node.children as Node[]) listItems(c, out);
}

/**
 * The participating organisations for the register's keywords: the list items of the
 * participants section, each once, in order. Empty when the minutes have no such list.
 */
export function participantOrganisations(content: ContentEnvelope): string[] {
  const section = content.sections.find((s) => s.key === PARTICIPANTS_SECTION);
  if (!section) return [];
  const items: string[] = [];
  listItems(section.state.root as Node, items);
  return [...new Set(items.map((t) => t.replace(/[.;,]$/, '').trim()).filter(Boolean))];
}
