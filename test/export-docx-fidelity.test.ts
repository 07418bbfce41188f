import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import type { Block, MinutesDocument } from '../src/shared/document-model';
import {
  SEED_ORGANISATIONS,
  SEED_PARAGRAPHS,
  SEED_QUESTIONS,
  SEED_TITLE,
  runs,
  seedDocument,
  structuredDocument,
} from './support/sample-model';
import { useTmpDir } from './support/tmp';

/**
 * The DOCX as a file people keep working in: outline levels both Word and LibreOffice read, list
 * styles that carry their list, page fields with a result, document properties, a font per script.
 * Checked in the XML and through the real tools (LibreOffice, python-docx).
 */

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];

const tmp = useTmpDir();
const xml = (text: string): XmlElement => new DOMParser().parseFromString(text, 'text/xml').documentElement;
const all = (el: XmlElement, tag: string): XmlElement[] => [...el.getElementsByTagName(tag)];
const attr = (el: XmlElement | undefined, name = 'w:val'): string => el?.getAttribute(name) ?? '';
const child = (el: XmlElement | undefined, tag: string): XmlElement | undefined => (el ? all(el, tag)[0] : undefined);
// Debian's python3 carries python3-docx; a python3 earlier on PATH (pyenv) may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

async function parts(doc: MinutesDocument, options: { pageCount?: number } = {}): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(doc, options));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Converts with LibreOffice (its own profile in `dir`) and returns the path of the result. */
function libreOffice(dir: string, file: string, format: 'odt' | 'txt:Text'): string {
  const profile = join(dir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 110_000,
  });
  return file.replace(/\.docx$/, format === 'odt' ? '.odt' : '.txt');
}

const p = (marked: string): Block => ({ type: 'paragraph', runs: runs(marked) });
const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, runs: runs(text) });

/** The reference minutes with the template's section headings printed, on all three levels. */
function seedWithHeadings(): MinutesDocument {
  const base = seedDocument();
  const [p0, p1, p2, orgs, p3, p4, p5, questions, p6, ...rest] = base.blocks;
  const blocks = [
    h(1, 'Inledning'),
    p0,
    p1,
    h(1, 'Deltagande organisationer'),
    p2,
    orgs,
    h(1, 'Presentation'),
    p3,
    p4,
    h(1, 'Gruppdiskussioner'),
    p5,
    h(2, 'Frågeställningar'),
    questions,
    h(3, 'Tematiska grupper'),
    p6,
    ...rest,
  ].filter((b): b is Block => b !== undefined);
  return { ...base, blocks };
}

describe('DOCX fidelity: outline levels', () => {
  it('gives Heading 1–3 Word’s outline levels 0–2 and the Title level 0', async () => {
    const styles = xml((await parts(seedDocument()))['word/styles.xml'] ?? '');
    const level = (id: string): string => {
      const style = all(styles, 'w:style').find((s) => attr(s, 'w:styleId') === id);
      return attr(child(child(style, 'w:pPr'), 'w:outlineLvl'));
    };
    expect(['Title', 'Heading1', 'Heading2', 'Heading3'].map(level)).toEqual(['0', '0', '1', '2']);
    expect(level('Normal')).toBe('');
  });

  it('becomes text:h with outline levels when LibreOffice converts it to ODT', { timeout: 120_000 }, async () => {
    const dir = tmp();
    const file = join(dir, 'samrad.docx');
    writeFileSync(file, await writeDocx(seedWithHeadings()));
    const content = strFromU8(unzipSync(readFileSync(libreOffice(dir, file, 'odt')))['content.xml'] ?? new Uint8Array());
    const headings = all(xml(content), 'text:h').map((e) => [e.textContent, attr(e, 'text:outline-level')]);
    expect(headings).toEqual([
      [SEED_TITLE, '1'],
      ['Inledning', '1'],
      ['Deltagande organisationer', '1'],
      ['Presentation', '1'],
      ['Gruppdiskussioner', '1'],
      ['Frågeställningar', '2'],
      ['Tematiska grupper', '3'],
    ]);
    // Body text stays body text.
    expect(content).not.toMatch(/<text:h[^>]*>[^<]*Samrådet ägde rum/);
  });
});

describe('DOCX fidelity: list styles carry their list', () => {
  it('links List Bullet and List Number to numbering, both ways', async () => {
    const p = await parts(structuredDocument());
    const styles = xml(p['word/styles.xml'] ?? '');
    const numbering = xml(p['word/numbering.xml'] ?? '');
    for (const [id, format] of [
      ['ListBullet', 'bullet'],
      ['ListNumber', 'decimal'],
    ] as const) {
      const style = all(styles, 'w:style').find((s) => attr(s, 'w:styleId') === id);
      const numId = attr(child(child(style, 'w:numPr'), 'w:numId'));
      expect(numId, `${id} has w:numPr`).not.toBe('');
      const num = all(numbering, 'w:num').find((n) => attr(n, 'w:numId') === numId);
      const abstractId = attr(child(num, 'w:abstractNumId'));
      const abstract = all(numbering, 'w:abstractNum').find((a) => attr(a, 'w:abstractNumId') === abstractId);
      const level0 = abstract && all(abstract, 'w:lvl').find((l) => attr(l, 'w:ilvl') === '0');
      expect(attr(child(level0, 'w:numFmt'))).toBe(format);
      expect(attr(child(level0, 'w:pStyle')), `level 0 of ${id}'s list names the style`).toBe(id);
      // The style's own list is not one of the document's lists, so those keep starting at 1.
      expect(p['word/document.xml']).not.toContain(`<w:numId w:val="${numId}"/>`);
    }
  });

  it('gives a bullet to a paragraph python-docx styles List Bullet; LibreOffice shows it', { timeout: 120_000 }, async () => {
    const dir = tmp();
    const file = join(dir, 'promemoria.docx');
    writeFileSync(file, await writeDocx(structuredDocument()));
    const script = `
import docx, json, sys
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
added = [d.add_paragraph('Ny punkt', style='List Bullet'), d.add_paragraph('Nytt steg ett', style='List Number'),
         d.add_paragraph('Nytt steg två', style='List Number')]
d.save(sys.argv[1])
d = docx.Document(sys.argv[1])
numbering = d.part.numbering_part.element
out = {}
for p in d.paragraphs[-3:]:
    numPr = p.style.element.pPr.numPr
    num = [n for n in numbering.findall(qn('w:num')) if n.get(qn('w:numId')) == str(numPr.numId.val)][0]
    abstract_id = num.find(qn('w:abstractNumId')).get(qn('w:val'))
    abstract = [a for a in numbering.findall(qn('w:abstractNum')) if a.get(qn('w:abstractNumId')) == abstract_id][0]
    lvl = [l for l in abstract.findall(qn('w:lvl')) if l.get(qn('w:ilvl')) == '0'][0]
    out[p.text] = {'style': p.style.name, 'direct': p._p.pPr.numPr is not None, 'format': lvl.find(qn('w:numFmt')).get(qn('w:val'))}
print(json.dumps(out))
`;
    const resolved = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<
      string,
      { style: string; direct: boolean; format: string }
    >;
    expect(resolved['Ny punkt']).toEqual({ style: 'List Bullet', direct: false, format: 'bullet' });
    expect(resolved['Nytt steg ett']).toEqual({ style: 'List Number', direct: false, format: 'decimal' });

    const text = readFileSync(libreOffice(dir, file, 'txt:Text'), 'utf8');
    expect(text).toMatch(/^\s*• Ny punkt$/m);
    expect(text).toMatch(/^\s*1\. Nytt steg ett$/m);
    expect(text).toMatch(/^\s*2\. Nytt steg två$/m);
    // The lists the writer made still restart at 1 each.
    expect(text).toMatch(/^\s*3\. Beslut i regeringen$/m);
    expect(text).toMatch(/^\s*1\. Våren: ramar$/m);
    expect(text).toMatch(/^\s*1\. Budgetpropositionen$/m);
  });
});

describe('DOCX fidelity: page fields and document properties', () => {
  const pageText = (header: string): string => {
    const cells = all(xml(header), 'w:tc');
    return all(cells[cells.length - 1] ?? xml('<x/>'), 'w:t')
      .map((t) => t.textContent)
      .join('');
  };

  it('writes a result into PAGE and NUMPAGES: an estimate, or the count it is given', async () => {
    const seed = await parts(seedDocument());
    expect(pageText(seed['word/header1.xml'] ?? '')).toBe('1 (2)');
    expect(seed['docProps/app.xml']).toContain('<Pages>2</Pages>');
    const longer = seedDocument();
    longer.blocks = [...longer.blocks, ...longer.blocks, ...longer.blocks];
    expect(pageText((await parts(longer))['word/header1.xml'] ?? '')).toBe('1 (6)');
    expect(pageText((await parts(structuredDocument()))['word/header1.xml'] ?? '')).toBe('1 (1)');
    const given = await parts(seedDocument(), { pageCount: 7 });
    expect(pageText(given['word/header1.xml'] ?? '')).toBe('1 (7)');
    expect(given['docProps/app.xml']).toContain('<Pages>7</Pages>');
  });

  it('names the program and the ministry in app.xml, the language and keywords in core.xml', async () => {
    const p = await parts(structuredDocument());
    const app = xml(p['docProps/app.xml'] ?? '');
    expect(child(app, 'Application')?.textContent).toBe('Minnes');
    expect(child(app, 'Company')?.textContent).toBe('Finansdepartementet');
    const core = xml(p['docProps/core.xml'] ?? '');
    expect(child(core, 'dc:language')?.textContent).toBe('sv-SE');
    expect(child(core, 'cp:keywords')?.textContent).toBe('budget, process');
    expect(child(core, 'dc:title')?.textContent).toBe('Promemoria om budgetprocessen hösten 2026');
    expect(child(xml((await parts(seedDocument()))['docProps/core.xml'] ?? ''), 'cp:keywords')).toBeUndefined();
  });

  it('escapes the properties and still gives the same bytes for the same model', async () => {
    const doc = structuredDocument();
    doc.header.department = 'Finans & <Budget> "dep"';
    doc.properties.created = '2026-11-12T09:30:00Z';
    const first = await writeDocx(doc);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a second later: no clock in the bytes
    expect(Buffer.from(await writeDocx(doc)).equals(Buffer.from(first))).toBe(true);
    const files = unzipSync(first);
    const app = strFromU8(files['docProps/app.xml'] ?? new Uint8Array());
    expect(child(xml(app), 'Company')?.textContent).toBe('Finans & <Budget> "dep"');
    expect(strFromU8(files['docProps/core.xml'] ?? new Uint8Array())).toContain('>2026-11-12T09:30:00Z</dcterms:created>');
  });
});

describe('DOCX fidelity: a font per script, right to left, breaks', () => {
  type RunInfo = { text: string; rtl: boolean; cs: string; eastAsia: string; ascii: string; bidi: string; langEastAsia: string };
  const runInfo = (r: XmlElement): RunInfo => {
    const rPr = child(r, 'w:rPr');
    const fonts = child(rPr, 'w:rFonts');
    const lang = child(rPr, 'w:lang');
    return {
      text: all(r, 'w:t')
        .map((t) => t.textContent)
        .join(''),
      rtl: !!child(rPr, 'w:rtl'),
      cs: attr(fonts, 'w:cs'),
      eastAsia: attr(fonts, 'w:eastAsia'),
      ascii: attr(fonts, 'w:ascii'),
      bidi: attr(lang, 'w:bidi'),
      langEastAsia: attr(lang, 'w:eastAsia'),
    };
  };
  const withParagraph = (...blocks: Block[]): MinutesDocument => ({ ...seedDocument(), blocks });

  it('names Noto Sans Arabic in w:cs with w:rtl, Noto Sans SC in w:eastAsia, and leaves Latin in Calibri', async () => {
    const doc = withParagraph(p('Deltagare: محمد عبد الله، יעל כהן, **王小明** och Kari'));
    const body = xml((await parts(doc))['word/document.xml'] ?? '');
    const paragraph = all(body, 'w:p').find((e) => e.textContent.startsWith('Deltagare'));
    const found = (paragraph ? all(paragraph, 'w:r') : []).map(runInfo);
    const run = (text: string): RunInfo | undefined => found.find((r) => r.text === text);
    expect(run('محمد عبد الله')).toMatchObject({ rtl: true, cs: 'Noto Sans Arabic', bidi: 'ar-SA', ascii: '' });
    expect(run('יעל כהן')).toMatchObject({ rtl: true, cs: 'Noto Sans Hebrew', bidi: 'he-IL' });
    expect(run('王小明')).toMatchObject({ rtl: false, eastAsia: 'Noto Sans SC', langEastAsia: 'zh-CN' });
    // Swedish punctuation after a name is laid out left to right, in the sentence's order.
    expect(run(', ')).toMatchObject({ rtl: false });
    expect(run('Deltagare: ')).toEqual({ text: 'Deltagare: ', rtl: false, cs: '', eastAsia: '', ascii: '', bidi: '', langEastAsia: '' });
    expect(found.map((r) => r.text).join('')).toBe('Deltagare: محمد عبد الله، יעל כהן, 王小明 och Kari');
    const bold = all(body, 'w:r').find((r) => runInfo(r).text === '王小明');
    expect(bold && child(child(bold, 'w:rPr'), 'w:b')).toBeDefined();
  });

  it('writes a break run and a newline inside text as w:br, and copes with empty blocks', async () => {
    const doc = withParagraph(
      {
        type: 'paragraph',
        runs: [{ type: 'text', text: 'Första raden\nandra raden' }, { type: 'break' }, { type: 'text', text: 'tredje' }],
      },
      { type: 'list', ordered: false, items: [] },
      {
        type: 'list',
        ordered: true,
        items: [{ runs: [], children: [{ type: 'list', ordered: false, items: [{ runs: runs('Under'), children: [] }] }] }],
      },
      { type: 'heading', level: 2, runs: [] },
      p('Slut'),
    );
    const document = (await parts(doc))['word/document.xml'] ?? '';
    const paragraph = all(xml(document), 'w:p').find((e) => e.textContent.startsWith('Första'));
    expect(paragraph && all(paragraph, 'w:br')).toHaveLength(2);
    expect(paragraph?.textContent).toBe('Första radenandra radentredje');
    expect(document).toContain('Under');
    expect(document).toContain('Slut');
  });
});

// Keeps the seed constants in view: the headings model above must still hold the reference text.
describe('DOCX fidelity: the headings model is the reference text', () => {
  it('has every reference paragraph and list item', async () => {
    const text = all(xml((await parts(seedWithHeadings()))['word/document.xml'] ?? ''), 'w:p').map((e) => e.textContent);
    for (const line of [SEED_PARAGRAPHS[0].replace(/\*/g, ''), ...SEED_ORGANISATIONS, ...SEED_QUESTIONS]) expect(text).toContain(line);
  });
});
