import { MAX_LIST_DEPTH } from '../../../shared/limits';

/**
 * A linear pre-pass over Markdown that flattens list and quote nesting beyond what minutes use,
 * before marked sees it. marked re-lexes each nested container's content, so its time grows with
 * the square of the depth (600 levels took 6 s, 1,000 overflowed the stack); after this pass it
 * never sees more than MAX_LIST_DEPTH list levels and MAX_QUOTE_DEPTH quote levels.
 *
 * It follows CommonMark's container rules for block quotes and list items closely enough to know
 * each line's containers, and rewrites only lines that are too deep: their too-deep list items
 * become items of the deepest allowed list, their extra `>` go. Only indentation, markers and `>`
 * change, never the words; a document within the limits comes back byte for byte.
 */
export const MAX_QUOTE_DEPTH = 12;

type Quote = { kind: 'quote' };
type Item = { kind: 'item'; indent: number; marker: string; width: number };
type Container = Quote | Item;
/** A container on one line: where its prefix starts and ends, and whether the line opens it. */
type Step = { c: Container; from: number; to: number; opened: boolean };

const MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ ]|$)/y;
const THEMATIC_BREAK = /^(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;

/** Tabs to spaces (stops of 4), so columns can be counted; only in the indentation that matters here. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

/** Spaces at a position, counted no further than `max`: counting all of them on every level would be quadratic. */
const spacesAt = (s: string, at: number, max = 5) => {
  let n = 0;
  while (n < max && s[at + n] === ' ') n++;
  return n;
};

/** Continues the open containers on a line, as far as the line's prefix matches them. */
function matchOpen(line: string, open: readonly Container[]): { steps: Step[]; pos: number } {
  const steps: Step[] = [];
  let pos = 0;
  for (const c of open) {
    const sp = spacesAt(line, pos, c.kind === 'item' ? c.width : 4);
    if (c.kind === 'quote') {
      if (sp > 3 || line[pos + sp] !== '>') break;
      const to = pos + sp + 1 + (line[pos + sp + 1] === ' ' ? 1 : 0);
      steps.push({ c, from: pos, to, opened: false });
      pos = to;
    } else {
      if (pos + sp < line.length && sp < c.width) break; // a blank line continues an item
      const to = Math.min(line.length, pos + c.width);
      steps.push({ c, from: pos, to, opened: false });
      pos = to;
    }
  }
  return { steps, pos };
}

/** Containers the rest of a line opens: `>` and list markers, possibly several on one line. */
function openNew(line: string, start: number): { steps: Step[]; pos: number } {
  const steps: Step[] = [];
  // Positions and sticky matches rather than slices: a line may hold thousands of markers.
  const lastOther = line.search(/[^ \-*_][ \-*_]*$/);
  let pos = start;
  for (;;) {
    const sp = spacesAt(line, pos);
    if (sp > 3) break; // indented code
    const at = pos + sp;
    if (line[at] === '>') {
      const to = at + 1 + (line[at + 1] === ' ' ? 1 : 0);
      steps.push({ c: { kind: 'quote' }, from: pos, to, opened: true });
      pos = to;
      continue;
    }
    MARKER.lastIndex = at;
    const m = MARKER.exec(line);
    if (!m || (at > lastOther && THEMATIC_BREAK.test(line.slice(at).trimEnd()))) break;
    const after = spacesAt(line, at + m[0].length);
    const gap = after >= 1 && after <= 4 && at + m[0].length + after < line.length ? after : 1;
    const width = sp + m[0].length + gap;
    steps.push({ c: { kind: 'item', indent: sp, marker: m[0], width }, from: pos, to: Math.min(line.length, pos + width), opened: true });
    pos = Math.min(line.length, pos + width);
  }
  return { steps, pos };
}

/**
 * The prefix of a too-deep line rebuilt within the limits: quotes past the limit and everything past
 * the deepest allowed list item dropped; that item reopened (a new item in its list) when the line
 * starts an item, else continued.
 */
function rebuild(line: string, steps: readonly Step[], end: number): string | null {
  let items = 0;
  let quotes = 0;
  let out = '';
  let changed = false;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.c.kind === 'quote') {
      if (++quotes > MAX_QUOTE_DEPTH) changed = true;
      else out += line.slice(s.from, s.to);
      continue;
    }
    if (++items < MAX_LIST_DEPTH) {
      out += line.slice(s.from, s.to);
      continue;
    }
    const deeper = steps.slice(i + 1);
    if (deeper.length === 0) return changed ? out + line.slice(s.from) : null;
    const opens = s.opened || deeper.some((d) => d.opened && d.c.kind === 'item');
    const item = s.c;
    out += opens ? `${' '.repeat(item.indent)}${item.marker} ` : ' '.repeat(item.width);
    return out + line.slice(end);
  }
  return changed ? out + line.slice(end) : null;
}

/** Markdown with nesting past the limits flattened, and whether anything was. Linear in the input. */
export function flattenDeepNesting(markdown: string): { text: string; flattened: boolean } {
  // Cheap test first: a line 13 containers deep has a prefix of at least 13 such characters.
  if (!/^[ \t>\-+*\d.)]{13,}/m.test(markdown)) return { text: markdown, flattened: false };
  const lines = markdown.split('\n');
  let open: Container[] = [];
  let fence: string | null = null;
  let paragraph = false;
  let flattened = false;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = expandTabs(raw);
    const matched = matchOpen(line, open);
    const rest = line.slice(matched.pos);
    const blank = rest.trim() === '';
    let steps = matched.steps;
    let end = matched.pos;
    if (fence !== null) {
      if (matched.steps.length < open.length) fence = null;
      else if (rest.trimStart().startsWith(fence)) fence = null;
    }
    if (fence === null) {
      const lazy = matched.steps.length < open.length && paragraph && !blank;
      const fresh = openNew(line, matched.pos);
      if (lazy && fresh.steps.length === 0) {
        paragraph = true;
        continue; // a lazy continuation line: the containers stay open, the line stays as written
      }
      steps = [...matched.steps, ...fresh.steps];
      end = fresh.pos;
      open = steps.map((s) => s.c);
      const text = line.slice(end);
      const f = spacesAt(text, 0) < 4 ? FENCE.exec(text.trimStart()) : null;
      if (f?.[1]) fence = f[1];
      paragraph = text.trim() !== '' && !f;
    } else paragraph = false;
    const rebuilt = rebuild(line, steps, end);
    if (rebuilt !== null) {
      lines[n] = rebuilt;
      flattened = true;
    }
  }
  return flattened ? { text: lines.join('\n'), flattened } : { text: markdown, flattened };
}
