import type { Hint, KlarsprakOptions } from './hint';
import { klarsprakHints } from './hints';
import type { LixLevel } from './lix';
import { lixCounts, lixLevel, roundLix } from './lix';
import type { KlarsprakRules } from './rules';

export type SectionReport = {
  words: number;
  sentences: number;
  longWords: number;
  /** Rounded to one decimal; 0 for a section without words. */
  lix: number;
  level: LixLevel;
  /** "svår" or "mycket svår". */
  hard: boolean;
  hints: Hint[];
};

/** LIX, its level (limits from the rules) and the hints for one section's text. */
export function sectionReport(text: string, rules: KlarsprakRules, options: KlarsprakOptions = {}): SectionReport {
  const counts = lixCounts(text);
  const level = lixLevel(counts.lix, rules.lix);
  return {
    words: counts.words,
    sentences: counts.sentences,
    longWords: counts.longWords,
    lix: roundLix(counts.lix),
    level,
    hard: level === 'svår' || level === 'mycket svår',
    hints: klarsprakHints(text, rules, options),
  };
}
