/**
 * Words of Swedish government minutes that dictionary-sv lacks, found by running the checker over
 * the test fixtures and a list of the trade's words (the compounds the issue names, such as
 * civilsamhällesorganisationer and Arbetsmarknadsdepartementet, need no entry: Hunspell compounds
 * them). Written `ord` or `ord=mönster`: the second is added with the model word's inflection and
 * compounding flags, so sakråd=samråd also accepts sakrådet, sakråden and sakrådsmöte.
 *
 * A module rather than a resources/ file: it is then part of every bundle (Electron main, the browser
 * host, the CLI, vitest) without a packaging rule, and the list is small.
 */
export const DOMAIN_WORDS: readonly string[] = [
  // diarienummer, departementsserien, kommittédirektiv, regeringens skrivelse, riksdagsskrivelse
  'dnr',
  'Ds',
  'dir.',
  'skr.',
  'rskr.',
  // sekreterare, biträdande, enheten
  'sekr.',
  'bitr.',
  'enh.',
  'pga',
  'sakråd=samråd',
  'medborgarråd=samråd',
  'hbtqi=hbtq',
  'informationsgap=gap',
];

/** `ord=mönster` → [ord, mönster]; a plain word has no model. */
export function parseDomainWord(entry: string): [word: string, model: string | undefined] {
  const [word = '', model] = entry.split('=');
  return [word, model];
}
