import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import type { Block, MinutesDocument } from '../src/shared/document-model';
import { runs, seedDocument, structuredDocument } from './support/sample-model';

/**
 * The parts of the DOCX that readers which do not lay it out rely on: page fields with a result,
 * the document properties, and a font, language and direction named for every script.
 */

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];

const xml = (text: string): XmlElement => new DOMParser().parseFromString(text, 'text/xml').documentElement;
const all = (el: XmlElement, tag: string): XmlElement[] => [...el.getElementsByTagName(tag)];
const attr = (el: XmlElement | undefined, name = 'w:val'): string => el?.getAttribute(name) ?? '';
const child = (el: XmlElement | undefined, tag: string): XmlElement | undefined => (el ? all(el, tag)[0] : undefined);

async function parts(doc: MinutesDocument, options: { pageCount?: number } = {}): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(doc, options));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const p = (marked: string): Block => ({ type: 'paragraph', runs: runs(marked) });

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
