import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../src/shared/lexical/clean-paste';
import { classifyMarker, parseMsoList } from '../src/shared/lexical/word-lists';

// linkedom stands in for the browser's parser; cleanPastedHtml needs nothing else of the DOM.
const parser = new DOMParser() as unknown as globalThis.DOMParser;
const clean = (html: string) => cleanPastedHtml(html, parser);
const WORD = readFileSync(join(__dirname, 'fixtures', 'word-clipboard-lists.html'), 'utf8');

/** Word's markup for one list paragraph, as its clipboard has it. */
function wordItem(text: string, marker: string, list: string, level = 1, font = ''): string {
  const style = font ? ` style='font-family:${font};mso-fareast-font-family:${font}'` : '';
  return `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:${list} level${level} lfo${list.slice(1)}'><![if !supportLists]><span${style}><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=SV>${text}<o:p></o:p></span></p>`;
}
const word = (body: string) =>
  `<html><head><meta name=Generator content="Microsoft Word 15"></head><body lang=SV><!--StartFragment-->${body}<!--EndFragment--></body></html>`;

describe('pasting from Word', () => {
  it('keeps headings, numbered and bulleted lists with their nesting, and the number a list starts at', () => {
    expect(clean(WORD)).toBe(
      [
        '<h2>Gruppdiskussioner</h2>',
        '<p>Deltagarna diskuterade i grupper utifrån <i>två frågeställningar</i>.</p>',
        '<ul><li><b>Långsiktighet</b> i finansieringen<ul><li>Fleråriga bidrag</li></ul></li><li>Återkoppling till civilsamhället</li></ul>',
        '<ol><li>Hur når vi fler unga väljare?<ol><li>I skolan</li></ol></li><li>Vilka arenor saknas lokalt?</li></ol>',
        '<h3>Fortsatta frågor</h3>',
        '<ol start="3"><li>Hur följer vi upp medskicken?</li></ol>',
      ].join(''),
    );
  });

  it('reads the marker between the conditional comments even without its mso-list:Ignore span', () => {
    const p = (n: string, t: string) =>
      `<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]>${n}<![endif]>${t}<o:p></o:p></p>`;
    expect(clean(word(p('1.', 'Ett') + p('2.', 'Två')))).toBe('<ol><li>Ett</li><li>Två</li></ol>');
  });

  it('does not merge a bulleted list and the numbered list right after it', () => {
    const html = word(wordItem('Punkt', '·', 'l0', 1, 'Symbol') + wordItem('Först', '1.', 'l1') + wordItem('Sedan', '2.', 'l1'));
    expect(clean(html)).toBe('<ul><li>Punkt</li></ul><ol><li>Först</li><li>Sedan</li></ol>');
  });

  it('starts a new list where the kind changes within one Word list', () => {
    const html = word(wordItem('Ett', '1.', 'l3') + wordItem('Punkt', '-', 'l3'));
    expect(clean(html)).toBe('<ol><li>Ett</li></ol><ul><li>Punkt</li></ul>');
  });

  it('treats a marker in a symbol font as a bullet whatever its letter', () => {
    expect(clean(word(wordItem('Bock', 'ü', 'l4', 1, 'Wingdings') + wordItem('Ruta', 'n.', 'l4', 1, 'Wingdings')))).toBe(
      '<ul><li>Bock</li><li>Ruta</li></ul>',
    );
  });

  it('keeps a numbered heading a heading, without its number', () => {
    const html = word(
      `<h1 style='margin-left:21.6pt;text-indent:-21.6pt;mso-list:l2 level1 lfo3'><![if !supportLists]><span><span style='mso-list:Ignore'>1<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Inledning<o:p></o:p></h1>`,
    );
    expect(clean(html)).toBe('<h1>Inledning</h1>');
  });

  it('reads a List Paragraph without numbering as a plain paragraph', () => {
    expect(clean(word(`<p class=MsoListParagraph>Indragen text<o:p></o:p></p>`))).toBe('<p>Indragen text</p>');
  });
});

describe('pasting from a web page', () => {
  it('keeps the number an ordered list starts at', () => {
    expect(clean('<meta charset="utf-8"><ol start="4"><li>Fyra</li><li>Fem</li></ol><ul><li>Punkt</li></ul>')).toBe(
      '<ol start="4"><li>Fyra</li><li>Fem</li></ol><ul><li>Punkt</li></ul>',
    );
  });
});

describe('Word list markers', () => {
  it.each([
    ['1.', true, 1],
    ['3)', true, 3],
    ['2.1.', true, 1],
    ['(b)', true, 2],
    ['c.', true, 3],
    ['iv.', true, 4],
    ['ii)', true, 2],
    ['XII.', true, 12],
    ['·', false, 1],
    ['•', false, 1],
    ['o', false, 1],
    ['§', false, 1],
    ['-', false, 1],
    ['Ø', false, 1],
  ])('%s → ordered %s, starting at %i', (text, ordered, start) => {
    expect(classifyMarker({ text: `${text}\u00a0\u00a0 `, symbolFont: false })).toEqual({ ordered, start });
  });

  it('reads list instance and level from mso-list, and nothing from mso-list:Ignore', () => {
    expect(parseMsoList('text-indent:-18.0pt;mso-list:l1 level2 lfo3')).toEqual({ id: 'lfo3', level: 2 });
    expect(parseMsoList('mso-list:Ignore')).toBeNull();
  });
});
