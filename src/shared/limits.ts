import type { SerializedEditorState } from 'lexical';

/**
 * Limits that make sense for minutes, in one place for every path content takes into the store
 * (import, paste, autosave, templates, the API). Minutes never need more than a few list levels;
 * a few hundred make SQLite's JSON functions fail (depth 1000, and a Lexical list level is four
 * JSON levels), after which a row can no longer be listed or opened. So lists deeper than
 * MAX_LIST_DEPTH are flattened (items kept, in order), and what is still too deep or too large is
 * refused before it is stored.
 */
export const MAX_LIST_DEPTH = 12;
/** Formatting or element nesting in pasted or imported markup; deeper content keeps only its text. */
export const MAX_INLINE_DEPTH = 64;
/** Block containers (divs, tables, lists) nested in pasted or imported markup; deeper ones keep only their text. */
export const MAX_MARKUP_DEPTH = 256;
/**
 * Tables in minutes are lists of participants or decisions: a few columns, at most some hundred
 * rows. A larger table is split into tables of MAX_TABLE_ROWS rows (the header row repeated in
 * each) and cells past MAX_TABLE_COLUMNS join the row's last cell: its words are kept.
 */
export const MAX_TABLE_ROWS = 1000;
export const MAX_TABLE_COLUMNS = 20;
/** Longer addresses are not links (the text stays); browsers and Word cope with far less. */
export const MAX_URL_LENGTH = 2048;
/** A 12-level list is about 55 JSON levels in a stored envelope; this leaves room and stays far below SQLite's 1000. */
export const MAX_JSON_DEPTH = 128;
/** Roughly the JSON's length in characters; about 30,000 pages of minutes. */
export const MAX_CONTENT_SIZE = 100 * 1024 * 1024;

export type BoundsResult = { ok: true } | { ok: false; error: { code: 'content_too_deep' | 'content_too_large'; message: string } };

/**
 * The JSON depth (as SQLite counts it: each object or array one level) and approximate size of a
 * value, without recursion and without JSON.stringify, both of which overflow the stack on the
 * very input this guards against. Stops as soon as a limit is passed.
 */
export function checkContentBounds(value: unknown): BoundsResult {
  let size = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') size += v.length + 2;
    else if (v !== null && typeof v === 'object') {
      const d = depth + 1;
      if (d > MAX_JSON_DEPTH) {
        return {
          ok: false,
          error: {
            code: 'content_too_deep',
            message: `Innehållet är för djupt nästlat för att sparas (högst ${MAX_LIST_DEPTH} listnivåer).`,
          },
        };
      }
      size += 2;
      if (Array.isArray(v)) for (const c of v as unknown[]) stack.push([c, d]);
      else
        for (const [k, c] of Object.entries(v)) {
          size += k.length + 4;
          stack.push([c, d]);
        }
    } else size += 8;
    if (size > MAX_CONTENT_SIZE) {
      return { ok: false, error: { code: 'content_too_large', message: 'Innehållet är för stort för att sparas (högst 100 MB).' } };
    }
  }
  return { ok: true };
}

type Node = { type?: unknown; value?: unknown; indent?: unknown; start?: unknown; children?: unknown };

const kids = (n: Node): Node[] => (Array.isArray(n.children) ? (n.children as Node[]) : []);
const isList = (n: Node) => n.type === 'list';

/**
 * The items of a list too deep to keep, in document order, as plain items of the list that holds
 * them: an item's own content first, then the items of the lists inside it. Iterative, because the
 * input may be thousands of levels deep.
 */
function flatItems(deepList: Node, indent: number): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [...kids(deepList)].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const own = kids(item).filter((c) => !isList(c));
    const nested = kids(item).filter(isList);
    if (own.length > 0 || nested.length === 0) out.push({ ...item, indent, children: own });
    for (let i = nested.length - 1; i >= 0; i--) stack.push(...[...kids(nested[i]!)].reverse());
  }
  return out;
}

/** A list at the deepest allowed level: nested lists inside its items become items of its own. */
function flattenInto(list: Node): { node: Node; changed: boolean } {
  const items: Node[] = [];
  let changed = false;
  const start = typeof list.start === 'number' ? list.start : 1;
  for (const item of kids(list)) {
    const nested = kids(item).filter(isList);
    if (nested.length === 0) {
      items.push(item);
      continue;
    }
    changed = true;
    const indent = typeof item.indent === 'number' ? item.indent : 0;
    items.push(...flatItems({ children: [item] }, indent));
  }
  if (!changed) return { node: list, changed };
  // Lexical's numbering: wrapper items (a list alone) do not count, and none remain here.
  return { node: { ...list, children: items.map((it, i) => ({ ...it, value: start + i })) }, changed };
}

function clampNode(node: Node, listDepth: number, jsonDepth: number): { node: Node; changed: boolean } {
  const depth = isList(node) ? listDepth + 1 : listDepth;
  if (isList(node) && depth >= MAX_LIST_DEPTH) return flattenInto(node);
  // Past this the JSON is refused anyway (checkContentBounds); do not recurse into it.
  if (jsonDepth > MAX_JSON_DEPTH || !Array.isArray(node.children)) return { node, changed: false };
  let changed = false;
  const children = kids(node).map((c) => {
    const r = clampNode(c, depth, jsonDepth + 2);
    changed ||= r.changed;
    return r.node;
  });
  return changed ? { node: { ...node, children }, changed } : { node, changed };
}

/**
 * A Lexical state with lists deeper than MAX_LIST_DEPTH flattened to that level: every item and its
 * words kept, in order. `flattened` says whether anything changed (then tell the user so: errors.notice.flattened).
 */
export function clampListDepth(state: SerializedEditorState): { state: SerializedEditorState; flattened: boolean } {
  const r = clampNode(state.root as unknown as Node, 0, 2);
  return r.changed
    ? { state: { ...state, root: r.node as unknown as SerializedEditorState['root'] }, flattened: true }
    : { state, flattened: false };
}

/** clampListDepth over every section of an envelope; the same sections (by identity) when nothing changed. */
export function clampSections<S extends { state: SerializedEditorState }>(sections: readonly S[]): { sections: S[]; flattened: boolean } {
  let flattened = false;
  const out = sections.map((s) => {
    const r = clampListDepth(s.state);
    flattened ||= r.flattened;
    return r.flattened ? { ...s, state: r.state } : s;
  });
  return { sections: out, flattened };
}
