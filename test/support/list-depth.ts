/** A node of serialized Lexical JSON, as far as depth counting needs it. */
export type JsonNode = { type?: string; text?: string; children?: JsonNode[] };

/** The deepest list nesting in a section, counted without recursion (the inputs are built to overflow a stack). */
export function listDepth(root: JsonNode): number {
  let max = 0;
  const stack: Array<[JsonNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    const depth = n.type === 'list' ? d + 1 : d;
    max = Math.max(max, depth);
    for (const c of n.children ?? []) stack.push([c, depth]);
  }
  return max;
}
