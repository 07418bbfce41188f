import { describe, expect, it } from 'vitest';
import { pluralKey, translate, type MessageKey } from '../src/shared/i18n/catalogue';
import type { UiLanguage } from '../src/shared/i18n/languages';
import {
  countLabel,
  type CountWords,
  escapeRegExp,
  findMatches,
  isWordChar,
  replaceMatches,
  splitRange,
  stepIndex,
  type FindOptions,
} from '../src/shared/find/match';

const ANY: FindOptions = { matchCase: false, wholeWord: false };
const CASE: FindOptions = { matchCase: true, wholeWord: false };
const WORD: FindOptions = { matchCase: false, wholeWord: true };
const BOTH: FindOptions = { matchCase: true, wholeWord: true };

const hits = (text: string, query: string, options: FindOptions = ANY) =>
  findMatches(text, query, options).map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  const text = 'Samrådet inleddes. Efter samrådet följde samråd i grupper; SAMRÅD igen.';

  it('ignores case by default, Swedish letters included', () => {
    expect(hits(text, 'samråd')).toEqual(['Samråd', 'samråd', 'samråd', 'SAMRÅD']);
    expect(hits('Ärende, ärende, ÄRENDE', 'äRENDE')).toEqual(['Ärende', 'ärende', 'ÄRENDE']);
    expect(hits('Öresund och ö', 'Ö')).toEqual(['Ö', 'ö']);
  });

  it('matches case when asked', () => {
    expect(hits(text, 'samråd', CASE)).toEqual(['samråd', 'samråd']);
    expect(hits(text, 'SAMRÅD', CASE)).toEqual(['SAMRÅD']);
  });

  it('whole words: å, ä, ö, é and ü are word characters, so no hit inside a longer word', () => {
    expect(hits(text, 'samråd', WORD)).toEqual(['samråd', 'SAMRÅD']);
    expect(hits(text, 'samråd', BOTH)).toEqual(['samråd']);
    // "val" is not a whole word in "valå", "valé", "välja" or "vålnad" …
    expect(hits('valå valé välja vålnad val', 'val', WORD)).toEqual(['val']);
    expect(hits('åval', 'val', WORD)).toEqual([]);
    expect(hits('Müller, müllern', 'müller', WORD)).toEqual(['Müller']);
    expect(hits('idé idéer', 'idé', WORD)).toEqual(['idé']);
    // … but punctuation, spaces, dashes and the text's ends are boundaries.
    expect(hits('val, (val) val-dag "val" val', 'val', WORD)).toHaveLength(5);
    expect(hits('a_b a', 'a', WORD)).toEqual(['a']);
    expect(hits('2026 20266', '2026', WORD)).toEqual(['2026']);
  });

  it('whole words overlapping a rejected hit are still found', () => {
    expect(findMatches('a.a. x', 'a.', WORD)).toEqual([{ start: 2, end: 4 }]);
    expect(hits('aaa aa', 'aa', WORD)).toEqual(['aa']);
  });

  it('takes regex-special characters literally', () => {
    const special = 'Kostnad (ca. 5 000 kr) + moms? [se bilaga] a.b a*b ^$ \\d {2} x|y /s';
    for (const q of ['(ca.', '+ moms?', '[se bilaga]', 'a.b', 'a*b', '^$', '\\d', '{2}', 'x|y', '/s'])
      expect(hits(special, q)).toEqual([q]);
    expect(hits('axb', 'a.b')).toEqual([]);
    expect(hits('EU-medel och EU-medelsram', 'EU-medel')).toEqual(['EU-medel', 'EU-medel']);
    expect(() => new RegExp(escapeRegExp('-–—,:#&~<>=!@%`\'"'), 'u')).not.toThrow();
  });

  it('gives offsets into the text itself, non-overlapping, left to right', () => {
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findMatches('x 😀 Åsa åsa', 'åsa')).toEqual([
      { start: 5, end: 8 },
      { start: 9, end: 12 },
    ]);
  });

  it('finds nothing for an empty query or a query longer than the text', () => {
    expect(findMatches('text', '')).toEqual([]);
    expect(findMatches('ab', 'abc')).toEqual([]);
    expect(findMatches('', 'a')).toEqual([]);
  });

  it('treats spaces in the query as spaces', () => {
    expect(hits('löpande insatser och löpande  insatser', 'löpande insatser')).toEqual(['löpande insatser']);
  });
});

describe('isWordChar', () => {
  it('letters of every script, digits, marks and _ are word characters; the rest are not', () => {
    for (const ch of ['a', 'Z', 'å', 'Ä', 'ö', 'é', 'ü', 'ß', 'ж', 'ع', '7', '_', '\u0301']) expect(isWordChar(ch)).toBe(true);
    for (const ch of [' ', '-', '–', '.', ',', '(', '"', '”', '\u00a0', '', undefined]) expect(isWordChar(ch)).toBe(false);
  });
});

describe('splitRange', () => {
  it('cuts a hit across runs into the piece in each run', () => {
    // "Det behövs " + "löpande insatser" (bold) + " under året."
    const lengths = [11, 16, 12];
    expect(splitRange(lengths, 7, 19)).toEqual([
      { segment: 0, from: 7, to: 11 },
      { segment: 1, from: 0, to: 8 },
    ]);
    expect(splitRange(lengths, 11, 27)).toEqual([{ segment: 1, from: 0, to: 16 }]);
    expect(splitRange(lengths, 0, 39)).toHaveLength(3);
  });

  it('skips empty runs and gives nothing outside the text', () => {
    expect(splitRange([3, 0, 3], 2, 4)).toEqual([
      { segment: 0, from: 2, to: 3 },
      { segment: 2, from: 0, to: 1 },
    ]);
    expect(splitRange([3], 5, 7)).toEqual([]);
  });
});

describe('replaceMatches', () => {
  it('replaces every hit and leaves the rest', () => {
    const text = 'Samrådet och samrådet';
    expect(replaceMatches(text, findMatches(text, 'samrådet'), 'mötet')).toBe('mötet och mötet');
    expect(replaceMatches(text, [], 'x')).toBe(text);
    expect(replaceMatches('val valen', findMatches('val valen', 'val', WORD), 'valet')).toBe('valet valen');
  });
});

describe('stepIndex and countLabel', () => {
  it('wraps around at either end', () => {
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(-1, 3, 1)).toBe(0);
    expect(stepIndex(-1, 3, -1)).toBe(2);
    expect(stepIndex(5, 3, 1)).toBe(0);
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });

  /** The catalogue's words in one language, as the renderer's `t` gives them. */
  const words = (lang: UiLanguage): CountWords =>
    Object.assign((key: MessageKey, params?: { current: number; count: number }) => translate(lang, key, params), {
      n: (base: string, n: number) => translate(lang, pluralKey(base, n) as MessageKey, { n }),
    });

  it('says "3 av 12" in Swedish and "3 of 12" in English', () => {
    const sv = words('sv');
    expect(countLabel(sv, 2, 12)).toBe('3 av 12');
    expect(countLabel(sv, 0, 0)).toBe('Inga träffar');
    expect(countLabel(sv, -1, 1)).toBe('1 träff');
    expect(countLabel(sv, -1, 4)).toBe('4 träffar');
    const en = words('en');
    expect(countLabel(en, 2, 12)).toBe('3 of 12');
    expect(countLabel(en, 0, 0)).toBe('No matches');
    expect(countLabel(en, -1, 1)).toBe('1 match');
    expect(countLabel(en, -1, 4)).toBe('4 matches');
  });
});
