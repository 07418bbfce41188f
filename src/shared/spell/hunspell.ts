import type { HunspellFactory } from 'hunspell-asm';
import { DOMAIN_WORDS, parseDomainWord } from './domain-words';
import { MAX_WORD_LENGTH } from './verdict';

/**
 * Hunspell (compiled to WebAssembly by hunspell-asm) over one or more dictionaries, Swedish first.
 * No DOM and no Node here: the caller loads the wasm module (hunspell-asm's loadModule) and hands
 * over the .aff/.dic bytes, read from the dictionary-sv / dictionary-en packages on this computer.
 *
 * Swedish compounds need nothing of ours: dictionary-sv's .aff marks which stems may begin, continue
 * and end a compound (COMPOUNDBEGIN X, COMPOUNDMIDDLE U, COMPOUNDEND Y, COMPOUNDPERMITFLAG W), so
 * Hunspell accepts civilsamhällesorganisationer and Arbetsmarknadsdepartementet as they are; its
 * BREAK rules split e-post and IT-frågor at the hyphen. (nspell, the JavaScript port, does not
 * implement compounding and accepts every misspelling with these rules: not used.)
 */
export type DictionaryFiles = { name: string; aff: Uint8Array; dic: Uint8Array };

export type SpellChecker = {
  /** Right in any of the dictionaries. */
  check(word: string): boolean;
  /** Up to `limit` corrections from the first dictionary that has any (Swedish, then English). Slow (tens of ms): one word at a time. */
  suggest(word: string, limit?: number): string[];
  /** The dictionaries, in order, by name. */
  readonly languages: readonly string[];
  dispose(): void;
};

/** Suggestions get slow with length (edit distance over a big dictionary); past this none are offered. */
const MAX_SUGGEST_LENGTH = 60;
/** Answers kept, so a long document asks Hunspell once per distinct word; dropped whole when full. */
const CACHE_LIMIT = 200_000;

/** `extraWords` (by default src/shared/spell/domain-words.ts) go into the first dictionary. */
export function createSpellChecker(
  factory: HunspellFactory,
  dictionaries: readonly DictionaryFiles[],
  extraWords: readonly string[] = DOMAIN_WORDS,
): SpellChecker {
  const mounted: string[] = [];
  const instances = dictionaries.map((d) => {
    const aff = factory.mountBuffer(d.aff, `${d.name}.aff`);
    const dic = factory.mountBuffer(d.dic, `${d.name}.dic`);
    mounted.push(aff, dic);
    return factory.create(aff, dic);
  });
  for (const entry of extraWords) {
    const [word, model] = parseDomainWord(entry);
    if (model) instances[0]?.addWordWithAffix(word, model);
    else instances[0]?.addWord(word);
  }
  const cache = new Map<string, boolean>();
  return {
    languages: dictionaries.map((d) => d.name),
    check(word) {
      if (word.length === 0 || word.length > MAX_WORD_LENGTH) return false;
      let ok = cache.get(word);
      if (ok === undefined) {
        ok = instances.some((h) => h.spell(word));
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, ok);
      }
      return ok;
    },
    suggest(word, limit = 5) {
      if (word.length === 0 || word.length > MAX_SUGGEST_LENGTH) return [];
      // Not mixed: an English "Sammy" after Swedish "samråd" only adds noise to a Swedish misspelling.
      for (const h of instances) {
        const found = h.suggest(word);
        if (found.length > 0) return found.slice(0, limit);
      }
      return [];
    },
    dispose() {
      for (const h of instances) h.dispose();
      for (const p of mounted) factory.unmount(p);
      cache.clear();
    },
  };
}
