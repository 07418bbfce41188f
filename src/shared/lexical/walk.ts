import type { ContentEnvelope } from '../content';

/** A stored Lexical node, read loosely: the walk must not trust JSON written by another version. */
export type JsonNode = { type?: unknown; text?: unknown; name?: unknown; children?: unknown };

/** Depth-first over stored Lexical JSON; `leave` runs after a node's children. */
export function walkJson(node: JsonNode, enter: (n: JsonNode) => void, leave?: (n: JsonNode) => void): void {
  enter(node);
  if (Array.isArray(node.children)) for (const c of node.children as JsonNode[]) walkJson(c, enter, leave);
  leave?.(node);
}

/** The variable names a document uses, in order of first use. */
export function variablesInContent(content: ContentEnvelope): string[] {
  const names: string[] = [];
  for (const s of content.sections) {
    walkJson(s.state.root as unknown as JsonNode, (n) => {
      if (n.type === 'variable' && typeof n.name === 'string' && !names.includes(n.name)) names.push(n.name);
    });
  }
  return names;
}
