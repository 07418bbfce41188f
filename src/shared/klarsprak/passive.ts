import type { Hint } from './hint';
import type { RuleOf } from './rules';
import { capitalize, hintTexts } from './text-match';
import type { Span } from './tokenize';
import { splitSentences, splitWords } from './tokenize';

/**
 * Passive s-form after a modal verb: "ska genomföras", "bör beaktas", "måste lämnas in",
 * "kommer inte att krävas". A passive infinitive is the infinitive and an s, so the verb is a
 * lower-case word ending in a vowel and s ("-as", "ses", "nås"); genitives ("barnens") and
 * "oss", "dess" end otherwise. Deponents ("kan finnas") and other exceptions come from the rule.
 */
const PASSIVE_INFINITIVE = /^\p{Ll}+[aeiouyåäö]s$/u;
const MAX_BETWEEN = 2;

/** Where an agent phrase after "av" stops: "av styrelsen i mars" → "styrelsen". */
const AGENT_STOP = new Set([
  'i',
  'på',
  'senast',
  'innan',
  'före',
  'efter',
  'under',
  'inom',
  'när',
  'om',
  'för',
  'till',
  'med',
  'vid',
  'från',
]);
const MAX_AGENT_WORDS = 4;
/** "genomföras av oss" → "Vi ska genomföra …". */
const SUBJECT_FORM: Readonly<Record<string, string>> = {
  oss: 'vi',
  mig: 'jag',
  dig: 'du',
  honom: 'han',
  henne: 'hon',
  dem: 'de',
  er: 'ni',
};

type Sets = { between: Set<string>; exceptions: Set<string>; notVerbs: Set<string>; particles: Set<string>; modalWords: Set<string> };

const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));

/** The verb-finding context of one sentence: its words, and whether only spaces lie between two of them. */
class Words {
  constructor(
    private readonly text: string,
    readonly list: Span[],
  ) {}
  word(i: number): string | undefined {
    return this.list[i]?.text.toLowerCase();
  }
  /** True when words i and i + 1 exist and only whitespace lies between them (no comma, dash …). */
  joined(i: number): boolean {
    const a = this.list[i];
    const b = this.list[i + 1];
    return !!a && !!b && /^\s+$/.test(this.text.slice(a.end, b.start));
  }
  /** Index of the next word after i, skipping up to MAX_BETWEEN words of `skip`; -1 if the clause breaks. */
  next(i: number, skip: Set<string>): number {
    let j = i;
    for (let n = 0; n <= MAX_BETWEEN; n++) {
      if (!this.joined(j)) return -1;
      j++;
      if (!skip.has(this.word(j) ?? '')) return j;
    }
    return -1;
  }
}

/** Index of the last word of `modal` starting at word i, or -1. */
function matchModal(words: Words, i: number, modal: readonly string[], sets: Sets): number {
  if (words.word(i) !== modal[0]) return -1;
  let j = i;
  for (const part of modal.slice(1)) {
    j = words.next(j, sets.between);
    if (j < 0 || words.word(j) !== part) return -1;
  }
  return j;
}

function isPassive(word: string, sets: Sets): boolean {
  return PASSIVE_INFINITIVE.test(word) && !sets.exceptions.has(word) && !sets.notVerbs.has(word) && !sets.modalWords.has(word);
}

/** "av styrelsen" after the verb → "Styrelsen"; otherwise "X". */
function agentAfter(words: Words, i: number): string {
  if (!words.joined(i) || words.word(i + 1) !== 'av') return 'X';
  const parts: string[] = [];
  for (let j = i + 1; words.joined(j) && parts.length < MAX_AGENT_WORDS; j++) {
    const w = words.list[j + 1]!.text;
    if (AGENT_STOP.has(w.toLowerCase())) break;
    parts.push(w);
  }
  if (parts.length === 0) return 'X';
  const agent = parts.length === 1 ? (SUBJECT_FORM[parts[0]!.toLowerCase()] ?? parts[0]!) : parts.join(' ');
  return capitalize(agent);
}

export function passiveHints(text: string, rule: RuleOf<'passive'>): Hint[] {
  const modals = rule.modals.map((m) => m.toLowerCase().split(/\s+/));
  const sets: Sets = {
    between: lower(rule.between),
    exceptions: lower(rule.exceptions),
    notVerbs: lower(rule.notVerbs),
    particles: lower(rule.particles),
    modalWords: new Set(modals.flat()),
  };
  const hints: Hint[] = [];
  for (const sentence of splitSentences(text)) {
    const words = new Words(text, splitWords(sentence.text, sentence.start));
    for (let i = 0; i < words.list.length; i++) {
      for (const modal of modals) {
        const last = matchModal(words, i, modal, sets);
        if (last < 0) continue;
        const v = words.next(last, sets.between);
        const verb = v < 0 ? undefined : words.word(v);
        if (verb === undefined || !isPassive(verb, sets)) continue;
        let end = v;
        let active = verb.slice(0, -1);
        const particle = words.word(v + 1);
        if (particle !== undefined && words.joined(v) && sets.particles.has(particle)) {
          end = v + 1;
          active += ` ${particle}`;
        }
        const start = words.list[i]!.start;
        const stop = words.list[end]!.end;
        const modalText = words.list
          .slice(i, v)
          .map((w) => w.text.toLowerCase())
          .join(' ');
        const values = { found: text.slice(start, stop), agent: agentAfter(words, end), modal: modalText, active };
        hints.push({
          rule: rule.id,
          severity: rule.severity,
          start,
          end: stop,
          ...hintTexts(rule, values),
        });
        i = end;
        break;
      }
    }
  }
  return hints;
}
