import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import type { Block, MinutesDocument } from '../src/shared/document-model';
import { SEED_TITLE, runs, seedDocument, structuredDocument } from './support/sample-model';
import { useTmpDir } from './support/tmp';

/**
 * The DOCX as a file people keep working in: outline levels both Word and LibreOffice read, and
 * list styles that carry their list. Checked in the XML and through the real tools (LibreOffice,
 * python-docx). The parts other readers rely on: export-docx-parts.test.ts.
 */

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];

const tmp = useTmpDir();
const xml = (text: string): XmlElement => new DOMParser().parseFromString(text, 'text/xml').documentElement;
const all = (el: XmlElement, tag: string): XmlElement[] => [...el.getElementsByTagName(tag)];
const attr = (el: XmlElement | undefined, name = 'w:val'): string => el?.getAttribute(name) ?? '';
const child = (el: XmlElement | undefined, tag: string): XmlElement | undefined => (el ? all(el, tag)[0] : undefined);
// Debian's python3 carries python3-docx; a python3 earlier on PATH (pyenv) may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

async function parts(doc: MinutesDocument): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(doc));
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
    const doc = structuredDocument();
    doc.blocks.push({ type: 'list', ordered: true, start: 3, items: [{ runs: runs('Tredje punkten'), children: [] }] });
    writeFileSync(file, await writeDocx(doc));
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
    expect(text).toMatch(/^\s*3\. Tredje punkten$/m);
  });

  it('starts an ordered list at its own start number, each such list on its own', async () => {
    const doc = structuredDocument();
    const from = (start: number, text: string): Block => ({
      type: 'list',
      ordered: true,
      start,
      items: [{ runs: runs(text), children: [] }],
    });
    doc.blocks.push(from(3, 'Tredje'), from(3, 'Tredje igen'), from(1, 'Första'));
    const p = await parts(doc);
    const numbering = xml(p['word/numbering.xml'] ?? '');
    const paras = all(xml(p['word/document.xml'] ?? ''), 'w:p');
    const start = (text: string): string[] => {
      const numId = attr(
        child(
          paras.find((e) => e.textContent === text),
          'w:numId',
        ),
      );
      const num = all(numbering, 'w:num').find((n) => attr(n, 'w:numId') === numId);
      return num ? all(num, 'w:startOverride').map((o) => attr(o)) : [];
    };
    expect(start('Tredje')[0]).toBe('3');
    expect(start('Tredje igen')[0]).toBe('3');
    expect(start('Första')[0]).toBe('1');
    expect(start('Beredning i departementen')[0]).toBe('1');
    expect(
      new Set(
        ['Tredje', 'Tredje igen', 'Första'].map((t) =>
          attr(
            child(
              paras.find((e) => e.textContent === t),
              'w:numId',
            ),
          ),
        ),
      ).size,
    ).toBe(3);
  });
});
