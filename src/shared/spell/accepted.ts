import type { Metadata } from '../metadata';
import { wordsOf } from './tokenize';

/**
 * Words accepted whatever the dictionary says: the person's own word list (Lägg till i ordlistan)
 * and the words of the document's own facts, since a department, a place or an organisation the
 * secretary typed in the metadata is spelt as they mean it.
 */
export type AcceptedWords = ReadonlySet<string>;

/** The metadata fields whose words are names or titles; dates, times, dnr and the secrecy level are not. */
const NAME_FIELDS = [
  'department',
  'unit',
  'documentType',
  'title',
  'place',
  'host',
  'theme',
  'meetingType',
  'series',
  'secrecyDecidedBy',
] as const satisfies readonly (keyof Metadata)[];

/** The texts of a document that name things: its metadata and any organisation names given with it. */
export function documentNames(metadata: Partial<Metadata> | null | undefined, organisations: readonly string[] = []): string[] {
  const texts = NAME_FIELDS.map((k) => metadata?.[k] ?? '').filter((t) => t.trim() !== '');
  return [...texts, ...organisations];
}

/**
 * The merge rule: personal words as they were added, and every name split into words (a
 * hyphenated name also by its parts), so "Region Västra Götaland" accepts "Västra" and "Götaland".
 */
export function acceptedWords(sources: { personal?: Iterable<string>; names?: Iterable<string> }): Set<string> {
  const out = new Set<string>();
  for (const w of sources.personal ?? []) if (w.trim() !== '') out.add(w.trim());
  for (const name of sources.names ?? []) for (const w of wordsOf(name)) out.add(w);
  return out;
}

/** Two sets with the same words: the plugin rechecks everything only when the accepted words really changed. */
export function sameWords(a: AcceptedWords, b: AcceptedWords): boolean {
  if (a.size !== b.size) return false;
  for (const w of a) if (!b.has(w)) return false;
  return true;
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * Hunspell's case rule for an added word: one written in lower case is also right capitalised (at a
 * sentence start) and in capitals (a heading); one written capitalised (a name) is right capitalised
 * and in capitals, never in lower case. Also the genitive: Naturvårdsverket accepts Naturvårdsverkets.
 */
export function isAccepted(word: string, accepted: AcceptedWords): boolean {
  if (accepted.size === 0) return false;
  const forms = [word];
  if (word.endsWith('s') && word.length > 2) forms.push(word.slice(0, -1));
  return forms.some((w) => {
    if (accepted.has(w)) return true;
    const lower = w.toLowerCase();
    if (w === lower) return false;
    if (w === capitalised(w)) return accepted.has(lower);
    if (w === w.toUpperCase()) return accepted.has(lower) || accepted.has(capitalised(w));
    return false;
  });
}
