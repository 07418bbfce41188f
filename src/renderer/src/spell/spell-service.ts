import { api } from '../api';
import type { Lookup } from '../../../shared/spell/verdict';

/**
 * What every section editor's spell-check shares: the dictionary's answers (asked of the host in
 * batches, each word once per session), the personal word list, the words ignored this session and
 * the suggestions. The host runs Hunspell in WebAssembly with dictionary-sv (src/main/core/spell):
 * this renderer's CSP allows no wasm compilation, and one dictionary in memory serves every window.
 */

/** 'answers': words looked up are known now. 'words': the personal or ignored words changed, check everything again. */
export type SpellEvent = 'answers' | 'words';
type Listener = (e: SpellEvent) => void;

const verdicts = new Map<string, boolean>();
const queued = new Set<string>();
const asked = new Set<string>();
const suggestions = new Map<string, Promise<string[]>>();
const listeners = new Set<Listener>();
/** Words per call: a batch the host answers in a few ms (Electron's main process answers every other call too). */
const BATCH = 500;
let personal: ReadonlySet<string> = new Set();
let personalLoad: Promise<void> | null = null;
const ignored = new Set<string>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
/** False once the host could not answer (an older host, or the dictionary did not load): the browser's own check then stays on. */
let available = true;

const emit = (e: SpellEvent) => {
  for (const l of listeners) l(e);
};

export const spellLookup: Lookup = (w) => verdicts.get(w);

export function subscribeSpell(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export const spellAvailable = () => available;
export const personalWords = () => personal;
export const ignoredWords = (): ReadonlySet<string> => ignored;

/** The personal list, loaded once per session (then kept in step by addPersonalWord below). */
export function loadPersonalWords(): Promise<void> {
  personalLoad ??= api.listPersonalWords({}).then(
    (list) => {
      personal = new Set(list.map((w) => w.word));
      emit('words');
    },
    () => undefined,
  );
  return personalLoad;
}

async function flush(): Promise<void> {
  flushTimer = null;
  const words = [...queued];
  queued.clear();
  for (let i = 0; i < words.length; i += BATCH) {
    const batch = words.slice(i, i + BATCH);
    try {
      const { misspelled } = await api.checkSpelling({ words: batch });
      const bad = new Set(misspelled);
      for (const w of batch) verdicts.set(w, !bad.has(w));
    } catch {
      available = false;
      emit('words');
      return;
    }
    emit('answers');
  }
}

/** Asks the host about these words (soon, together with what other editors ask). */
export function requestVerdicts(words: readonly string[]): void {
  if (!available) return;
  for (const w of words) {
    if (verdicts.has(w) || asked.has(w)) continue;
    asked.add(w);
    queued.add(w);
  }
  if (queued.size > 0 && flushTimer === null) flushTimer = setTimeout(() => void flush(), 0);
}

/** Up to five corrections, asked once per word. */
export function suggestionsFor(word: string): Promise<string[]> {
  let p = suggestions.get(word);
  if (!p) {
    p = api.suggestSpelling({ word }).then(
      (r) => r.suggestions,
      () => [],
    );
    suggestions.set(word, p);
  }
  return p;
}

/** "Lägg till i ordlistan": kept in the store, accepted in every editor at once. */
export async function addToPersonalWords(word: string): Promise<void> {
  const added = await api.addPersonalWord({ word });
  personal = new Set([...personal, added.word]);
  emit('words');
}

/** "Ignorera": this word is not flagged again in this session (nothing is stored). */
export function ignoreWord(word: string): void {
  ignored.add(word);
  emit('words');
}
