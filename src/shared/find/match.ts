/**
 * Find in text, with no DOM: the editor's find bar and anything else that searches one document's
 * text use this, so what counts as a hit is decided in one place and tested under plain Node.
 */

export type FindOptions = { matchCase: boolean; wholeWord: boolean };
/** A hit as [start, end) offsets into the text (JavaScript string indices, as `slice` uses). */
export type TextMatch = { start: number; end: number };

export const DEFAULT_FIND_OPTIONS: FindOptions = { matchCase: false, wholeWord: false };

/** Longest query looked for: longer ones are pasted by mistake and would only slow typing down. */
export const MAX_FIND_QUERY = 500;

/** Letters of every script (å, ä, ö, é, ü …), digits and combining marks are word characters, as is "_". */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/** The query as a literal pattern: every character that means something to RegExp (with the u flag) is escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The code point ending just before `at` (a surrogate pair is one character). */
function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return text.slice(start, at);
}

function charAt(text: string, at: number): string | undefined {
  const cp = text.codePointAt(at);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/**
 * Every hit of `query` in `text`, left to right and never overlapping. The query is literal text.
 * Without matchCase, case is ignored by Unicode simple case folding ("Å" finds "å"), which never
 * changes a string's length, so the offsets are offsets into `text` itself. With wholeWord, a hit
 * must not have a word character directly before or after it ("val" is not found in "valen").
 */
export function findMatches(text: string, query: string, options: FindOptions = DEFAULT_FIND_OPTIONS): TextMatch[] {
  const q = query.slice(0, MAX_FIND_QUERY);
  if (q === '' || text.length < q.length) return [];
  const pattern = new RegExp(escapeRegExp(q), options.matchCase ? 'gu' : 'giu');
  const out: TextMatch[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (options.wholeWord && (isWordChar(charBefore(text, start)) || isWordChar(charAt(text, end)))) {
      // A rejected hit may overlap a whole word ("a." in "a.a. x"): look again one character on.
      pattern.lastIndex = start + (charAt(text, start)?.length ?? 1);
      continue;
    }
    out.push({ start, end });
  }
  return out;
}

/** One piece of a hit inside one segment (one text node): [from, to) in that segment's own offsets. */
export type SegmentPart = { segment: number; from: number; to: number };

/**
 * A hit in text that is several segments joined (a paragraph made of plain, bold and italic runs)
 * → the pieces of it in each segment, in order. Empty segments are skipped; a hit outside the
 * text gives no parts.
 */
export function splitRange(segmentLengths: readonly number[], start: number, end: number): SegmentPart[] {
  const parts: SegmentPart[] = [];
  let offset = 0;
  segmentLengths.forEach((length, segment) => {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + length);
    if (to > from) parts.push({ segment, from: from - offset, to: to - offset });
    offset += length;
  });
  return parts;
}

/** `text` with every hit replaced, as replace-all in one text node leaves it. */
export function replaceMatches(text: string, matches: readonly TextMatch[], replacement: string): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + replacement;
    at = m.end;
  }
  return out + text.slice(at);
}

/** The hit to move to from `current` among `count`, wrapping around at either end. */
export function stepIndex(current: number, count: number, direction: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/**
 * The words countLabel needs, from the catalogue (src/shared/i18n): the renderer's `t` (useT) is
 * one, and a test makes one from `translate`.
 */
export type CountWords = {
  (key: 'editor.find.noHits' | 'editor.find.position', params?: { current: number; count: number }): string;
  n: (base: 'editor.find.hits', n: number) => string;
};

/** "3 av 12" / "3 of 12", or the number of hits ("Inga träffar") when none is the current one. */
export function countLabel(t: CountWords, current: number, count: number): string {
  if (count === 0) return t('editor.find.noHits');
  if (current < 0) return t.n('editor.find.hits', count);
  return t('editor.find.position', { current: current + 1, count });
}
