import type { ContentEnvelope } from '../content';
import { splitVariables } from '../variables';

/** A stored Lexical node, read loosely: the walk must not trust JSON written by another version. */
export type JsonNode = { type?: unknown; text?: unknown; name?: unknown; children?: unknown };

/** Depth-first over stored Lexical JSON; `leave` runs after a node's children. */
export function walkJson(node: JsonNode, enter: (n: JsonNode) => void, leave?: (n: JsonNode) => void): void {
  enter(node);
  if (Array.isArray(node.children)) for (const c of node.children as JsonNode[]) walkJson(c, enter, leave);
  leave?.(node);
}

/** The variable names a document uses, in order of first use: chips and {{name}} still in plain text alike. */
export function variablesInContent(content: ContentEnvelope): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const s of content.sections) {
    walkJson(s.state.root as unknown as JsonNode, (n) => {
      if (n.type === 'variable' && typeof n.name === 'string') add(n.name);
      else if (typeof n.text === 'string') for (const p of splitVariables(n.text)) if ('variable' in p) add(p.variable);
    });
  }
  return names;
}
