import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { cleanRuns, cleanText } from '../src/main/core/export/sanitize';
import {
  SEED_BOLD,
  SEED_ITALIC,
  SEED_ORGANISATIONS,
  SEED_PARAGRAPHS,
  SEED_QUESTIONS,
  SEED_TAKEAWAYS,
  SEED_TITLE,
  hostileDocument,
  plain,
  seedDocument,
  structuredDocument,
} from './support/sample-model';
import { useTmpDir } from './support/tmp';

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];
type Para = { style: string; text: string; numId: string; ilvl: string; runs: { text: string; bold: boolean; italic: boolean }[] };

const tmp = useTmpDir();

async function parts(doc = seedDocument()): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(doc));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function xml(text: string): XmlElement {
  return new DOMParser().parseFromString(text, 'text/xml').documentElement;
}

const all = (el: XmlElement, tag: string): XmlElement[] => [...el.getElementsByTagName(tag)];
const attr = (el: XmlElement | undefined, name = 'w:val'): string => el?.getAttribute(name) ?? '';
const on = (rPr: XmlElement | undefined, tag: string): boolean => !!rPr && all(rPr, tag).some((e) => attr(e) !== 'false');

function paragraphs(documentXml: string): Para[] {
  return all(xml(documentXml), 'w:p').map((p) => {
    const runs = all(p, 'w:r').map((r) => {
      const rPr = all(r, 'w:rPr')[0];
      return {
        text: all(r, 'w:t')
          .map((t) => t.textContent)
          .join(''),
        bold: on(rPr, 'w:b'),
        italic: on(rPr, 'w:i'),
      };
    });
    return {
      style: attr(all(p, 'w:pStyle')[0]),
      text: runs.map((r) => r.text).join(''),
      numId: attr(all(p, 'w:numId')[0]),
      ilvl: attr(all(p, 'w:ilvl')[0]),
      runs,
    };
  });
}

describe('text cleaning shared by the writers', () => {
  it('drops what XML forbids and turns newlines into breaks', () => {
    expect(cleanText('a\u0000b\u001Fc\uFFFE\uD800d\uDC00e 😀\tf')).toBe('abcde 😀\tf');
    expect(
      cleanRuns([
        { type: 'text', text: 'ett\r\ntvå\t', bold: true },
        { type: 'text', text: 'tre', bold: true },
      ]),
    ).toEqual([
      { type: 'text', text: 'ett', bold: true, italic: false },
      { type: 'break' },
      { type: 'text', text: 'två tre', bold: true, italic: false },
    ]);
  });
});

describe('DOCX writer: the reference minutes', () => {
  it('holds every paragraph of the reference text, in order, after a Title paragraph', async () => {
    const paras = paragraphs((await parts())['word/document.xml'] ?? '').filter((p) => p.text);
    const P = SEED_PARAGRAPHS.map(plain);
    const expected = [
      SEED_TITLE,
      ...P.slice(0, 3),
      ...SEED_ORGANISATIONS,
      ...P.slice(3, 6),
      ...SEED_QUESTIONS,
      ...P.slice(6, 8),
      ...SEED_TAKEAWAYS.map(plain),
      ...P.slice(8),
    ];
    expect(paras.map((p) => p.text)).toEqual(expected);
    expect(paras[0]?.style).toBe('Title');
  });

  it('sets exactly the bold phrases in bold runs and the presentation titles in italic runs', async () => {
    const runs = paragraphs((await parts())['word/document.xml'] ?? '').flatMap((p) => p.runs);
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(SEED_BOLD);
    expect(runs.filter((r) => r.italic).map((r) => r.text)).toEqual(SEED_ITALIC);
    expect(SEED_ITALIC).toContain('Insatser för ökat valdeltagande i bostadsområden med socioekonomiska utmaningar');
  });

  it('makes the 8 organisations, 3 questions and 14 takeaways real bulleted list paragraphs', async () => {
    const p = await parts();
    const items = paragraphs(p['word/document.xml'] ?? '').filter((x) => x.numId);
    expect(items).toHaveLength(8 + 3 + 14);
    expect(new Set(items.map((x) => x.style))).toEqual(new Set(['ListBullet']));
    const numbering = xml(p['word/numbering.xml'] ?? '');
    const formats = all(numbering, 'w:numFmt').map((f) => attr(f));
    expect(formats).toContain('bullet');
  });

  it('puts department, unit, date and page "N (M)" fields in the header of every page', async () => {
    const p = await parts();
    const header = p['word/header1.xml'] ?? '';
    const runs = paragraphs(header).flatMap((x) => x.runs);
    expect(runs.find((r) => r.text === 'Arbetsmarknadsdepartementet')?.bold).toBe(true);
    expect(header).toContain('Enheten för integration och arbetet mot utanförskap');
    expect(header).toContain('Minnesanteckningar');
    expect(header).toContain('2026-06-09');
    expect(header).not.toContain('Dnr');
    const fields = all(xml(header), 'w:fldSimple').map((f) => attr(f, 'w:instr').trim());
    expect(fields).toEqual(['PAGE', 'NUMPAGES']);
    expect(header).toMatch(/PAGE[\s\S]*\(<\/w:t>[\s\S]*NUMPAGES[\s\S]*\)<\/w:t>/);
    expect(p['word/document.xml']).toMatch(/<w:headerReference [^>]*w:type="default"/);
  });

  it('writes Word styles, Swedish language, A4 with the house margins and the document properties', async () => {
    const p = await parts();
    const styles = p['word/styles.xml'] ?? '';
    for (const id of ['Normal', 'Title', 'Heading1', 'Heading2', 'Heading3', 'ListBullet', 'ListNumber']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Calibri"[\s\S]*<w:sz w:val="22"\/>[\s\S]*<w:lang w:val="sv-SE"\/>/);
    const doc = p['word/document.xml'] ?? '';
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    const core = p['docProps/core.xml'] ?? '';
    expect(core).toContain(`<dc:title>${SEED_TITLE}</dc:title>`);
    expect(core).toContain('<dc:creator>Enheten för integration och arbetet mot utanförskap</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Enheten för integration och arbetet mot utanförskap</cp:lastModifiedBy>');
    expect(core).toContain('<dc:subject>Samråd med civilsamhället inom integrationsområdet</dc:subject>');
  });
});

describe('DOCX writer: headings, numbered and nested lists', () => {
  it('uses Heading 1–3 styles, restarts each numbered list at 1 and indents nested items', async () => {
    const p = await parts(structuredDocument());
    const paras = paragraphs(p['word/document.xml'] ?? '');
    const style = (text: string): string => paras.find((x) => x.text === text)?.style ?? '';
    expect([style('Bakgrund'), style('Steg i processen'), style('Tidplan')]).toEqual(['Heading1', 'Heading2', 'Heading3']);
    const item = (text: string): Para => paras.find((x) => x.text === text) ?? ({} as Para);
    const first = item('Beredning i departementen');
    const second = item('Våren: ramar');
    expect(first.style).toBe('ListNumber');
    expect(item('Beslut i regeringen').numId).toBe(first.numId);
    // Two lists, two numbering instances: Word starts both at 1.
    expect(second.numId).not.toBe(first.numId);
    expect(item('Hösten: detaljer').numId).toBe(second.numId);
    const nestedBullet = item('Vårändringsbudget');
    const nestedNumber = item('Budgetpropositionen');
    expect([first.ilvl, second.ilvl, nestedBullet.ilvl, nestedNumber.ilvl]).toEqual(['0', '0', '1', '1']);
    expect(new Set([first.numId, second.numId, nestedBullet.numId, nestedNumber.numId]).size).toBe(4);

    const numbering = xml(p['word/numbering.xml'] ?? '');
    const num = (id: string): XmlElement | undefined => all(numbering, 'w:num').find((n) => attr(n, 'w:numId') === id);
    for (const id of [first.numId, second.numId, nestedNumber.numId]) {
      const starts = all(num(id) ?? numbering, 'w:startOverride').map((s) => attr(s));
      expect(starts[0], `numId ${id} restarts at 1`).toBe('1');
    }
    const abstract = (id: string): XmlElement | undefined => {
      const abstractId = attr(all(num(id) ?? numbering, 'w:abstractNumId')[0]);
      return all(numbering, 'w:abstractNum').find((a) => attr(a, 'w:abstractNumId') === abstractId);
    };
    const level = (id: string, ilvl: string): XmlElement | undefined =>
      all(abstract(id) ?? numbering, 'w:lvl').find((l) => attr(l, 'w:ilvl') === ilvl);
    expect(attr(all(level(first.numId, '0') ?? numbering, 'w:numFmt')[0])).toBe('decimal');
    expect(attr(all(level(first.numId, '0') ?? numbering, 'w:lvlText')[0])).toBe('%1.');
    expect(attr(all(level(nestedBullet.numId, '1') ?? numbering, 'w:numFmt')[0])).toBe('bullet');
    const indent = (id: string, ilvl: string): number => Number(attr(all(level(id, ilvl) ?? numbering, 'w:ind')[0], 'w:left'));
    expect(indent(nestedNumber.numId, '1')).toBeGreaterThan(indent(first.numId, '0'));
  });

  it('keeps line breaks, and the diarienummer in the header', async () => {
    const p = await parts(structuredDocument());
    expect(p['word/document.xml']).toMatch(/Första raden<\/w:t><\/w:r><w:r><w:br\/><\/w:r>/);
    expect(p['word/header1.xml']).toContain('Dnr Fi2026/04711');
  });
});

describe('DOCX writer: other programs open it', () => {
  function convertWithLibreOffice(dir: string, file: string): string {
    const profile = join(dir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'pipe',
      timeout: 110_000,
    });
    return execFileSync('pdftotext', [file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' });
  }

  it('converts to PDF in LibreOffice with all the text and the page numbers', { timeout: 120_000 }, async () => {
    const dir = tmp();
    const file = join(dir, 'samrad.docx');
    writeFileSync(file, await writeDocx(seedDocument()));
    const text = convertWithLibreOffice(dir, file).replace(/\s+/g, ' ');
    for (const line of [SEED_TITLE, ...SEED_PARAGRAPHS.map(plain), ...SEED_TAKEAWAYS.map(plain)]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/1 \((\d)\)[\s\S]*2 \(\1\)/);
  });

  it('survives hostile text: still well-formed XML that python-docx and LibreOffice open', { timeout: 120_000 }, async () => {
    const dir = tmp();
    const file = join(dir, 'hostile.docx');
    const bytes = await writeDocx(hostileDocument());
    writeFileSync(file, bytes);
    for (const [name, content] of Object.entries(unzipSync(bytes))) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const part = join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(part, content);
      execFileSync('xmllint', ['--noout', part], { stdio: 'pipe' }); // throws on malformed XML
    }
    const script = 'import docx,sys; d=docx.Document(sys.argv[1]); print("\\n".join(p.text for p in d.paragraphs))';
    // Debian's python3 carries python3-docx; a python3 earlier on PATH (pyenv) may not.
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const text = execFileSync(python, ['-c', script, file], { encoding: 'utf8' });
    expect(text).toContain('Kontroll tecken');
    expect(text).toContain('محمد عبد الله، יעל כהן');
    expect(text).toContain('Punkt 500');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/); // eslint-disable-line no-control-regex
    expect(convertWithLibreOffice(dir, file)).toContain('Punkt 500');
  });
});
