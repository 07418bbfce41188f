import type { LixLevels } from './rules';
import { letterCount, splitSentences, splitWords } from './tokenize';

/** Läsbarhetsindex (Björnsson): words per sentence + 100 × the share of words longer than 6 letters. */
export const LONG_WORD_LETTERS = 6;

export type LixLevel = 'lätt' | 'medel' | 'svår' | 'mycket svår';

/** Each level by a name that is no Swedish word, for the UI's catalogue keys (editor.klarsprak.level.*). */
export const LIX_LEVEL_IDS = { lätt: 'easy', medel: 'medium', svår: 'hard', 'mycket svår': 'veryHard' } as const satisfies Record<
  LixLevel,
  string
>;

export type LixCounts = { words: number; sentences: number; longWords: number; lix: number };

export const DEFAULT_LIX_LEVELS: LixLevels = { medel: 40, svar: 50, mycketSvar: 60 };

export function lixCounts(text: string): LixCounts {
  let words = 0;
  let longWords = 0;
  const sentences = splitSentences(text);
  for (const s of sentences) {
    for (const w of splitWords(s.text)) {
      words++;
      if (letterCount(w.text) > LONG_WORD_LETTERS) longWords++;
    }
  }
  const lix = words === 0 ? 0 : words / sentences.length + (100 * longWords) / words;
  return { words, sentences: sentences.length, longWords, lix };
}

/** The LIX of a text, unrounded; 0 for a text without words. */
export function lix(text: string): number {
  return lixCounts(text).lix;
}

/** One decimal, as shown and as the level is decided on (so "50,0" is never "svår"). */
export function roundLix(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Above 60 "mycket svår", above 50 "svår", above 40 "medel", otherwise "lätt" (limits from the rules). */
export function lixLevel(value: number, levels: LixLevels = DEFAULT_LIX_LEVELS): LixLevel {
  const v = roundLix(value);
  if (v > levels.mycketSvar) return 'mycket svår';
  if (v > levels.svar) return 'svår';
  if (v > levels.medel) return 'medel';
  return 'lätt';
}

/** 40.8333 → "40,8": one decimal, decimal comma. */
export function formatLix(value: number): string {
  return roundLix(value).toFixed(1).replace('.', ',');
}
