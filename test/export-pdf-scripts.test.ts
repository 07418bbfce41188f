import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFaceLoaded } from '../src/main/core/export/fonts';
import { renderPdf } from '../src/main/core/export/pdf-writer';
import { importFile } from '../src/main/core/import';
import { buildMinutes } from '../src/main/core/model/build-minutes';
import { CONTENT_FORMAT, CONTENT_VERSION } from '../src/shared/content';
import type { MinutesDocument, Run } from '../src/shared/document-model';
import { MetadataSchema } from '../src/shared/metadata';
import { seedDocument } from './support/sample-model';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
// poppler wraps right-to-left runs in embedding controls (U+202B … U+202C); they are layout, not text.
const extracted = (file: string): string => run('pdftotext', file, '-').replace(/[\u202A-\u202E]/g, '');

const NAMES = [
  'محمد الأحمد', // Arabic
  'زهرا حسینی', // Persian
  'שרה לוי', // Hebrew
  'Cabdullaahi Maxamed Xasan', // Somali (Latin)
  'ሰላማዊት ገብረሚካኤል', // Tigrinya (Ethiopic)
  '王小明',
  '李娜', // Chinese
  'Александр Петров', // Russian
  'Αλέξανδρος Παπαδόπουλος', // Greek
  'प्रिया शर्मा', // Hindi
  '☕',
  '🎉',
];

async function fixtureModel(): Promise<MinutesDocument> {
  const file = join(__dirname, 'fixtures', 'flersprakiga-namn.md');
  const imported = await importFile(readFileSync(file), 'flersprakiga-namn.md');
  const metadata = MetadataSchema.parse(imported.metadata);
  return buildMinutes(metadata, { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: imported.sections }, null).model;
}

async function write(doc: MinutesDocument, pdfa = false): Promise<{ file: string; undrawable: string[] }> {
  const { bytes, undrawable } = await renderPdf(doc, { pdfa });
  const file = join(tmp(), pdfa ? 'minnes-a.pdf' : 'minnes.pdf');
  writeFileSync(file, bytes);
  return { file, undrawable };
}

const paragraph = (text: string): MinutesDocument['blocks'][number] => ({ type: 'paragraph', runs: [{ type: 'text', text }] });
const withBlocks = (blocks: MinutesDocument['blocks']): MinutesDocument => ({ ...seedDocument(), blocks });

describe('PDF: every script the text uses', () => {
  it('parses only the faces a document needs: Swedish minutes never load the Arabic or CJK files', async () => {
    await write(seedDocument());
    expect(isFaceLoaded('latin-regular')).toBe(true);
    expect(isFaceLoaded('arabic-regular')).toBe(false);
    expect(isFaceLoaded('cjk-regular')).toBe(false);
    const fonts = run('pdffonts', (await write(seedDocument())).file);
    expect(fonts).not.toMatch(/Arabic|SC-|Emoji/);
  });

  it.each([false, true])('gives back every name in logical order, with embedded fonts only (PDF/A: %s)', async (pdfa) => {
    const { file, undrawable } = await write(await fixtureModel(), pdfa);
    expect(undrawable).toEqual([]);
    const text = extracted(file);
    for (const name of NAMES) expect(text, name).toContain(name);
    expect(text).not.toContain('\uFFFD');
    const fonts = run('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(7);
    for (const line of fonts) expect(line, line).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
    for (const family of ['NotoSansArabic', 'NotoSansHebrew', 'NotoSansEthiopic', 'NotoSansSC', 'NotoSansDevanagari', 'NotoEmoji'])
      expect(fonts.join('\n')).toContain(family);
    if (pdfa) expect(run('pdfinfo', '-meta', file)).toContain('<pdfaid:part>2</pdfaid:part>');
  });

  it('tags right-to-left names as /Span with /Lang and their logical text as /ActualText', async () => {
    const { file } = await write(await fixtureModel());
    const qdf = `${file}.qdf`;
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const raw = readFileSync(qdf, 'latin1');
    expect(raw).toMatch(/\/Lang \(ar\)/);
    expect(raw).toMatch(/\/Lang \(he\)/);
    const utf16 = (s: string) => Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('hex');
    expect(raw.toLowerCase()).toContain(`/actualtext <${utf16('محمد الأحمد')}>`);
  });

  it('reports what no face can draw, keeps it as /ActualText and never draws .notdef', async () => {
    const { file, undrawable } = await write(withBlocks([paragraph('Thai สวัสดี och privat \uE000 tecken.')]), true);
    expect(undrawable).toEqual(expect.arrayContaining(['\uE000']));
    expect(undrawable.some((c) => /\p{Script=Thai}/u.test(c))).toBe(true);
    // pdftotext reads the /ActualText of the boxes drawn in their place (poppler files it as a block of its own).
    const text = extracted(file);
    expect(text).toContain('สวัสดี');
    expect(text).toContain('\uE000');
    const tree = run('pdfinfo', '-struct-text', file);
    expect(tree).toMatch(/Span \(inline\)/);
    const qdf = `${file}.qdf`;
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    // Glyph 0 is .notdef in every TrueType font: no text-showing operator may use it.
    expect(readFileSync(qdf, 'latin1')).not.toMatch(/<(?:[0-9a-f]{4})*0000(?:[0-9a-f]{4})*> ?[0-9.-]*\]? ?TJ/i);
  });

  it('survives hostile text: long runs of one script, mixed direction, marks, joiners, surrogates, a 5,000-character word', async () => {
    const runs = (text: string): Run[] => [{ type: 'text', text }];
    const doc = withBlocks([
      { type: 'paragraph', runs: runs('ب'.repeat(10_000)) },
      { type: 'paragraph', runs: runs('Mötet leddes av محمد الأحمد den 9 juni 2026, rum 12.') },
      { type: 'paragraph', runs: runs('e\u0301\u0302 a\u0308 👩🏽‍💻 👨‍👩‍👧 \u200D\u200C halvt \uD83D par') },
      { type: 'paragraph', runs: runs('x'.repeat(5000)) },
      { type: 'paragraph', runs: runs('中'.repeat(3000)) },
    ]);
    const { file, undrawable } = await write(doc);
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))?.[1])).toBeGreaterThan(1);
    const text = extracted(file).replace(/\s+/g, '');
    // The long word spans pages, so the next page's letterhead comes between its pieces.
    expect(text.match(/x/g)?.length).toBe(5000);
    expect(text).toContain('محمدالأحمد');
    expect(text).toContain('👩🏽‍💻');
    expect(text).not.toContain('\uFFFD');
    expect(undrawable).toEqual([]);
  });
});

describe('PDF: accessible structure', () => {
  it('tag text reads as the same words as the page text (a space at every soft line break)', async () => {
    const { file } = await write(seedDocument());
    const words = (s: string) =>
      new Set(s.split(/[\s"]+/).filter((w) => w && !/^(Document|H\d|P|L|LI|Lbl|LBody|Span|\(block\)|\(inline\))$/.test(w)));
    const page = words(run('pdftotext', file, '-'));
    const tags = words(run('pdfinfo', '-struct-text', file));
    // The letterhead is an artifact, so it is on the page and not in the tags.
    const letterhead = words(
      'Arbetsmarknadsdepartementet Enheten för integration och arbetet mot utanförskap Minnesanteckningar 2026-06-09 1 (3) 2 (3) 3 (3)',
    );
    const missing = [...page].filter((w) => !tags.has(w) && !letterhead.has(w));
    const glued = [...tags].filter((w) => !page.has(w));
    expect(missing).toEqual([]);
    expect(glued).toEqual([]);
  });

  it('numbers headings from the title without gaps when the first heading is ##, and bookmarks them', async () => {
    const h = (level: 1 | 2 | 3, text: string) => ({ type: 'heading' as const, level, runs: [{ type: 'text' as const, text }] });
    const doc = withBlocks([
      h(2, 'Bakgrund'),
      paragraph('Text.'),
      h(3, 'Detaljer'),
      paragraph('Mer.'),
      h(2, 'Avslutning'),
      paragraph('Slut.'),
    ]);
    const { file } = await write(doc);
    const tree = run('pdfinfo', '-struct-text', file);
    expect(tree).toMatch(/H2 \(block\)\n\s+"Bakgrund"/);
    expect(tree).toMatch(/H3 \(block\)\n\s+"Detaljer"/);
    expect(tree).not.toMatch(/H4/);
    expect(run('pdfinfo', '-meta', file)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(run('pdfinfo', '-meta', file)).toMatch(/<dc:language>[\s\S]*sv-SE[\s\S]*<\/dc:language>/);
    const outline = JSON.stringify(JSON.parse(run('qpdf', '--json', '--json-key=outlines', file)));
    for (const title of ['Bakgrund', 'Detaljer', 'Avslutning', 'Minnesanteckningar från samråd']) expect(outline).toContain(title);
  });

  it('numbers an ordered list from its own start, as the editor shows it (a list pasted from Word at 3)', async () => {
    const imported = await importFile(Buffer.from('Punkter:\n\n3. tredje\n4. fjärde\n'), 'lista.md');
    const { model } = buildMinutes(
      MetadataSchema.parse({}),
      { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: imported.sections },
      null,
    );
    expect(model.blocks[1]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    const text = run('pdftotext', '-layout', (await write(model)).file, '-');
    expect(text).toMatch(/3\.\s+tredje/);
    expect(text).toMatch(/4\.\s+fjärde/);
  });

  it('prints no empty bullet or blank paragraph a template leaves behind', async () => {
    const doc = withBlocks([
      paragraph('Följande organisationer deltog:'),
      {
        type: 'list',
        ordered: false,
        items: [
          { runs: [{ type: 'text', text: 'Skoopi' }], children: [] },
          { runs: [], children: [] },
          { runs: [{ type: 'text', text: '  ' }], children: [] },
        ],
      },
      { type: 'list', ordered: false, items: [{ runs: [], children: [] }] },
      { type: 'paragraph', runs: [] },
    ]);
    const { file } = await write(doc);
    const text = run('pdftotext', file, '-');
    expect(text.match(/•/g)?.length).toBe(1);
    expect(run('pdfinfo', '-struct-text', file).match(/LI \(block\)/g)?.length).toBe(1);
  });
});
