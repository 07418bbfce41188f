import { isAccepted, type AcceptedWords } from './accepted';
import { isAcronym, tokenize, type WordToken } from './tokenize';

/**
 * The dictionary's answer for one word: true when it is right, undefined when not known yet (the
 * renderer asks the host in batches and rechecks when the answers are in).
 */
export type Lookup = (word: string) => boolean | undefined;

/** Longer than this is no word (a pasted hash, a run of letters): not flagged, and never sent. */
export const MAX_WORD_LENGTH = 100;

const parts = (word: string) => word.split('-').filter((p) => p.length > 0);

const LATIN = /\p{Script=Latin}/u;

/**
 * Right without asking the dictionary: one letter, capitals (SKR), a word in another script (the
 * Swedish and English dictionaries cannot judge محمد or Петров), an accepted word, and an accepted or
 * capital base before a colon ending (SKR:s).
 */
function rightByRule(word: string, accepted: AcceptedWords): boolean {
  if (word.length < 2 || word.length > MAX_WORD_LENGTH || isAcronym(word) || !LATIN.test(word) || isAccepted(word, accepted)) return true;
  const colon = word.indexOf(':');
  if (colon > 0) {
    const base = word.slice(0, colon);
    return isAcronym(base) || isAccepted(base, accepted);
  }
  return false;
}

/** A hyphenated word whose parts the dictionary cannot know (SKR-representanter, Minnes-appen) is right by its parts. */
function partsByRule(word: string, accepted: AcceptedWords): string[] | null {
  const ps = parts(word);
  if (ps.length < 2 || !ps.some((p) => rightByRule(p, accepted))) return null;
  return ps.filter((p) => !rightByRule(p, accepted));
}

/** The words the dictionary is asked about for this token (the word, then with its full stop: osv., kl.). */
export function wordsToLookUp(token: WordToken, accepted: AcceptedWords): string[] {
  if (rightByRule(token.word, accepted)) return [];
  const out = [token.word];
  if (token.dotAfter) out.push(`${token.word}.`);
  const rest = partsByRule(token.word, accepted);
  if (rest) out.push(...rest);
  return out;
}

/** True: right; false: misspelt; undefined: the dictionary has not answered for a word it needs. */
export function tokenVerdict(token: WordToken, lookup: Lookup, accepted: AcceptedWords): boolean | undefined {
  if (rightByRule(token.word, accepted)) return true;
  const whole = lookup(token.word);
  if (whole) return true;
  const dotted = token.dotAfter ? lookup(`${token.word}.`) : false;
  if (dotted) return true;
  let byParts: boolean | undefined = false;
  const rest = partsByRule(token.word, accepted);
  if (rest) {
    const answers = rest.map(lookup);
    byParts = answers.every((a) => a === true) ? true : answers.some((a) => a === false) ? false : undefined;
    if (byParts) return true;
  }
  return whole === undefined || dotted === undefined || byParts === undefined ? undefined : false;
}

export type TextCheck = {
  /** The misspelt words, in order. */
  misspelled: WordToken[];
  /** Words the lookup has no answer for yet (each once): ask the dictionary, then check again. */
  unknown: string[];
};

/** One paragraph (or a whole document's text): what is misspelt, and what is still to look up. */
export function checkText(text: string, lookup: Lookup, accepted: AcceptedWords, ignored?: ReadonlySet<string>): TextCheck {
  const misspelled: WordToken[] = [];
  const unknown = new Set<string>();
  for (const token of tokenize(text)) {
    if (ignored?.has(token.word)) continue;
    const v = tokenVerdict(token, lookup, accepted);
    if (v === false) misspelled.push(token);
    else if (v === undefined) for (const w of wordsToLookUp(token, accepted)) if (lookup(w) === undefined) unknown.add(w);
  }
  return { misspelled, unknown: [...unknown] };
}
