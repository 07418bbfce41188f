import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { SerializedLexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SectionContent } from '../src/shared/content';
import { TemplateSchema } from '../src/shared/template';
import { isMinnesError } from '../src/main/core/errors';
import { htmlToBlocks } from '../src/main/core/import/docx-import';
import { importFile, importText } from '../src/main/core/import';
import { expectLoadsInLexical } from './import-helpers';

/**
 * Word fixtures made from test/fixtures/word-minutes.md:
 *   pandoc word-minutes.md -o word-minutes.docx
 *   pandoc word-minutes.md -o word-minutes.odt && soffice --headless --convert-to docx word-minutes.odt
 *     (saved as word-minutes-libreoffice.docx)
 */
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

type Node = SerializedLexicalNode & {
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  value?: number;
  children?: Node[];
};

const blocks = (s: SectionContent) => (s.state.root as unknown as Node).children ?? [];
const text = (n: Node): string => n.text ?? (n.type === 'linebreak' ? '\n' : (n.children ?? []).map(text).join(''));
/** Block summary: "h2 Deltagare", "p …", "ul [a, b, [c, d]]" (nested lists in brackets). */
function summary(n: Node): string {
  if (n.type === 'heading') return `${n.tag} ${text(n)}`;
  if (n.type !== 'list') return `p ${text(n)}`;
  const items = (n.children ?? []).map((i) => {
    const only = i.children?.[0];
    return only?.type === 'list' && i.children?.length === 1 ? summary(only).slice(3) : `${i.value}:${text(i)}`;
  });
  return `${n.listType === 'number' ? 'ol' : 'ul'} [${items.join(', ')}]`;
}

async function rejects(input: Buffer, fileName: string, code: string, message: RegExp) {
  const error: unknown = await importFile(input, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isMinnesError(error)).toBe(true);
  expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
}

describe.each([
  ['pandoc', 'word-minutes.docx'],
  ['LibreOffice', 'word-minutes-libreoffice.docx'],
])('a Word document written by %s', (_producer, file) => {
  it('gives the header, headings, lists with nesting and numbering, bold, italic and line breaks', async () => {
    const r = await importFile(fixture(file), file);
    expect(r.metadata).toEqual({
      department: 'Utbildningsdepartementet',
      unit: 'Enheten för vuxenutbildning och folkbildning',
      title: 'Minnesanteckningar från möte med referensgruppen för folkbildning den 14 mars 2025',
      date: '2025-03-14',
    });
    expect(r.sections).toHaveLength(1);
    expect(blocks(r.sections[0]!).map(summary)).toEqual([
      'h1 Inledning',
      'p Mötet öppnades av Karin Berg, departementsråd, som hälsade deltagarna välkomna till Rosenbad. Temat för dagen var Folkbildningens roll i glesbygd.',
      'h2 Deltagare',
      'ul [1:Folkbildningsrådet, 2:Studieförbunden i samverkan, [1:Studiefrämjandet, 2:Medborgarskolan], 3:Riksorganisationen Folkhögskolorna]',
      'h2 Dagordning',
      'ol [1:Mötets öppnande, 2:Rapport från arbetsgruppen, [1:Kartläggningen av lokaler, 2:Enkäten till studieförbunden], 3:Övriga frågor]',
      'h3 Diskussion',
      'p Deltagarna diskuterade bl.a. behovet av långsiktig och förutsägbar finansiering – särskilt för mindre orter.',
      'p Det konstaterades att samverkan med kommunerna är avgörande.',
      'h2 Avslutning',
      'p Nästa möte äger rum den 12 september 2025.\nPlats: Rosenbad, Stockholm.',
      'h3 Att göra till nästa möte',
      'p Sekretariatet sammanställer synpunkterna.',
    ]);

    const runs = blocks(r.sections[0]!)
      .flatMap((b) => b.children ?? [])
      .filter((n) => n.type === 'text' && n.format);
    expect(runs.map((n) => [n.text, n.format])).toEqual([
      ['Karin Berg', 1],
      ['Folkbildningens roll i glesbygd', 2],
      ['långsiktig ', 1],
      ['och förutsägbar', 3],
      ['samverkan med kommunerna', 2],
    ]);
    expectLoadsInLexical(r);
  });

  it('splits sections on Word headings (level 1 or 2) that name a template section', async () => {
    const template = TemplateSchema.parse({
      format: 'minnes/template',
      formatVersion: 1,
      key: 'referensgrupp',
      name: 'Referensgrupp',
      version: 1,
      sections: ['Inledning', 'Deltagare', 'Dagordning', 'Avslutning'].map((heading) => ({ key: heading.toLowerCase(), heading })),
    });
    const r = await importFile(fixture(file), file, template);
    expect(r.templateKey).toBe('referensgrupp');
    expect(
      r.sections.map((s) => [
        s.key,
        blocks(s)
          .map((b) => summary(b).split(' ')[0])
          .join(','),
      ]),
    ).toEqual([
      ['inledning', 'p'],
      ['deltagare', 'ul'],
      ['dagordning', 'ol,h3,p,p'],
      ['avslutning', 'p,h3,p'],
    ]);
    expectLoadsInLexical(r);
  });
});

describe('Word import edges', () => {
  it('recognises a .docx by its zip signature whatever the name, and text by anything else', async () => {
    const byMagic = await importFile(fixture('word-minutes.docx'), 'bilaga.bin');
    expect(byMagic.metadata.department).toBe('Utbildningsdepartementet');
    const md = fixture('samrad-2026-06-09.txt');
    expect(await importFile(md, 'samrad.txt')).toEqual(importText(md, 'samrad.txt'));
  });

  it('rejects a corrupt or fake .docx with a clear message', async () => {
    const docx = fixture('word-minutes.docx');
    await rejects(docx.subarray(0, 2000), 'trasig.docx', 'invalid_docx', /Word-filen kunde inte läsas/);
    await rejects(Buffer.from('inte alls ett Word-dokument'), 'falsk.docx', 'invalid_docx', /Word-filen kunde inte läsas/);
    const notWord = Buffer.from(zipSync({ 'hej.txt': new TextEncoder().encode('hej') }));
    await rejects(notWord, 'zip.docx', 'invalid_docx', /Word-filen kunde inte läsas/);
    await rejects(Buffer.alloc(0), 'tom.docx', 'empty_file', /^Filen är tom/);
  });

  it('reduces other HTML to its words and leaves no empty paragraphs', () => {
    const b = htmlToBlocks(
      '<a id="x"></a><p>Före<sup><a href="#footnote-1">[1]</a></sup></p><table><tr><td><p>Cell <b>ett</b></p></td><td>två</td></tr></table>' +
        '<h5>Liten rubrik</h5><ol start="4"><li><p>Fyra</p><p>mer</p></li></ol><ol><li id="footnote-1"><p>Fotnot <a href="#footnote-ref-1">↑</a></p></li></ol><p> </p>',
    );
    expect(b[1]?.type).toBe('table');
    expect(b.map((n) => summary(n as Node))).toEqual([
      'p Före[1]',
      'p Cell etttvå', // the table, which summary() reads as one run of words
      'h3 Liten rubrik',
      'ol [4:Fyra\nmer]',
      'ol [1:Fotnot]',
    ]);
  });
});
