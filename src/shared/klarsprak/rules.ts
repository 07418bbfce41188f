import { z } from 'zod';

/**
 * The klarspråk rules as data (resources/klarsprak.json): which checks run, their limits, word
 * lists and Swedish messages. Messages may hold {placeholders}; each rule type fills its own.
 * A rule may also give its message and suggestion in English (`en`), shown when the UI is English;
 * the rules stay about Swedish text, so the words they quote and suggest stay Swedish.
 */
export const KLARSPRAK_FORMAT = 'minnes/klarsprak';
export const KLARSPRAK_FORMAT_VERSION = 1;

const SWEDISH = z.locales.sv().localeError;

const Word = z.string().trim().min(1).max(200);
const WordList = z.array(Word).max(2000);

const SeveritySchema = z.enum(['info', 'varning']);
export type Severity = z.infer<typeof SeveritySchema>;

const Text = z.string().trim().min(1).max(500);

/** The English words of a rule, with the same {placeholders} as the Swedish ones. */
const EnglishSchema = z.object({ message: Text, suggestion: Text.optional() });

const common = {
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'Regelns id får bara innehålla a–z, 0–9 och bindestreck'),
  enabled: z.boolean().default(true),
  severity: SeveritySchema.default('info'),
  message: Text,
  suggestion: Text.optional(),
  en: EnglishSchema.optional(),
};

const PhraseEntrySchema = z.object({
  /** Every form matched, as whole words, any case: "erhålla", "erhöll" … or "äga rum". */
  forms: WordList.min(1),
  replacement: z.string().trim().min(1).max(300),
  severity: SeveritySchema.optional(),
});
export type PhraseEntry = z.infer<typeof PhraseEntrySchema>;

/** {words} {max} */
const LongSentenceRuleSchema = z.object({ ...common, type: z.literal('longSentence'), maxWords: z.number().int().min(5).max(200) });

/** {found} {agent} {modal} {active} */
const PassiveRuleSchema = z.object({
  ...common,
  type: z.literal('passive'),
  /** "ska", "måste", "kommer att" … */
  modals: WordList.min(1),
  /** Words allowed between the modal and the verb: "ska inte lämnas". */
  between: WordList.default([]),
  /** Deponent and reciprocal verbs, not passives: "kan finnas", "kan mötas". */
  exceptions: WordList.default([]),
  /** -s words that are no verbs: "kan deras …". */
  notVerbs: WordList.default([]),
  /** Particles kept with the verb: "måste lämnas in" → "lämna in". */
  particles: WordList.default([]),
});

/** {found} {replacement} */
const PhraseRuleSchema = z.object({ ...common, type: z.literal('phrases'), entries: z.array(PhraseEntrySchema).min(1).max(2000) });
/** Off by default in the shipped rules; turned on by the option `abbreviations`. {found} {replacement} */
const AbbreviationRuleSchema = z.object({
  ...common,
  type: z.literal('abbreviations'),
  entries: z.array(PhraseEntrySchema).min(1).max(500),
});

/** {found} {left} {right} */
const SlashRuleSchema = z.object({
  ...common,
  type: z.literal('slash'),
  exceptions: WordList.default([]),
  special: z.array(z.object({ pair: Word, suggestion: Text, en: z.object({ suggestion: Text }).optional() })).default([]),
});

const RuleSchema = z.discriminatedUnion(
  'type',
  [LongSentenceRuleSchema, PassiveRuleSchema, PhraseRuleSchema, AbbreviationRuleSchema, SlashRuleSchema],
  { error: 'okänd regeltyp (ska vara longSentence, passive, phrases, abbreviations eller slash)' },
);
export type KlarsprakRule = z.infer<typeof RuleSchema>;
export type RuleOf<T extends KlarsprakRule['type']> = Extract<KlarsprakRule, { type: T }>;

/** LIX above `medel` is "medel", above `svar` "svår", above `mycketSvar` "mycket svår"; otherwise "lätt". */
const LixLevelsSchema = z
  .object({ medel: z.number().min(0).max(200), svar: z.number().min(0).max(200), mycketSvar: z.number().min(0).max(200) })
  .refine((l) => l.medel < l.svar && l.svar < l.mycketSvar, { message: 'Gränserna ska stiga: medel < svar < mycketSvar' });
export type LixLevels = z.infer<typeof LixLevelsSchema>;

export const KlarsprakRulesSchema = z
  .object({
    format: z.literal(KLARSPRAK_FORMAT),
    formatVersion: z.number().int().min(1).max(KLARSPRAK_FORMAT_VERSION, 'Reglerna kommer från en nyare version av Minnes'),
    source: z.string().max(500).default(''),
    lix: LixLevelsSchema.default({ medel: 40, svar: 50, mycketSvar: 60 }),
    rules: z.array(RuleSchema).max(100),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `Regeln "${rule.id}" finns redan` });
      seen.add(rule.id);
    });
  });
export type KlarsprakRules = z.infer<typeof KlarsprakRulesSchema>;

/** Refused rules: the message names the field and what is wrong with it, in Swedish. */
export class KlarsprakRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KlarsprakRulesError';
  }
}

/** ["rules", 2, "maxWords"] → "rules[2].maxWords", as the field is written in the file. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** Rules (an already parsed JSON value) checked against the schema; throws KlarsprakRulesError. */
export function parseKlarsprakRules(input: unknown): KlarsprakRules {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new KlarsprakRulesError('Klarspråksreglerna är ogiltiga: de ska vara ett JSON-objekt.');
  }
  const parsed = KlarsprakRulesSchema.safeParse(input, { error: SWEDISH });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `fältet ${fieldPath(issue.path)}` : 'reglerna';
    throw new KlarsprakRulesError(`Klarspråksreglerna är ogiltiga: ${where}: ${issue?.message ?? 'okänt fel'}.`);
  }
  return parsed.data;
}

/** Rules from the text of a JSON file; throws KlarsprakRulesError for text that is not JSON. */
export function parseKlarsprakRulesJson(text: string): KlarsprakRules {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new KlarsprakRulesError(`Klarspråksreglerna är inte giltig JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return parseKlarsprakRules(value);
}
