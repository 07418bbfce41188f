import type { Hint, KlarsprakOptions } from './hint';
import { longSentenceHints } from './long-sentence';
import { passiveHints } from './passive';
import { phraseHints } from './phrases';
import type { KlarsprakRule, KlarsprakRules } from './rules';
import { slashHints } from './slash';

function isOn(rule: KlarsprakRule, options: KlarsprakOptions): boolean {
  if (rule.type === 'abbreviations' && options.abbreviations !== undefined) return options.abbreviations;
  return rule.enabled;
}

function ruleHints(text: string, rule: KlarsprakRule, options: KlarsprakOptions): Hint[] {
  switch (rule.type) {
    case 'longSentence':
      return longSentenceHints(text, rule, options.maxSentenceWords);
    case 'passive':
      return passiveHints(text, rule);
    case 'phrases':
    case 'abbreviations':
      return phraseHints(text, rule);
    case 'slash':
      return slashHints(text, rule);
  }
}

/** Every hint the switched-on rules give for `text`, in text order (a longer stretch first where two start together). */
export function klarsprakHints(text: string, rules: KlarsprakRules, options: KlarsprakOptions = {}): Hint[] {
  return rules.rules
    .filter((r) => isOn(r, options))
    .flatMap((r) => ruleHints(text, r, options))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}
