import type { Hint } from './hint';
import type { RuleOf } from './rules';
import { hintTexts } from './text-match';

/** Two words joined by one slash, not part of a longer path ("a/b/c"), a number or a web address. */
const SLASHED = /(?<![\p{L}\p{N}/])(\p{L}+)\/(\p{L}+)(?![\p{L}\p{N}/])/gu;

function inAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to]!)) to++;
  const chunk = text.slice(from, to);
  return /:\/\/|^www\.|@/i.test(chunk) || /\.\p{L}{2,}\//u.test(chunk);
}

/** "och/eller", "han/hon": the reader has to guess which is meant. */
export function slashHints(text: string, rule: RuleOf<'slash'>): Hint[] {
  const exceptions = new Set(rule.exceptions.map((e) => e.toLowerCase()));
  const special = new Map(rule.special.map((s) => [s.pair.toLowerCase(), s]));
  const hints: Hint[] = [];
  for (const m of text.matchAll(SLASHED)) {
    const found = m[0];
    const end = m.index + found.length;
    if (exceptions.has(found.toLowerCase()) || inAddress(text, m.index, end)) continue;
    const values = { found, left: m[1] ?? '', right: m[2] ?? '' };
    const pair = special.get(found.toLowerCase());
    // A pair's own advice in English, or none: the rule's general English advice would not fit it.
    const suggestions = pair ? { sv: pair.suggestion, en: pair.en?.suggestion } : { sv: rule.suggestion, en: rule.en?.suggestion };
    hints.push({
      rule: rule.id,
      severity: rule.severity,
      start: m.index,
      end,
      ...hintTexts(rule, values, suggestions),
    });
  }
  return hints;
}
