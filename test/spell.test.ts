import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/main/core/db';
import { createHandlers } from '../src/main/core/handlers';
import { loadSpellChecker } from '../src/main/core/spell/checker';
import { openStore } from '../src/main/core/store';
import { contract } from '../src/shared/contract';
import { EMPTY_METADATA } from '../src/shared/metadata';
import { acceptedWords, documentNames, isAccepted } from '../src/shared/spell/accepted';
import type { SpellChecker } from '../src/shared/spell/hunspell';
import { tokenize } from '../src/shared/spell/tokenize';
import { checkText, type Lookup } from '../src/shared/spell/verdict';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

/** Real Hunspell (hunspell-asm, WebAssembly) with the dictionary-sv and dictionary-en packages: no mocks. */
let checker: SpellChecker;
let lookup: Lookup;
beforeAll(async () => {
  checker = await loadSpellChecker();
  lookup = (w) => checker.check(w);
}, 60_000);

const words = (text: string) => tokenize(text).map((t) => t.word);
const misspelt = (text: string, accepted: ReadonlySet<string> = new Set()) =>
  checkText(text, lookup, accepted).misspelled.map((t) => t.word);

describe('tokenizer', () => {
  it('takes Swedish letters, hyphenated compounds and abbreviations as one word each', () => {
    expect(words('Vi träffade Östgöta-föreningen, bl.a. om e-post och IT-frågor, t.ex. på fr.o.m. måndag.')).toEqual([
      'Vi',
      'träffade',
      'Östgöta-föreningen',
      'bl.a.',
      'om',
      'e-post',
      'och',
      'IT-frågor',
      't.ex.',
      'på',
      'fr.o.m.',
      'måndag',
    ]);
    expect(words('Café Über, EU:s och SKR:s arbetsmarknads- och integrationsfrågor')).toEqual([
      'Café',
      'Über',
      'EU:s',
      'och',
      'SKR:s',
      'arbetsmarknads-',
      'och',
      'integrationsfrågor',
    ]);
  });

  it('leaves out numbers, web and e-mail addresses and {{variables}}', () => {
    const text =
      'Mötet 2026-06-09 kl. 9.30, 3:e punkten på 1990-talet: se https://regeringen.se/x?a=1, www.minnes.se, regeringen.se eller skriv till anna.svensson@regeringskansliet.se om {{datum}} och {{ tema }}.';
    expect(words(text)).toEqual(['Mötet', 'kl', 'punkten', 'på', 'se', 'eller', 'skriv', 'till', 'om', 'och']);
  });

  it('gives offsets into the text and marks a following full stop', () => {
    const text = 'Samråd osv. Slut.';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
    expect(tokens.map((t) => [t.word, t.dotAfter])).toEqual([
      ['Samråd', false],
      ['osv', true],
      ['Slut', true],
    ]);
  });
});

describe('Hunspell with dictionary-sv', () => {
  it('flags sammråd and anteckninagr, with samråd and anteckningar among the suggestions', () => {
    expect(misspelt('Vi hade ett sammråd och skrev anteckninagr.')).toEqual(['sammråd', 'anteckninagr']);
    expect(checker.suggest('sammråd')).toContain('samråd');
    expect(checker.suggest('anteckninagr')).toContain('anteckningar');
    expect(checker.suggest('anteckninagr').length).toBeLessThanOrEqual(5);
  });

  it('accepts long compounds, abbreviations with their stops, names and words from the domain list', () => {
    const text =
      'Civilsamhällesorganisationer och Arbetsmarknadsdepartementet deltog, bl.a. om civilsamhällesorganisationer, t.ex. i Östersund osv. ' +
      'Dnr anges. Sakrådet och medborgarråden diskuterade IT-frågor, e-post och OSL-prövning; SKR:s och EU:s företrädare, t.o.m. SKR och MUCF.';
    expect(misspelt(text)).toEqual([]);
    expect(misspelt('Anna Петров och محمد deltog.')).toEqual([]);
  });

  it('flags an abbreviation written without its stops, and a misspelt part of a compound', () => {
    expect(misspelt('Vi pratade bl.a om detta och om samrådsmöttet.')).toEqual(['bl.a', 'samrådsmöttet']);
    expect(checker.suggest('bl.a')).toContain('bl.a.');
  });

  it('leaves no uncaughtException listener of the emscripten runtime behind', async () => {
    const before = process.listeners('uncaughtException').length;
    const another = await loadSpellChecker();
    expect(another.check('samråd')).toBe(true);
    another.dispose();
    expect(process.listeners('uncaughtException').length).toBe(before);
  });

  it('asks only about words it has no answer for, each once', () => {
    const known = new Map<string, boolean>([['samråd', true]]);
    const r = checkText('samråd sammråd sammråd SKR osv.', (w) => known.get(w), new Set());
    expect(r.misspelled).toEqual([]);
    expect(r.unknown).toEqual(['sammråd', 'osv', 'osv.']);
  });
});

describe('accepted words', () => {
  it('accepts the words of the metadata and of organisation names, also capitalised and in the genitive', () => {
    const metadata = {
      ...EMPTY_METADATA,
      department: 'Kulturdepartementet',
      unit: 'Enheten för Xyzwå-frågor',
      place: 'Bräcköhuset',
      host: 'Qåsim Lindqvist',
    };
    const accepted = acceptedWords({ names: documentNames(metadata, ['Föreningen Grynnan', 'Zebrastiftelsen i Yxhult']) });
    const text = 'Bräcköhuset och Qåsim var värd; Grynnans och Zebrastiftelsens folk från Yxhult tog upp Xyzwå-frågor och Xyzwå.';
    expect(misspelt(text)).not.toEqual([]);
    expect(misspelt(text, accepted)).toEqual([]);
    // A name keeps its capital: the lower-case form is still a misspelling.
    expect(isAccepted('bräcköhuset', accepted)).toBe(false);
    expect(isAccepted('BRÄCKÖHUSET', accepted)).toBe(true);
  });

  it('adds, lists and removes personal words in the real store, and the checker then accepts them', async () => {
    const dbPath = join(tmp(), 'm.sqlite');
    const db: Db = openStore(dbPath);
    onDone(() => db.close());
    const h = createHandlers({ db, dbPath, host: 'browser' });
    const text = 'Mötet leddes av Sammråd-gruppen och Zwörkelby.';
    expect(misspelt(text)).toEqual(['Sammråd-gruppen', 'Zwörkelby']);

    await h.addPersonalWord(contract.addPersonalWord.input.parse({ word: ' zwörkelby ' }));
    await h.addPersonalWord({ word: 'Sammråd' });
    const list = await h.listPersonalWords({});
    expect(list.map((w) => w.word)).toEqual(['Sammråd', 'zwörkelby']);
    expect(misspelt(text, acceptedWords({ personal: list.map((w) => w.word) }))).toEqual([]);

    // Survives closing and opening the store again.
    db.close();
    const again = openStore(dbPath);
    onDone(() => again.close());
    const h2 = createHandlers({ db: again, dbPath, host: 'browser' });
    expect(await h2.removePersonalWord({ word: 'Sammråd' })).toEqual({ removed: true });
    expect(await h2.removePersonalWord({ word: 'Sammråd' })).toEqual({ removed: false });
    const left = (await h2.listPersonalWords({})).map((w) => w.word);
    expect(misspelt(text, acceptedWords({ personal: left }))).toEqual(['Sammråd-gruppen']);
  });

  it('refuses a personal word with a space or over 100 characters', () => {
    expect(contract.addPersonalWord.input.safeParse({ word: 'två ord' }).success).toBe(false);
    expect(contract.addPersonalWord.input.safeParse({ word: 'a'.repeat(101) }).success).toBe(false);
    expect(contract.addPersonalWord.input.safeParse({ word: '   ' }).success).toBe(false);
  });

  it('answers checkSpelling and suggestSpelling through the handler table', async () => {
    const dbPath = join(tmp(), 'm.sqlite');
    const db = openStore(dbPath);
    onDone(() => db.close());
    const h = createHandlers({ db, dbPath, host: 'browser' });
    expect(await h.checkSpelling({ words: ['samråd', 'sammråd', 'anteckninagr', 'bl.a.'] })).toEqual({
      misspelled: ['sammråd', 'anteckninagr'],
    });
    expect((await h.suggestSpelling({ word: 'sammråd' })).suggestions).toContain('samråd');
  });
});

let cleanups: (() => void)[] = [];
const onDone = (fn: () => void) => cleanups.push(fn);
afterEach(() => {
  for (const fn of cleanups.reverse()) {
    try {
      fn();
    } catch {
      // already closed
    }
  }
  cleanups = [];
});
