import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { saveDocument, setTrashed } from '../src/main/core/document-store';
import { importIntoStore } from '../src/main/core/import-document';
import { createFromTemplate } from '../src/main/core/new-document';
import { saveSeries } from '../src/main/core/series-repo';
import { openStore } from '../src/main/core/store';
import { collectTakeaways, takeawaysDocument, takeawaysDocx } from '../src/main/core/takeaways';
import { TakeawayGroupSchema } from '../src/shared/series';
import { SEED_TAKEAWAYS, plain } from './support/sample-model';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SECTIONS_MD = readFileSync(join(__dirname, 'fixtures', 'samrad-sections.md'), 'utf8');
const SEED_TXT = readFileSync(join(__dirname, 'fixtures', 'samrad-2026-06-09.txt'));
const SERIES = 'Samråd integration 2026';
const KEY_PHRASES = SEED_TAKEAWAYS.map((t) => /\*\*([^*]+)\*\*/.exec(t)?.[1] ?? '');

// Without the front matter's title the title follows the template, and so the date.
const onDate = (date: string, md = SECTIONS_MD) =>
  Buffer.from(md.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*\n/m, ''), 'utf8');

function setDate(db: ReturnType<typeof openStore>, id: string, date: string): void {
  const row = db.prepare('SELECT metadata FROM documents WHERE id = ?').get(id) as { metadata: string };
  saveDocument(db, id, { metadata: { ...JSON.parse(row.metadata), date } });
}

/**
 * A year of the cycle: the seed in October and (imported second) in June, a free-form import of the
 * plain-text seed in March, a fresh template draft with no takeaways yet, plus noise that must stay out.
 */
async function cycle() {
  const db = openStore(join(tmp(), 'm.sqlite'));
  const add = async (data: Buffer, name: string, series = SERIES) => (await importIntoStore(db, data, name, { series })).id;
  const october = await add(onDate('2026-10-14'), 'oktober.md');
  const june = await add(Buffer.from(SECTIONS_MD, 'utf8'), 'juni.md');
  const march = await add(SEED_TXT, 'mars.txt');
  setDate(db, march, '2026-03-10');
  const empty = createFromTemplate(db, 'samrad', {
    date: '2026-12-01',
    series: SERIES,
    department: 'Arbetsmarknadsdepartementet',
    unit: 'Enheten för integration och arbetet mot utanförskap',
  }).id;
  const trashed = await add(onDate('2026-11-11'), 'slangd.md');
  setTrashed(db, trashed, true);
  await add(onDate('2026-09-01'), 'annan.md', 'En annan serie');
  const lastYear = await add(onDate('2025-11-04'), 'fjol.md');
  return { db, october, june, march, empty, trashed, lastYear };
}

describe('collectTakeaways', () => {
  it('gives the 14 takeaways of the seed, with their key phrases, runs and text', async () => {
    const { db, june } = await cycle();
    const group = collectTakeaways(db, SERIES).find((g) => g.documentId === june);
    expect(group).toBeDefined();
    expect(TakeawayGroupSchema.parse(group)).toEqual(group);
    expect(group?.items).toHaveLength(14);
    expect(group?.items.map((i) => i.keyPhrase)).toEqual(KEY_PHRASES);
    expect(KEY_PHRASES.slice(0, 2)).toEqual(['Långsiktighet', 'löpande insatser']);
    expect(KEY_PHRASES.at(-1)).toBe('Många goda exempel');
    expect(group?.items.map((i) => i.text)).toEqual(SEED_TAKEAWAYS.map(plain));
    // "möta lokala politiker" and "lyssnade på": both bold, the rest plain.
    expect(group?.items[8]?.runs.filter((r) => r.type === 'text' && r.bold).map((r) => (r.type === 'text' ? r.text : ''))).toEqual([
      'möta lokala politiker',
      'lyssnade på',
    ]);
  });

  it('groups by meeting in date order, without trashed minutes or other series', async () => {
    const { db, october, june, march, empty, lastYear } = await cycle();
    const groups = collectTakeaways(db, SERIES);
    expect(groups.map((g) => [g.documentId, g.date, g.status, g.items.length])).toEqual([
      [lastYear, '2025-11-04', 'utkast', 14],
      [march, '2026-03-10', 'utkast', 14],
      [june, '2026-06-09', 'utkast', 14],
      [october, '2026-10-14', 'utkast', 14],
      [empty, '2026-12-01', 'utkast', 0],
    ]);
    expect(groups[3]?.title).toBe(
      'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 14 oktober 2026',
    );
    expect(collectTakeaways(db, SERIES, { year: 2026 }).map((g) => g.date)).toEqual([
      '2026-03-10',
      '2026-06-09',
      '2026-10-14',
      '2026-12-01',
    ]);
    expect(collectTakeaways(db, 'Finns inte')).toEqual([]);
  });

  it('finds the list after "lyfte" in a free-form document, and nothing when there is none', async () => {
    const { db, march } = await cycle();
    const sections = db.prepare(`SELECT json_extract(content, '$.sections[0].key') AS k FROM documents WHERE id = ?`).get(march);
    expect(sections).toEqual({ k: 'innehall' });
    const group = collectTakeaways(db, SERIES).find((g) => g.documentId === march);
    expect(group?.items.map((i) => i.keyPhrase)).toEqual(KEY_PHRASES);

    const plainText = 'Mötet diskuterade läget.\n\n- En punkt utan inledning\n- En till\n';
    await importIntoStore(db, Buffer.from(`---\ndate: 2026-05-05\n---\n\n${plainText}`), 'fri.md', { series: 'Fria' });
    expect(collectTakeaways(db, 'Fria').map((g) => g.items)).toEqual([[]]);
  });

  it('fills variables from the meeting metadata', async () => {
    const { db } = await cycle();
    const md = SECTIONS_MD.replace('- Det behövs **löpande insatser**', '- Inför mötet {{datum}} behövs **löpande insatser**');
    const id = (await importIntoStore(db, onDate('2026-02-02', md), 'variabel.md', { series: 'Variabler' })).id;
    const [group] = collectTakeaways(db, 'Variabler');
    expect(group?.documentId).toBe(id);
    expect(group?.items[1]?.text).toBe(
      'Inför mötet den 2 februari 2026 behövs löpande insatser under året och inte bara en kort tid innan valen.',
    );
    expect(group?.items[1]?.keyPhrase).toBe('löpande insatser');
  });
});

describe('takeawaysDocument', () => {
  it('builds the overview: header, title, intro, a heading and list per meeting, a note where nothing was noted', async () => {
    const { db } = await cycle();
    const groups = collectTakeaways(db, SERIES, { year: 2026 });
    const doc = takeawaysDocument(
      groups,
      { name: SERIES, year: 2026, partners: ['Regeringskansliet', 'det civila samhället', 'SKR'] },
      { department: 'Arbetsmarknadsdepartementet', unit: 'Enheten', today: '2026-12-15' },
    );
    expect(doc.header).toEqual({
      department: 'Arbetsmarknadsdepartementet',
      unit: 'Enheten',
      documentType: 'Sammanställning',
      date: '2026-12-15',
      dnr: '',
    });
    expect(doc.title).toBe(`Medskick från civilsamhället 2026 – ${SERIES}`);
    expect(doc.blocks[0]).toMatchObject({ type: 'paragraph' });
    const intro = doc.blocks[0]?.type === 'paragraph' ? doc.blocks[0].runs : [];
    expect(intro[0]).toMatchObject({ text: expect.stringContaining('från 4 samråd i serien') as unknown });
    expect(intro[0]).toMatchObject({ text: expect.stringContaining('mellan Regeringskansliet, det civila samhället och SKR.') as unknown });
    expect(doc.blocks.slice(1).map((b) => b.type)).toEqual([
      'heading',
      'list',
      'heading',
      'list',
      'heading',
      'list',
      'heading',
      'paragraph',
    ]);
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => (b.runs[0]?.type === 'text' ? b.runs[0].text : ''))).toEqual([
      'Samråd den 10 mars 2026',
      'Samråd den 9 juni 2026',
      'Samråd den 14 oktober 2026',
      'Samråd den 1 december 2026',
    ]);
    expect(doc.blocks.at(-1)).toEqual({ type: 'paragraph', runs: [{ type: 'text', text: 'Inga medskick antecknade.' }] });
    const list = doc.blocks[2];
    expect(list?.type === 'list' && list.items[0]?.runs[0]).toEqual({ type: 'text', text: 'Långsiktighet', bold: true });
  });
});

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];
const all = (el: XmlElement, tag: string): XmlElement[] => [...el.getElementsByTagName(tag)];

describe('takeawaysDocx', () => {
  it('writes a DOCX with a heading per meeting and the key phrases in bold, that python-docx opens', { timeout: 60_000 }, async () => {
    const { db } = await cycle();
    saveSeries(db, { name: SERIES, year: 2026, partners: ['Regeringskansliet', 'SKR'] });
    const bytes = await takeawaysDocx(db, SERIES, '2026-12-15', { year: 2026 });
    const files = unzipSync(bytes);
    const part = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const body = new DOMParser().parseFromString(part('word/document.xml'), 'text/xml').documentElement;
    const paras = all(body, 'w:p').map((p) => ({
      style: all(p, 'w:pStyle')[0]?.getAttribute('w:val') ?? '',
      text: all(p, 'w:t')
        .map((t) => t.textContent)
        .join(''),
      bold: all(p, 'w:r')
        .filter((r) => all(r, 'w:b').some((b) => b.getAttribute('w:val') !== 'false'))
        .map((r) =>
          all(r, 'w:t')
            .map((t) => t.textContent)
            .join(''),
        ),
    }));
    expect(paras.find((p) => p.style === 'Title')?.text).toBe(`Medskick från civilsamhället 2026 – ${SERIES}`);
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Samråd den 10 mars 2026',
      'Samråd den 9 juni 2026',
      'Samråd den 14 oktober 2026',
      'Samråd den 1 december 2026',
    ]);
    const boldInLists = paras.filter((p) => p.style !== 'Heading1' && p.style !== 'Title').flatMap((p) => p.bold);
    for (const phrase of KEY_PHRASES) expect(boldInLists.filter((b) => b === phrase)).toHaveLength(3);
    expect(paras.map((p) => p.text)).toContain('Inga medskick antecknade.');
    const headers = Object.keys(files)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map(part)
      .join('');
    expect(headers).toContain('Arbetsmarknadsdepartementet');
    expect(headers).toContain('Sammanställning');
    expect(headers).toContain('2026-12-15');

    const file = join(tmp(), 'medskick.docx');
    writeFileSync(file, bytes);
    const script = 'import docx,sys; d=docx.Document(sys.argv[1]); print("\\n".join(p.style.name + "|" + p.text for p in d.paragraphs))';
    // Debian's python3 carries python3-docx; the pyenv python3 on PATH may not.
    const lines = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).split('\n');
    expect(lines.filter((l) => l.startsWith('Heading 1|'))).toHaveLength(4);
    expect(lines.filter((l) => l.endsWith(`|${plain(SEED_TAKEAWAYS[0] ?? '')}`))).toHaveLength(3);
  });

  it('is the same bytes for the same day', async () => {
    const { db } = await cycle();
    const a = await takeawaysDocx(db, SERIES, '2026-12-15');
    const b = await takeawaysDocx(db, SERIES, '2026-12-15');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
