import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryDir, loadSpellChecker } from '../src/main/core/spell/checker';
import { acceptedWords, documentNames } from '../src/shared/spell/accepted';
import type { SpellChecker } from '../src/shared/spell/hunspell';
import { tokenize } from '../src/shared/spell/tokenize';
import { checkText } from '../src/shared/spell/verdict';
import type { Row } from './cli-cold';
import { mulberry32, zipfDraw } from './random-words';
import { fmt, median, percentile } from './stats';

/**
 * Spell-checking figures: Hunspell (hunspell-asm, WebAssembly) with dictionary-sv, as the host runs
 * it for the editor. A generated 100-page minutes of ~50,000 words (500 a page) drawn with Zipf
 * frequencies from function words, the trade's words, compounds and 6,000 stems of dictionary-sv
 * itself, with one word in 200 misspelt (two letters swapped): a realistic spread of distinct words,
 * so the cache of answers does not make the figure look better than a real document.
 */

const PAGES = 100;
const WORDS_PER_PAGE = 500;
const FUNCTION_WORDS = 'och att det som en på är för med till av om i inte de har den ett var vi kan ska också men eller så från vid'.split(
  ' ',
);
const TRADE_WORDS =
  'civilsamhällesorganisationer Arbetsmarknadsdepartementet samråd minnesanteckningar bl.a. t.ex. deltagande återkoppling långsiktighet e-post IT-frågor myndigheter departementet statssekreteraren remissinstanserna'.split(
    ' ',
  );

function vocabulary(r: () => number): string[] {
  const stems = readFileSync(join(dictionaryDir('dictionary-sv'), 'index.dic'), 'utf8')
    .split('\n')
    .slice(1)
    // Stems that stand alone: not only-in-compound (Z), needs-affix (¤) or forbidden (%).
    .filter((l) => !/\/.*[Z¤%]/u.test(l))
    .map((l) => l.split('/')[0] ?? '')
    .filter((w) => /^\p{Ll}{4,14}$/u.test(w));
  const picked = new Set<string>();
  while (picked.size < 6000) picked.add(stems[Math.floor(r() * stems.length)] ?? 'samråd');
  return [...FUNCTION_WORDS, ...TRADE_WORDS, ...picked];
}

const swap = (w: string, i: number) => (w.length < 4 ? `${w}q` : w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2));

/** Paragraphs of ~100 words (five a page), sentences of 8–20 words. */
export function generateSpellDocument(seed = 7): string[] {
  const r = mulberry32(seed);
  const word = zipfDraw(vocabulary(r), r);
  const draw = () => {
    const w = word();
    return r() < 0.005 ? swap(w, 1 + Math.floor(r() * (w.length - 2))) : w;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < (PAGES * WORDS_PER_PAGE) / 100; p++) {
    const sentences: string[] = [];
    for (let n = 0; n < 100;) {
      const len = 8 + Math.floor(r() * 13);
      const s = Array.from({ length: len }, draw).join(' ');
      sentences.push(`${s.charAt(0).toUpperCase()}${s.slice(1)}.`);
      n += len;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

const METADATA = {
  department: 'Arbetsmarknadsdepartementet',
  unit: 'Enheten för integration',
  place: 'Rosenbad',
  host: 'Statssekreteraren',
};

function checkAll(paragraphs: readonly string[], checker: SpellChecker, accepted: ReadonlySet<string>): number {
  let bad = 0;
  for (const p of paragraphs) bad += checkText(p, (w) => checker.check(w), accepted).misspelled.length;
  return bad;
}

export type SpellFigures = {
  words: number;
  distinct: number;
  loadMs: number;
  coldMs: number;
  warmMs: number;
  misspelled: number;
  keyP50: number;
  keyP95: number;
  suggestP50: number;
  suggestP95: number;
};

export async function measureSpell(runs = 3, keys = 300): Promise<SpellFigures> {
  const paragraphs = generateSpellDocument();
  const tokens = paragraphs.flatMap((p) => tokenize(p).map((t) => t.word));
  const accepted = acceptedWords({ personal: ['Minnes'], names: documentNames(METADATA) });
  const loads: number[] = [];
  const colds: number[] = [];
  let checker: SpellChecker | null = null;
  let misspelled = 0;
  for (let i = 0; i < runs; i++) {
    checker?.dispose();
    const t0 = performance.now();
    checker = await loadSpellChecker();
    const t1 = performance.now();
    misspelled = checkAll(paragraphs, checker, accepted);
    colds.push(performance.now() - t1);
    loads.push(t1 - t0);
  }
  if (!checker) throw new Error('no checker');
  const c = checker;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkAll(paragraphs, c, accepted);
    warm.push(performance.now() - t0);
  }
  // A key: one character typed into a paragraph, so the word being typed is new to the cache
  // every time; the paragraph is tokenised and checked again (the plugin's incremental recheck).
  const keyTimes: number[] = [];
  const r = mulberry32(11);
  for (let k = 0; k < keys; k++) {
    const base = paragraphs[k % paragraphs.length] ?? '';
    const at = base.indexOf(' ', Math.floor(r() * base.length));
    const typed = `${base.slice(0, at)} samrådsgrupp${'abcdefghijklmnopqrstuvwxyzåäö'.slice(0, 1 + (k % 29))}${base.slice(at)}`;
    const t0 = performance.now();
    checkText(typed, (w) => c.check(w), accepted);
    keyTimes.push(performance.now() - t0);
  }
  const bad = [...new Set(paragraphs.flatMap((p) => checkText(p, (w) => c.check(w), accepted).misspelled.map((t) => t.word)))].slice(0, 40);
  const suggestTimes: number[] = [];
  for (const w of bad) {
    const t0 = performance.now();
    c.suggest(w);
    suggestTimes.push(performance.now() - t0);
  }
  c.dispose();
  return {
    words: tokens.length,
    distinct: new Set(tokens).size,
    loadMs: median(loads),
    coldMs: median(colds),
    warmMs: median(warm),
    misspelled,
    keyP50: percentile(keyTimes, 50),
    keyP95: percentile(keyTimes, 95),
    suggestP50: percentile(suggestTimes, 50),
    suggestP95: percentile(suggestTimes, 95),
  };
}

export async function benchSpell(): Promise<Row[]> {
  const f = await measureSpell();
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    [
      'spell-check: load Hunspell + dictionary-sv/-en',
      `${fmt(f.loadMs)} ms`,
      'wasm compile and both dictionaries, once per process; median of 3',
    ],
    [
      `spell-check: whole 100-page document (${(f.words / 1000).toFixed(0)}k words)`,
      `${fmt(f.coldMs)} ms first time, ${fmt(f.warmMs)} ms again`,
      `${f.distinct} distinct words, ${f.misspelled} flagged; first time = every distinct word through Hunspell; again = cached answers (a recheck after Lägg till i ordlistan)`,
    ],
    [
      'spell-check per key (recheck of the changed paragraph)',
      `p50 ${fmt(f.keyP50)} ms, p95 ${fmt(f.keyP95)} ms`,
      `~100-word paragraph with a new word each key; target < 16 ms (${met(f.keyP95 < 16)})`,
    ],
    [
      'spell-check suggestions (context menu)',
      `p50 ${fmt(f.suggestP50)} ms, p95 ${fmt(f.suggestP95)} ms`,
      'up to 5 corrections for one misspelt word, asked when the menu opens',
    ],
  ];
}
