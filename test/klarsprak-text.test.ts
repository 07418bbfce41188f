import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLix, lix, lixCounts, lixLevel, splitSentences, splitWords } from '../src/shared/klarsprak';

const fixture = readFileSync(join(__dirname, 'fixtures/samrad-2026-06-09.txt'), 'utf8');
const sentences = (text: string) => splitSentences(text).map((s) => s.text);
const words = (text: string) => splitWords(text).map((w) => w.text);

describe('sentence splitting', () => {
  it('does not end a sentence at "bl.a." or "t.ex.", even before a name', () => {
    expect(sentences('Av presentationen framgick bl.a. att skillnaderna i valdeltagande har ökat över tid.')).toHaveLength(1);
    expect(sentences('Flera organisationer, t.ex. Kompis Sverige och Skoopi, deltog i samrådet.')).toHaveLength(1);
    expect(sentences('Under gruppdiskussionerna lyfte civilsamhället bl.a.:')).toEqual([
      'Under gruppdiskussionerna lyfte civilsamhället bl.a.:',
    ]);
  });

  it('ends one after "m.m." when a new sentence begins, not when the sentence goes on', () => {
    expect(
      sentences('Många exempel lyftes, bl.a. studiebesök och valvaker m.m. Efter gruppdiskussionerna lyfte varje grupp sina medskick.'),
    ).toEqual(['Många exempel lyftes, bl.a. studiebesök och valvaker m.m.', 'Efter gruppdiskussionerna lyfte varje grupp sina medskick.']);
    expect(sentences('Vi pratade om valvaker m.m. och om studiebesök.')).toHaveLength(1);
  });

  it('keeps numbers, times and initials inside the sentence', () => {
    expect(sentences('Samrådet pågick kl. 9.00–15.30 och 1.5 timmar ägnades åt gruppdiskussioner.')).toHaveLength(1);
    expect(sentences('Presentationen hölls av K. Lindgren vid Uppsala universitet.')).toHaveLength(1);
    expect(sentences('Samrådet hölls i juni 2026. Nästa samråd hålls i höst.')).toHaveLength(2);
    expect(words('Ett 25-tal organisationer, bl.a. SKR:s e-postlista, kl. 9.00.')).toEqual([
      'Ett',
      '25-tal',
      'organisationer',
      'bl.a',
      'SKR:s',
      'e-postlista',
      'kl',
      '9.00',
    ]);
  });

  it('ends sentences at ? and !, and at every line, so list items are sentences without periods', () => {
    expect(sentences('Vem ansvarar för dialogen? Det gör departementet!')).toEqual([
      'Vem ansvarar för dialogen?',
      'Det gör departementet!',
    ]);
    expect(sentences('Följande organisationer deltog:\n\n- Hej Främling\n- Kompis Sverige\n1. Skoopi\n2) Sveriges kristna råd')).toEqual([
      'Följande organisationer deltog:',
      'Hej Främling',
      'Kompis Sverige',
      'Skoopi',
      'Sveriges kristna råd',
    ]);
  });

  it('gives offsets into the text it was given', () => {
    const all = splitSentences(fixture);
    expect(all.length).toBeGreaterThan(40);
    for (const s of all) expect(fixture.slice(s.start, s.end)).toBe(s.text);
    for (const w of splitWords(fixture)) expect(fixture.slice(w.start, w.end)).toBe(w.text);
  });

  it('splits the fixture where a reader would', () => {
    const all = sentences(fixture);
    expect(all).toContain('Samrådet ägde rum i Regeringskansliets lokaler i Stockholm.');
    expect(all).toContain('Hela Sverige ska leva');
    expect(all.filter((s) => s.includes('bl.a.'))).toHaveLength(4);
    expect(all.find((s) => s.startsWith('**Många goda exempel**'))).toMatch(/valvaker m\.m\.$/);
  });
});

describe('LIX', () => {
  it('equals a hand count', () => {
    // "Samrådet ägde rum i Stockholm. Av presentationen framgick bl.a. att skillnaderna har ökat över tid."
    // Sentences: 2 ("bl.a." does not end one).
    // Words: 5 + 10 = 15 (Samrådet ägde rum i Stockholm | Av presentationen framgick bl.a. att skillnaderna har ökat över tid).
    // Long words (more than 6 letters): Samrådet (8), Stockholm (9), presentationen (14), framgick (8), skillnaderna (12) = 5.
    // LIX = 15 / 2 + 100 × 5 / 15 = 7.5 + 33.33… = 40.83… → "40,8", medel.
    const text = 'Samrådet ägde rum i Stockholm. Av presentationen framgick bl.a. att skillnaderna har ökat över tid.';
    expect(lixCounts(text)).toMatchObject({ words: 15, sentences: 2, longWords: 5 });
    expect(lix(text)).toBeCloseTo(7.5 + 100 / 3, 10);
    expect(formatLix(lix(text))).toBe('40,8');
    expect(lixLevel(lix(text))).toBe('medel');
  });

  it('counts list items as sentences (hand count)', () => {
    // Sentences: 3 (the line with the colon, and two list items).
    // Words: Följande deltog | Hej Främling | Kompis Sverige = 6. Long: Följande (8), Främling (8), Sverige (7) = 3.
    // LIX = 6 / 3 + 100 × 3 / 6 = 2 + 50 = 52 → "52,0", svår.
    const text = 'Följande deltog:\n- Hej Främling\n- Kompis Sverige';
    expect(lixCounts(text)).toMatchObject({ words: 6, sentences: 3, longWords: 3 });
    expect(formatLix(lix(text))).toBe('52,0');
    expect(lixLevel(lix(text))).toBe('svår');
  });

  it('is 0 for a text without words', () => {
    expect(lix('')).toBe(0);
    expect(lix(' – \n\n* ')).toBe(0);
    expect(lixLevel(0)).toBe('lätt');
  });

  it('puts values into the levels as shown, one decimal', () => {
    expect([39.9, 40, 40.06, 50, 50.06, 60, 60.06, 75].map((v) => lixLevel(v))).toEqual([
      'lätt',
      'lätt',
      'medel',
      'medel',
      'svår',
      'svår',
      'mycket svår',
      'mycket svår',
    ]);
    expect(lixLevel(45, { medel: 30, svar: 40, mycketSvar: 44 })).toBe('mycket svår');
    expect(formatLix(51.26)).toBe('51,3');
    expect(formatLix(7)).toBe('7,0');
  });

  it('rates the fixture as svår', () => {
    expect(lixLevel(lix(fixture))).toBe('svår');
  });
});
