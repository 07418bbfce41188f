/** Small text helpers the rules share. */

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression matching any of `forms` as a whole word or phrase, any case, longest
 * form first ("inkommit med" before "inkommit"); a space in a form matches any run of spaces.
 * An abbreviation ("m.m.") must not follow a period either, so "o.m." is not found in "t.o.m.".
 */
export function phrasePattern(forms: readonly string[], abbreviations = false): RegExp {
  const alternatives = [...new Set(forms.map((f) => f.trim().toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.split(/\s+/).map(escapeRegExp).join('\\s+'));
  const before = abbreviations ? '(?<![\\p{L}\\p{N}.])' : '(?<![\\p{L}\\p{N}])';
  return new RegExp(`${before}(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** "Lång mening: {words} ord." with { words: 34 } → "Lång mening: 34 ord."; unknown {names} are kept. */
export function interpolate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A rule's words: its Swedish message and suggestion, and its English ones (`en`) if it has them. */
export type RuleTexts = { message: string; suggestion?: string; en?: { message: string; suggestion?: string } };

/** Suggestions in place of the rule's own (a slash pair's special advice); undefined is none. */
export type Suggestions = { sv: string | undefined; en: string | undefined };

/**
 * The words of one hint: the rule's texts with `values` filled in, or its message with `suggestions`.
 * Without an English suggestion there is none in English, and the Swedish one is shown as it is.
 */
export function hintTexts(
  rule: RuleTexts,
  values: Readonly<Record<string, string | number>>,
  suggestions: Suggestions = { sv: rule.suggestion, en: rule.en?.suggestion },
): RuleTexts {
  const { sv: suggestion, en: enSuggestion } = suggestions;
  const fill = (s: string | undefined) => (s === undefined ? {} : { suggestion: interpolate(s, values) });
  return {
    message: interpolate(rule.message, values),
    ...fill(suggestion),
    ...(rule.en ? { en: { message: interpolate(rule.en.message, values), ...fill(enSuggestion) } } : {}),
  };
}

/** "styrelsen" → "Styrelsen". */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
