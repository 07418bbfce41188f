import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type SerializedEditorState, type SerializedLexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { emptyEditorState, type SectionContent } from '../src/shared/content';
import { MINNES_NODES } from '../src/shared/lexical/nodes';
import { MetadataSchema } from '../src/shared/metadata';
import { TemplateSchema, type Template } from '../src/shared/template';
import { isMinnesError } from '../src/main/core/errors';
import { frontMatterFields } from '../src/main/core/import/front-matter';
import { importText, type ImportResult } from '../src/main/core/import';

const fixture = (name: string) => {
  const local = join(__dirname, 'fixtures', name);
  return readFileSync(existsSync(local) ? local : join(__dirname, '..', '..', 'shared', 'fixtures', name));
};

type Node = SerializedLexicalNode & {
  text?: string;
  format?: number;
  name?: string;
  tag?: string;
  listType?: string;
  start?: number;
  value?: number;
  children?: Node[];
};

const rootOf = (s: SectionContent) => s.state.root as unknown as Node;
const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];
const nodes = (r: ImportResult) => r.sections.flatMap((s) => all(rootOf(s)));
const blocks = (s: SectionContent) => rootOf(s).children ?? [];
/** The items of a list that hold text (not Lexical's wrappers around a nested list). */
const textItems = (list: Node) => (list.children ?? []).filter((i) => i.children?.[0]?.type !== 'list');
const itemTexts = (list: Node) => textItems(list).map((i) => (i.children ?? []).map((c) => c.text ?? `{{${c.name}}}`).join(''));

/** Loads a stored state into a real Lexical editor, as the app will, and returns its text and re-exported JSON. */
function loadInLexical(state: SerializedEditorState) {
  const editor = createHeadlessEditor({
    namespace: 'import-test',
    nodes: [...MINNES_NODES],
    onError: (e) => {
      throw e;
    },
  });
  const parsed = editor.parseEditorState(state);
  return { text: parsed.read(() => $getRoot().getTextContent()), json: parsed.toJSON() };
}

function expectLoadsInLexical(r: ImportResult) {
  const texts = r.sections.map((s) => {
    const { text, json } = loadInLexical(s.state);
    // What Lexical writes back is exactly what we produced: the JSON is in its own shape.
    expect(JSON.parse(JSON.stringify(json))).toEqual(JSON.parse(JSON.stringify(s.state)));
    return text.trim();
  });
  expect(texts.filter((t) => t !== '').join('\n\n')).toBe(r.plainText);
}

const TEMPLATE: Template = TemplateSchema.parse({
  format: 'minnes/template',
  formatVersion: 1,
  key: 'samrad',
  name: 'Samråd',
  version: 1,
  // The default template's headings; keys as in resources/templates/samrad.json.
  sections: 'Inledning,Bakgrund,Deltagande organisationer,Presentation,Gruppdiskussioner,Tematiska grupper,Medskick,Avslutning'
    .split(',')
    .map((heading) => ({
      key: heading.toLowerCase().replace(' ', '-'),
      heading,
      guidance: `Skriv om ${heading}`,
      carryOver: heading === 'Bakgrund',
    })),
});

const md = (s: string) => importText(Buffer.from(s, 'utf8'), 'test.md');

function rejects(input: Buffer | string, code: string, message: RegExp) {
  try {
    importText(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, 'x.md');
  } catch (e) {
    expect(isMinnesError(e)).toBe(true);
    expect(e).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((e as Error).message).not.toContain('\n');
    return;
  }
  throw new Error('expected a MinnesError');
}

describe('the seed minutes in their plain layout', () => {
  const r = importText(fixture('samrad-2026-06-09.txt'), 'samrad-2026-06-09.txt');
  const body = blocks(r.sections[0]!);
  const lists = body.filter((b) => b.type === 'list');

  it('reads department, unit, title and date from the first lines', () => {
    expect(r.metadata).toEqual({
      department: 'Arbetsmarknadsdepartementet',
      unit: 'Enheten för integration och arbetet mot utanförskap',
      title: 'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
      date: '2026-06-09',
    });
    expect(r.templateKey).toBeUndefined();
  });

  it('gives one free-form section with every paragraph and list of the body', () => {
    expect(r.sections.map(({ state: _s, ...rest }) => rest)).toEqual([
      { key: 'innehall', heading: 'Innehåll', printHeading: false, guidance: '', carryOver: false },
    ]);
    expect(body.map((b) => b.type)).toEqual([
      ...['paragraph', 'paragraph', 'paragraph', 'list'],
      ...['paragraph', 'paragraph', 'paragraph', 'list'],
      ...['paragraph', 'paragraph', 'list', 'paragraph', 'paragraph'],
    ]);
    expect(body.filter((b) => b.type === 'paragraph')).toHaveLength(10);
  });

  it('keeps the lists: 8 organisations, 3 questions, 14 takeaways in one list despite the blank line', () => {
    expect(lists.map((l) => [l.listType, textItems(l).length])).toEqual([
      ['bullet', 8],
      ['bullet', 3],
      ['bullet', 14],
    ]);
    expect(itemTexts(lists[0]!)).toContain('Studieförbunden i samverkan');
    expect(textItems(lists[2]!).map((i) => i.value)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('keeps the 17 bold runs and the 2 italic runs', () => {
    const text = nodes(r).filter((n) => n.type === 'text');
    const bold = text.filter((n) => n.format === 1).map((n) => n.text);
    expect(bold).toHaveLength(17);
    expect(bold[0]).toBe('barn och unga, bostadsområdets betydelse, jämställdhet');
    expect(bold).toContain('lyssnade på');
    const italic = text.filter((n) => n.format === 2).map((n) => n.text);
    expect(italic).toEqual([
      'Demokratisk integration – demokratistärkande insatser för ökat deltagande i och mellan valen',
      'Insatser för ökat valdeltagande i bostadsområden med socioekonomiska utmaningar',
    ]);
  });

  it('keeps the words exactly: abbreviations, en dashes, no markup or entities left', () => {
    expect(r.plainText.match(/bl\.a\./g)).toHaveLength(4);
    expect(r.plainText.match(/–/g)).toHaveLength(2);
    expect(r.plainText).not.toMatch(/\*|&[a-z#0-9]+;/i);
    expect(r.plainText.startsWith('Den 9 juni 2026 bjöd Adam Alfredsson')).toBe(true);
    expect(r.plainText.endsWith('för deras viktiga arbete.')).toBe(true);
  });

  it('produces JSON that Lexical loads and writes back unchanged', () => expectLoadsInLexical(r));
});

describe('front matter and ## sections with a template', () => {
  const r = importText(fixture('samrad-sections.md'), 'samrad-sections.md', TEMPLATE);

  it('reads the metadata and the template key from the front matter', () => {
    expect(r.metadata).toEqual({
      department: 'Arbetsmarknadsdepartementet',
      unit: 'Enheten för integration och arbetet mot utanförskap',
      title: 'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
      date: '2026-06-09',
      dnr: 'A2026/01234',
      place: 'Regeringskansliets lokaler i Stockholm',
      host: 'Adam Alfredsson',
      theme: 'Demokratisk integration – demokratistärkande insatser för ökat deltagande i och mellan valen',
    });
    expect(r.templateKey).toBe('samrad');
  });

  it('puts each part in its section, in template order, headings not part of the content', () => {
    expect(
      r.sections.map((s) => [
        s.key,
        blocks(s)
          .map((b) => b.type)
          .join(','),
      ]),
    ).toEqual([
      ['inledning', 'paragraph'],
      ['bakgrund', 'paragraph'],
      ['deltagande-organisationer', 'paragraph,list'],
      ['presentation', 'paragraph,paragraph'],
      ['gruppdiskussioner', 'paragraph,list'],
      ['tematiska-grupper', 'paragraph'],
      ['medskick', 'paragraph,list'],
      ['avslutning', 'paragraph,paragraph'],
    ]);
    expect(r.sections[1]).toMatchObject({ heading: 'Bakgrund', printHeading: false, guidance: 'Skriv om Bakgrund', carryOver: true });
    expect(nodes(r).filter((n) => n.type === 'heading')).toEqual([]);
    expect(textItems(blocks(r.sections[6]!)[1]!)).toHaveLength(14);
  });

  it('has the same text as the plain seed, section by section', () => {
    const seed = importText(fixture('samrad-2026-06-09.txt'), 'samrad-2026-06-09.txt');
    expect(r.plainText).toBe(seed.plainText);
    expectLoadsInLexical(r);
  });

  it('sends text before the first section heading to the first section, fills missing sections empty', () => {
    const t = importText(Buffer.from('Inledande ord.\n\n## MEDSKICK  \n\n- Ett\n\n## Övrigt\n\nText\n\n# Avslutning\n'), 'x.md', TEMPLATE);
    expect(t.sections.map((s) => s.key)).toEqual(TEMPLATE.sections.map((s) => s.key));
    expect(t.sections[0]!.state).not.toEqual(emptyEditorState());
    expect(blocks(t.sections[0]!).map((b) => b.children?.[0]?.text)).toEqual(['Inledande ord.']);
    expect(t.sections[1]!.state).toEqual(emptyEditorState());
    // Only ## headings that name a section start one; others stay as content.
    expect(blocks(t.sections[6]!).map((b) => [b.type, b.tag ?? '', b.children?.[0]?.text ?? ''])).toEqual([
      ['list', 'ul', ''],
      ['heading', 'h2', 'Övrigt'],
      ['paragraph', '', 'Text'],
      ['heading', 'h1', 'Avslutning'],
    ]);
    expectLoadsInLexical(t);
  });
});

describe('Markdown features', () => {
  it('nests lists the way Lexical does and numbers them from their start', () => {
    const r = md('- a\n  - b\n    - c\n- d\n\n3. tre\n4. fyra\n   1. fyra-ett\n');
    const [bullets, numbers] = blocks(r.sections[0]!);
    expect(itemTexts(bullets!)).toEqual(['a', 'd']);
    const wrapper = bullets!.children![1]!;
    expect(wrapper.children).toHaveLength(1);
    expect(itemTexts(wrapper.children![0]!)).toEqual(['b']);
    expect(itemTexts(wrapper.children![0]!.children![1]!.children![0]!)).toEqual(['c']);
    expect(numbers).toMatchObject({ type: 'list', listType: 'number', tag: 'ol', start: 3 });
    expect(textItems(numbers!).map((i) => i.value)).toEqual([3, 4]);
    expect(itemTexts(numbers!.children![2]!.children![0]!)).toEqual(['fyra-ett']);
    expectLoadsInLexical(r);
  });

  it('keeps a loose list as one list, with a second paragraph in an item on a new line', () => {
    const r = md('- ett\n\n- två\n\n  mer om två\n\n- tre\n');
    const b = blocks(r.sections[0]!);
    expect(b).toHaveLength(1);
    expect(textItems(b[0]!)).toHaveLength(3);
    expect(b[0]!.children![1]!.children!.map((c) => c.type)).toEqual(['text', 'linebreak', 'text']);
    expectLoadsInLexical(r);
  });

  it('maps #–### to h1–h3 and deeper headings to h3', () => {
    const r = md('Inledning.\n\n# Ett\n\n## Två\n\n### Tre\n\n#### Fyra\n');
    expect(blocks(r.sections[0]!).map((b) => b.tag)).toEqual([undefined, 'h1', 'h2', 'h3', 'h3']);
  });

  it('takes a leading # heading as the title (and its date) when nothing else gives one', () => {
    const r = md('# Minnesanteckningar från referensgruppsmöte 3 mars 2026\n\nText.\n');
    expect(r.metadata).toEqual({ title: 'Minnesanteckningar från referensgruppsmöte 3 mars 2026', date: '2026-03-03' });
    expect(blocks(r.sections[0]!).map((b) => b.type)).toEqual(['paragraph']);
    const withFrontMatter = md('---\ntitle: Från front matter\n---\n# Rubrik i texten\n\nText.\n');
    expect(withFrontMatter.metadata.title).toBe('Från front matter');
    expect(blocks(withFrontMatter.sections[0]!).map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });

  it('combines bold and italic, keeps hard line breaks, reads _italic_', () => {
    const r = md('**fet *båda*** och _kursiv_ ***allt***  \nny rad\\\nsista');
    const p = blocks(r.sections[0]!)[0]!.children!;
    expect(p.map((c) => [c.type, c.text ?? '', c.format ?? 0])).toEqual([
      ['text', 'fet ', 1],
      ['text', 'båda', 3],
      ['text', ' och ', 0],
      ['text', 'kursiv', 2],
      ['text', ' ', 0],
      ['text', 'allt', 3],
      ['linebreak', '', 0],
      ['text', 'ny rad', 0],
      ['linebreak', '', 0],
      ['text', 'sista', 0],
    ]);
    expectLoadsInLexical(r);
  });

  it('turns links, images and code into their words (a table into a table), with entities decoded; tags other than b/i/br stay text', () => {
    const r = md(
      'Se [regeringen.se](https://regeringen.se) och ![karta](k.png), `kod <&>`, <span>inline</span>, AT&T &amp; &ouml; &#8211; "citat"\n\n<div>Block & <b>fet</b></div>\n\n```\nif (a < b)\n```\n\n> citat\n\n| A | B |\n|---|---|\n| c | d |\n',
    );
    expect(r.plainText).toBe(
      'Se regeringen.se och karta, kod <&>, <span>inline</span>, AT&T & ö – "citat"\n\n<div>Block & fet</div>\n\nif (a < b)\n\ncitat\n\nA\n\nB\n\nc\n\nd',
    );
    expectLoadsInLexical(r);
  });

  it('turns {{variables}} into variable nodes that keep their formatting', () => {
    const r = md('{{Datum}} bjöd {{värd}} in till samråd på temat *{{tema}}*.');
    const p = blocks(r.sections[0]!)[0]!.children!;
    expect(p.map((c) => [c.type, c.name ?? c.text, c.format])).toEqual([
      ['variable', 'Datum', 0],
      ['text', ' bjöd ', 0],
      ['variable', 'värd', 0],
      ['text', ' in till samråd på temat ', 0],
      ['variable', 'tema', 2],
      ['text', '.', 0],
    ]);
    expectLoadsInLexical(r);
  });
});

describe('front matter', () => {
  it('returns only the fields given (documentType then defaults to "Minnesanteckningar"), accepts a YAML date object', () => {
    const r = md('---\ntitle: Möte\ndnr:\n---\nText');
    expect(r.metadata).toEqual({ title: 'Möte' });
    expect(MetadataSchema.parse(r.metadata).documentType).toBe('Minnesanteckningar');
    expect(frontMatterFields({ date: new Date(Date.UTC(2026, 5, 9)), documentType: 'Protokoll' }).metadata).toEqual({
      date: '2026-06-09',
      documentType: 'Protokoll',
    });
  });

  it('rejects invalid YAML and wrong types with one Swedish line', () => {
    rejects('---\ntitle: [oavslutad\n---\nText', 'invalid_front_matter', /inte giltig YAML \(rad \d+\)/);
    rejects('---\ndepartment:\n  - a\n---\n', 'invalid_front_matter', /"department" ska vara text/);
    rejects('---\ndate: 9 juni 2026\n---\n', 'invalid_front_matter', /"date" ska vara ett datum/);
    rejects('---\ndate: 2026-02-30\n---\n', 'invalid_front_matter', /"date"/);
    rejects('---\ntemplate: Min Mall\n---\n', 'invalid_front_matter', /"template"/);
    rejects('---\n- en lista\n---\n', 'invalid_front_matter', /namn: värde/);
  });
});

describe('plain layout', () => {
  it('reads the header only when the first lines look like one', () => {
    expect(md('Hej alla.\nVälkomna hit.\n\nLängre stycke om mötet.').metadata).toEqual({});
    expect(md('- Punkt ett\n- Punkt två\n\nText').metadata).toEqual({});
    expect(md('# Rubrik\nUnderrad\n\nText').metadata).toEqual({ title: 'Rubrik' });
    expect(md('Finansdepartementet\nBudgetavdelningen\nTredje raden\n\nText').metadata).toEqual({});
    const r = md('\n\n**Finansdepartementet**\nBudgetavdelningen\n\nMöte om budgeten\n\nText');
    expect(r.metadata).toEqual({
      department: 'Finansdepartementet',
      unit: 'Budgetavdelningen',
      title: 'Möte om budgeten',
    });
    expect(r.plainText).toBe('Text');
  });

  it('accepts a BOM and CRLF line ends', () => {
    const crlf = fixture('samrad-2026-06-09.txt').toString('utf8').replace(/\n/g, '\r\n');
    const r = importText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]), 'samrad.txt');
    expect(r).toEqual(importText(fixture('samrad-2026-06-09.txt'), 'samrad.txt'));
  });
});

describe('bad input is refused with one clear Swedish line', () => {
  it('refuses empty and whitespace-only files', () => {
    rejects(Buffer.alloc(0), 'empty_file', /^Filen är tom/);
    rejects(' \n\t\r\n\n', 'empty_file', /^Filen är tom/);
    rejects('\uFEFF\n', 'empty_file', /^Filen är tom/);
  });

  it('refuses binary files', () => {
    rejects(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'binary_file', /inte en textfil/);
    rejects(Buffer.from('text\x01\x02\x03\x04\x05\x06\x07\x08 mer', 'latin1'), 'binary_file', /inte en textfil/);
  });

  it('refuses text that is not UTF-8', () => {
    rejects(Buffer.from('Samråd på Näringsdepartementet\n\nÖverenskommelse', 'latin1'), 'not_utf8', /UTF-8/);
    rejects(Buffer.from('\uFEFFHej', 'utf16le'), 'not_utf8', /UTF-16/);
  });

  it('refuses old binary Word files by name', () => {
    expect(() => importText(Buffer.from('x'), 'gammal.doc')).toThrow(/\.docx/);
  });
});
