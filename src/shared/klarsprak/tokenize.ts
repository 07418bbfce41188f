import { MAY_END_ABBREVIATIONS, NON_ENDING_ABBREVIATIONS } from './abbreviations';

/** A stretch of the text: `start`/`end` are UTF-16 offsets into the text given (end exclusive). */
export type Span = { start: number; end: number; text: string };

/**
 * A word: letters and digits, joined inside by a hyphen, apostrophe, period or colon, so "25-tal",
 * "e-post", "SKR:s", "9.00" and "bl.a" are one word each. Numbers count as words (as in LIX).
 */
const WORD = /[\p{L}\p{N}]+(?:[-'’.:][\p{L}\p{N}]+)*/gu;

/** The marker of a list item at the start of a line: "- ", "• ", "1. ", "2) ", "a) ". */
const LIST_MARKER = /^[ \t]*(?:[-*•–—]|\d{1,3}[.)]|[a-z][.)])[ \t]+/u;

/** Sentence-ending punctuation, with closing quotes, brackets or Markdown emphasis, before a space or the end. */
const ENDER = /[.!?…]+["”’)\]*_]*(?=\s|$)/gu;

const LINE = /[^\r\n]+/g;
const HAS_WORD = /[\p{L}\p{N}]/u;

export function splitWords(text: string, offset = 0): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] }));
}

/** Letters in a word (digits and joiners not counted): what "a long word" is measured by. */
export function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

/**
 * Whether the punctuation at `at` (a match of ENDER, `ender` long) in `line` ends the sentence.
 * A period after a known abbreviation or an initial ("K. Lindgren") does not, nor does one
 * followed by a lower-case letter (most likely an abbreviation the list lacks).
 */
function endsSentence(line: string, at: number, ender: string): boolean {
  let i = at + ender.length;
  while (i < line.length && /\s/.test(line[i]!)) i++;
  const next = line[i];
  if (next === undefined) return true;
  if (/\p{Ll}/u.test(next)) return false;
  if (!ender.startsWith('.') || ender.startsWith('..')) return true;
  const chunkStart = Math.max(line.lastIndexOf(' ', at), line.lastIndexOf('\t', at)) + 1;
  const chunk = line.slice(chunkStart, at + 1).replace(/^["„”'(*_[]+/u, '');
  const lower = chunk.toLowerCase();
  if (NON_ENDING_ABBREVIATIONS.has(lower)) return false;
  if (MAY_END_ABBREVIATIONS.has(lower)) return /\p{Lu}/u.test(next);
  if (/^\p{Lu}\.$/u.test(chunk)) return false;
  return true;
}

/** The sentences of one line (a paragraph or list item), from `from` on. */
function lineSentences(line: string, lineStart: number, from: number): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (HAS_WORD.test(body)) out.push({ start: lineStart + start + lead, end: lineStart + start + lead + body.length, text: body });
  };
  for (const m of line.matchAll(ENDER)) {
    if (m.index < start || !endsSentence(line, m.index, m[0])) continue;
    push(m.index + m[0].length);
    start = m.index + m[0].length;
  }
  push(line.length);
  return out;
}

/**
 * The sentences of a text. A line (paragraph, list item, heading) always ends one, so list items
 * count as sentences of their own even without a period, and their markers are left out. Within a
 * line a sentence ends at . ! ? or …, except after abbreviations ("bl.a.", "t.ex."), initials and
 * in numbers ("9.00", "1.5").
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(LINE)) {
    const marker = LIST_MARKER.exec(m[0]);
    out.push(...lineSentences(m[0], m.index, marker ? marker[0].length : 0));
  }
  return out;
}
