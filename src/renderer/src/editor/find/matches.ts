import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type ElementNode,
  type NodeKey,
} from 'lexical';
import { findMatches, splitRange, type FindOptions } from '../../../../shared/find/match';
import type { FindSection } from './registry';

/** A hit's piece in one text node: [from, to) in that node's text. */
export type MatchPart = { key: NodeKey; from: number; to: number };
/** A hit in one section: `run` is the paragraph-like run of text it is in, `start` its offset there. */
export type FindMatch = { section: FindSection; run: number; start: number; text: string; parts: MatchPart[] };

type Run = Array<{ key: NodeKey; text: string }>;

/**
 * A section's text as runs: the text nodes of one block, side by side. A hit may span plain and bold
 * text in one paragraph, never two paragraphs, a line break or a variable chip.
 */
function $textRuns(): Run[] {
  const runs: Run[] = [];
  let run: Run = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const visit = (element: ElementNode) => {
    for (const child of element.getChildren()) {
      if ($isTextNode(child)) run.push({ key: child.getKey(), text: child.getTextContent() });
      else if ($isElementNode(child) && child.isInline()) visit(child);
      else if ($isElementNode(child)) {
        flush();
        visit(child);
        flush();
      } else flush();
    }
  };
  visit($getRoot());
  flush();
  return runs;
}

/** Every hit in the given sections, in page order: section by section, then as the text reads. */
export function collectMatches(sections: readonly FindSection[], query: string, options: FindOptions): FindMatch[] {
  if (query === '') return [];
  return sections.flatMap((section) =>
    section.editor.getEditorState().read(() =>
      $textRuns().flatMap((nodes, run) => {
        const text = nodes.map((n) => n.text).join('');
        const lengths = nodes.map((n) => n.text.length);
        return findMatches(text, query, options).map((m) => ({
          section,
          run,
          start: m.start,
          text: text.slice(m.start, m.end),
          parts: splitRange(lengths, m.start, m.end).flatMap(({ segment, from, to }) => {
            const node = nodes[segment];
            return node ? [{ key: node.key, from, to }] : [];
          }),
        }));
      }),
    ),
  );
}

/** The first text node inside the element Lexical drew for a text node (bold may nest tags). */
function domText(section: FindSection, key: NodeKey): Text | null {
  const element = section.editor.getElementByKey(key);
  if (!element) return null;
  const first = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
  return first instanceof Text ? first : null;
}

/** The hit on the page, for highlighting and scrolling; null while its section is not drawn. */
export function domRange(match: FindMatch): Range | null {
  const first = match.parts[0];
  const last = match.parts[match.parts.length - 1];
  if (!first || !last) return null;
  const start = domText(match.section, first.key);
  const end = domText(match.section, last.key);
  if (!start || !end) return null;
  const range = document.createRange();
  try {
    range.setStart(start, Math.min(first.from, start.length));
    range.setEnd(end, Math.min(last.to, end.length));
  } catch {
    return null;
  }
  return range;
}

/**
 * Selects the hit in its editor without moving focus there (the find field keeps it): the editor
 * shows the selection when it gets focus back, e.g. when Escape closes the bar.
 */
export function selectMatch(match: FindMatch): void {
  const first = match.parts[0];
  const last = match.parts[match.parts.length - 1];
  if (!first || !last) return;
  match.section.editor.update(
    () => {
      if (!$isTextNode($getNodeByKey(first.key)) || !$isTextNode($getNodeByKey(last.key))) return;
      const selection = $createRangeSelection();
      selection.anchor.set(first.key, first.from, 'text');
      selection.focus.set(last.key, last.to, 'text');
      $setSelection(selection);
    },
    { tag: [SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, HISTORY_MERGE_TAG], discrete: true },
  );
}

/** Inside an update: the hit still reads as it did when found (the text may have changed since). */
function $stillThere(match: FindMatch): boolean {
  const text = match.parts
    .map((p) => {
      const node = $getNodeByKey(p.key);
      return $isTextNode(node) ? node.getTextContent().slice(p.from, p.to) : '\u0000';
    })
    .join('');
  return text === match.text;
}

/**
 * Replaces one hit inside an update. The replacement takes the first piece's node, so it keeps the
 * formatting of the text it starts in; the rest of a hit that spans runs is cut from theirs.
 * Returns where the replacement ends, or null if the hit was no longer there.
 */
function $replace(match: FindMatch, replacement: string): MatchPart | null {
  const [first, ...rest] = match.parts;
  if (!first || !$stillThere(match)) return null;
  for (const p of rest.reverse()) {
    const node = $getNodeByKey(p.key);
    if ($isTextNode(node)) node.spliceText(p.from, p.to - p.from, '');
  }
  const node = $getNodeByKey(first.key);
  if (!$isTextNode(node)) return null;
  node.spliceText(first.from, first.to - first.from, replacement);
  return { key: first.key, from: first.from, to: first.from + replacement.length };
}

function $collapseAt(point: MatchPart): void {
  const selection = $createRangeSelection();
  selection.anchor.set(point.key, point.to, 'text');
  selection.focus.set(point.key, point.to, 'text');
  $setSelection(selection);
}

const EDIT_TAGS = [SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, HISTORY_PUSH_TAG];

/** Replaces one hit as one undoable step. False if the hit had changed meanwhile. */
export function replaceOne(match: FindMatch, replacement: string): boolean {
  let done = false;
  match.section.editor.update(
    () => {
      const end = $replace(match, replacement);
      if (end) $collapseAt(end);
      done = end !== null;
    },
    { tag: EDIT_TAGS, discrete: true },
  );
  return done;
}

/**
 * Replaces the given hits of one section in one update, so one undo in that section brings them all
 * back. Last hit first: offsets earlier in a node stay right while later text changes.
 */
export function replaceInSection(section: FindSection, matches: readonly FindMatch[], replacement: string): number {
  let count = 0;
  section.editor.update(
    () => {
      let firstEnd: MatchPart | null = null;
      for (const m of [...matches].reverse()) {
        const end = $replace(m, replacement);
        if (end) {
          count += 1;
          firstEnd = end;
        }
      }
      if (firstEnd) $collapseAt(firstEnd);
    },
    { tag: EDIT_TAGS, discrete: true },
  );
  return count;
}
