import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../src/main/core/import';
import { blocks, expectLoadsInLexical, fixture, inline, text, textItems } from './import-helpers';

/**
 * Import keeps what the user wrote: angle brackets that are not formatting tags, single newlines
 * and {{variables}} come through as written, from Markdown, plain text and Word alike.
 */

const md = (s: string) => importText(Buffer.from(s, 'utf8'), 'anteckningar.md');
const txt = (s: string) => importText(Buffer.from(s, 'utf8'), 'anteckningar.txt');
const body = (r: ReturnType<typeof md>) => blocks(r.sections[0]!);

describe('angle brackets', () => {
  it('keeps placeholders, e-mail addresses and web addresses in angle brackets exactly as typed', () => {
    // marked reads <karin@example.se> as an autolink and <Co>, <namn> as inline HTML.
    const source = 'Kontakt: <karin@example.se> eller <https://regeringen.se>. Bolaget <Co> skickar <namn> och <Karin Åström>.';
    for (const r of [md(source), txt(source)]) {
      expect(r.plainText).toBe(source);
      expectLoadsInLexical(r);
    }
  });

  it('keeps a line that starts with a tag-like word, and reads the Markdown after it', () => {
    // A line opening with "<namn>" is an HTML block to CommonMark, which would hide everything up to the blank line.
    const r = md('Inledning.\n\n<namn>\nskriver **fet** text\n\n<Co>\n\nSlut.');
    expect(body(r).map(inline)).toEqual([
      [['text', 'Inledning.', 0]],
      [
        ['text', '<namn>', 0],
        ['linebreak', '', 0],
        ['text', 'skriver ', 0],
        ['text', 'fet', 1],
        ['text', ' text', 0],
      ],
      [['text', '<Co>', 0]],
      [['text', 'Slut.', 0]],
    ]);
    expectLoadsInLexical(r);
  });

  it('reads <br>, <b>/<strong> and <i>/<em> as formatting, keeps the text of <u>, <sup>, <sub>, drops comments', () => {
    const r = md(
      'a<br>b<BR/>c <b>fet</b> <strong class="x">stark</strong> <i>kursiv</i> <EM>em</EM> <u>under</u> m<sup>2</sup> H<sub>2</sub>O<!-- bort --> slut',
    );
    expect(inline(body(r)[0]!)).toEqual([
      ['text', 'a', 0],
      ['linebreak', '', 0],
      ['text', 'b', 0],
      ['linebreak', '', 0],
      ['text', 'c ', 0],
      ['text', 'fet', 1],
      ['text', ' ', 0],
      ['text', 'stark', 1],
      ['text', ' ', 0],
      ['text', 'kursiv', 2],
      ['text', ' ', 0],
      ['text', 'em', 2],
      ['text', ' under m2 H2O slut', 0],
    ]);
    expectLoadsInLexical(r);
  });

  it('treats any other tag as text, even around known ones, and a stray closing tag as nothing', () => {
    const r = md('<span>inline</span> <div>Block & <b>fet <i>båda</i></b></div> </b>kvar');
    expect(r.plainText).toBe('<span>inline</span> <div>Block & fet båda</div> kvar');
    expect(inline(body(r)[0]!).filter(([, , f]) => f !== 0)).toEqual([
      ['text', 'fet ', 1],
      ['text', 'båda', 3],
    ]);
  });

  it('keeps angle brackets from entities, escapes and code, in list items and headings too', () => {
    const r = md('&lt;namn&gt; \\<Co> `<kod>`\n\n- <Co> levererar\n- <karin@example.se>\n\n### Frågor till <namn>\n');
    const [p, list, heading] = body(r);
    expect(text(p!)).toBe('<namn> <Co> <kod>');
    expect(textItems(list!).map(text)).toEqual(['<Co> levererar', '<karin@example.se>']);
    expect(heading).toMatchObject({ type: 'heading', tag: 'h3' });
    expect(text(heading!)).toBe('Frågor till <namn>');
    expectLoadsInLexical(r);
  });
});

describe('single newlines', () => {
  it('are line breaks in Markdown and in plain text, without the spaces around them', () => {
    for (const r of [
      md('Tid: kl. 9.00 \n  Plats: Stockholm\nOrdförande: Karin'),
      txt('Tid: kl. 9.00 \n  Plats: Stockholm\nOrdförande: Karin'),
    ]) {
      expect(body(r)).toHaveLength(1);
      expect(inline(body(r)[0]!)).toEqual([
        ['text', 'Tid: kl. 9.00', 0],
        ['linebreak', '', 0],
        ['text', 'Plats: Stockholm', 0],
        ['linebreak', '', 0],
        ['text', 'Ordförande: Karin', 0],
      ]);
      expect(r.plainText).toBe('Tid: kl. 9.00\nPlats: Stockholm\nOrdförande: Karin');
      expectLoadsInLexical(r);
    }
  });

  it('are line breaks inside bold text and list items; a blank line still starts a new paragraph', () => {
    const r = md('**Beslut\nom budget**\n\n- första raden\n  andra raden\n\nNytt stycke.');
    const [p, list, last] = body(r);
    expect(inline(p!)).toEqual([
      ['text', 'Beslut', 1],
      ['linebreak', '', 0],
      ['text', 'om budget', 1],
    ]);
    expect(textItems(list!).map(text)).toEqual(['första raden\nandra raden']);
    expect(text(last!)).toBe('Nytt stycke.');
    expectLoadsInLexical(r);
  });

  it('keep "Tid:" and "Plats:" lines at the top of a text file as text, not as ministry and unit', () => {
    const r = txt('Tid: kl. 9.00\nPlats: Stockholm\n\nMötet öppnades av ordföranden.\n');
    expect(r.metadata).toEqual({});
    expect(r.plainText).toBe('Tid: kl. 9.00\nPlats: Stockholm\n\nMötet öppnades av ordföranden.');
  });

  it('leave a title written over two lines on one line', () => {
    const r = txt('Finansdepartementet\nBudgetavdelningen\n\nMinnesanteckningar från möte\nden 3 mars 2026\n\nText.');
    expect(r.metadata.title).toBe('Minnesanteckningar från möte den 3 mars 2026');
    expect(r.metadata.date).toBe('2026-03-03');
  });
});

describe('{{variables}}', () => {
  it('become variable nodes in plain text and Markdown, known or not, with the formatting around them', () => {
    const r = txt('{{Datum}} bjöd {{ värd }} in; *{{tema}}* och <b>{{okänd_uppgift}}</b> följer.');
    expect(inline(body(r)[0]!)).toEqual([
      ['variable', 'Datum', 0],
      ['text', ' bjöd ', 0],
      ['variable', 'värd', 0],
      ['text', ' in; ', 0],
      ['variable', 'tema', 2],
      ['text', ' och ', 0],
      ['variable', 'okänd_uppgift', 1],
      ['text', ' följer.', 0],
    ]);
    expect(body(r)[0]!.children!.find((c) => c.type === 'variable')).toEqual({ type: 'variable', version: 1, name: 'Datum', format: 0 });
    expectLoadsInLexical(r);
  });

  it('become variable nodes in a Word file, where angle brackets and line breaks are kept too', async () => {
    const r = await importFile(fixture('literal-text.docx'), 'literal-text.docx');
    const [first, second, third] = body(r);
    expect(inline(first!)).toEqual([
      ['text', 'Mötet leddes av ', 0],
      ['variable', 'värd', 0],
      ['text', ' på temat ', 0],
      ['variable', 'tema', 2],
      ['text', '; kontakt <karin@example.se>.', 0],
    ]);
    expect(inline(second!)).toContainEqual(['variable', 'okänd_uppgift', 1]);
    expect(text(second!)).toBe('Företaget <Co> skickar <namn> och {{okänd_uppgift}} senare.');
    expect(text(third!)).toBe('Tid: kl. 9.00\nPlats: Stockholm');
    expectLoadsInLexical(r);
  });
});
