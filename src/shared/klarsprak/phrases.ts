import type { Hint } from './hint';
import type { PhraseEntry, RuleOf } from './rules';
import { hintTexts, phrasePattern } from './text-match';

/** A phrase rule without a suggestion of its own still says what to write instead. */
const DEFAULT_SUGGESTION = 'Skriv hellre: {replacement}';
const DEFAULT_SUGGESTION_EN = 'Write instead: {replacement}';

type Compiled = { pattern: RegExp; byForm: Map<string, PhraseEntry> };

/** Rules objects are data that do not change once parsed, so each rule's pattern is built once. */
const compiled = new WeakMap<object, Compiled>();

function compile(rule: RuleOf<'phrases' | 'abbreviations'>): Compiled {
  let c = compiled.get(rule);
  if (!c) {
    const byForm = new Map<string, PhraseEntry>();
    for (const e of rule.entries) for (const f of e.forms) if (!byForm.has(normalize(f))) byForm.set(normalize(f), e);
    c = { pattern: phrasePattern([...byForm.keys()], rule.type === 'abbreviations'), byForm };
    compiled.set(rule, c);
  }
  return c;
}

function normalize(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Words and phrases from the rule's list (bureaucratic words, abbreviations), each with its plain alternative. */
export function phraseHints(text: string, rule: RuleOf<'phrases' | 'abbreviations'>): Hint[] {
  const { pattern, byForm } = compile(rule);
  const hints: Hint[] = [];
  for (const m of text.matchAll(pattern)) {
    const entry = byForm.get(normalize(m[0]));
    if (!entry) continue;
    const values = { found: m[0], replacement: entry.replacement };
    hints.push({
      rule: rule.id,
      severity: entry.severity ?? rule.severity,
      start: m.index,
      end: m.index + m[0].length,
      ...hintTexts(rule, values, { sv: rule.suggestion ?? DEFAULT_SUGGESTION, en: rule.en?.suggestion ?? DEFAULT_SUGGESTION_EN }),
    });
  }
  return hints;
}
