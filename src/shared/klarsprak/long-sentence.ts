import type { Hint } from './hint';
import type { RuleOf } from './rules';
import { hintTexts } from './text-match';
import { splitSentences, splitWords } from './tokenize';

/** A sentence of more than `maxWords` words (the rule's, or the caller's override). */
export function longSentenceHints(text: string, rule: RuleOf<'longSentence'>, maxWords = rule.maxWords): Hint[] {
  const hints: Hint[] = [];
  for (const s of splitSentences(text)) {
    const words = splitWords(s.text).length;
    if (words <= maxWords) continue;
    const values = { words, max: maxWords };
    hints.push({
      rule: rule.id,
      severity: rule.severity,
      start: s.start,
      end: s.end,
      ...hintTexts(rule, values),
    });
  }
  return hints;
}
