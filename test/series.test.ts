import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDocument, setTrashed } from '../src/main/core/document-store';
import { MinnesError } from '../src/main/core/errors';
import { importIntoStore } from '../src/main/core/import-document';
import { deleteSeries, getSeriesOverview, listSeries, saveSeries } from '../src/main/core/series-repo';
import { openStore } from '../src/main/core/store';
import { changeStatus } from '../src/main/core/workflow';
import { SeriesOverviewSchema, SeriesSchema } from '../src/shared/series';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = readFileSync(join(__dirname, 'fixtures', 'samrad-sections.md'), 'utf8');
const SERIES = 'Samråd integration 2026';

/** The seed minutes moved to another date (and theme), as the next meeting of the cycle would be. */
function minutesOn(date: string, theme?: string): Buffer {
  // Without the front matter's title the title follows the template, and so the date.
  let md = SEED.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*\n/m, '');
  if (theme) md = md.replace(/^theme: .*$/m, `theme: "${theme}"`);
  return Buffer.from(md, 'utf8');
}

function store() {
  const db = openStore(join(tmp(), 'm.sqlite'));
  const add = async (date: string, series = SERIES, theme?: string) =>
    (await importIntoStore(db, minutesOn(date, theme), 'samrad.md', { series })).id;
  return { db, add };
}

function refusal(fn: () => unknown): MinnesError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MinnesError) return e;
    throw e;
  }
  throw new Error('expected a MinnesError');
}

const PLAN = {
  name: `  ${SERIES} `,
  year: 2026,
  partners: ['Regeringskansliet', 'SKR'],
  planned: [
    { date: '2026-10-14', theme: 'Arbetsmarknad' },
    { date: '2026-03-10', theme: 'Språk' },
    { date: '2026-06-09', theme: 'Demokratisk integration' },
  ],
};

describe('series: save and list', () => {
  it('saves a series trimmed, with its planned meetings in date order', () => {
    const { db } = store();
    const saved = saveSeries(db, PLAN);
    expect(saved.name).toBe(SERIES);
    expect(saved.planned.map((p) => p.date)).toEqual(['2026-03-10', '2026-06-09', '2026-10-14']);
    expect(listSeries(db)).toEqual([{ ...saved, templateKey: null, saved: true, documentCount: 0 }]);
  });

  it('updates by name instead of adding a second series, keeping when it was created', () => {
    const { db } = store();
    saveSeries(db, PLAN);
    const created = db.prepare('SELECT created_at FROM series').get();
    saveSeries(db, { ...PLAN, partners: ['Regeringskansliet', 'SKR', 'Forum'], templateKey: 'samrad' });
    const list = listSeries(db);
    expect(list).toHaveLength(1);
    expect(list[0]?.partners).toEqual(['Regeringskansliet', 'SKR', 'Forum']);
    expect(list[0]?.templateKey).toBe('samrad');
    expect(db.prepare('SELECT created_at FROM series').get()).toEqual(created);
  });

  it('lists series that so far only appear on documents, with the year of their meetings', async () => {
    const { db, add } = store();
    saveSeries(db, PLAN);
    await add('2025-11-04', 'Samråd 2025');
    await add('2025-05-20', 'Samråd 2025');
    const trashed = await add('2024-05-20', 'Bara i papperskorgen');
    setTrashed(db, trashed, true);
    const list = listSeries(db);
    expect(list.map((s) => [s.name, s.year, s.saved, s.documentCount])).toEqual([
      [SERIES, 2026, true, 0],
      ['Samråd 2025', 2025, false, 2],
    ]);
    for (const s of list) expect(SeriesSchema.parse(s)).toMatchObject({ name: s.name, year: s.year });
  });

  it('refuses invalid series with a Swedish message naming the field', () => {
    const { db } = store();
    const cases: Array<[unknown, RegExp]> = [
      [{ ...PLAN, name: '   ' }, /\(name\): Ange seriens namn/],
      [{ ...PLAN, name: 'x'.repeat(201) }, /högst 200 tecken/],
      [{ ...PLAN, year: 1999 }, /\(year\): Året ska vara 2000–2100/],
      [{ ...PLAN, year: 2026.5 }, /\(year\)/],
      [{ ...PLAN, partners: ['SKR', ' '] }, /\(partners\.1\): En samverkanspart saknar namn/],
      [{ ...PLAN, planned: [{ date: '2026-02-30', theme: '' }] }, /\(planned\.0\.date\): Datumet finns inte/],
      [{ ...PLAN, planned: [{ date: '9 juni 2026', theme: '' }] }, /ÅÅÅÅ-MM-DD/],
      [{ ...PLAN, planned: [...PLAN.planned, { date: '2026-06-09', theme: 'Igen' }] }, /Två planerade möten har samma datum/],
      [{ ...PLAN, templateKey: 'Inte en nyckel!' }, /\(templateKey\)/],
    ];
    for (const [input, message] of cases) {
      const e = refusal(() => saveSeries(db, input));
      expect(e.code).toBe('bad_series');
      expect(e.message).toMatch(/^Serien kan inte sparas/);
      expect(e.message).toMatch(message);
    }
    expect(listSeries(db)).toEqual([]);
  });
});

describe('series: the timeline', () => {
  it('merges planned meetings with the documents of the series, by meeting date, with their statuses', async () => {
    const { db, add } = store();
    saveSeries(db, PLAN);
    const june = await add('2026-06-09');
    const october = await add('2026-10-14');
    const extra = await add('2026-08-20', SERIES, 'Extra möte om bostadsområden');
    const trashed = await add('2026-03-10');
    setTrashed(db, trashed, true);
    await add('2026-03-10', 'En annan serie');
    changeStatus(db, june, { status: 'granskning' });

    const overview = SeriesOverviewSchema.parse(getSeriesOverview(db, SERIES));
    expect(overview).toMatchObject({ name: SERIES, year: 2026, partners: ['Regeringskansliet', 'SKR'], saved: true, documentCount: 3 });
    expect(overview.meetings.map((m) => [m.date, m.theme, m.documentId, m.status])).toEqual([
      ['2026-03-10', 'Språk', null, null],
      ['2026-06-09', 'Demokratisk integration', june, 'granskning'],
      ['2026-08-20', 'Extra möte om bostadsområden', extra, 'utkast'],
      ['2026-10-14', 'Arbetsmarknad', october, 'utkast'],
    ]);
    expect(overview.meetings[1]?.title).toBe(
      'Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026',
    );
    expect(overview.meetings[0]?.title).toBeNull();
  });

  it('shows a series known only from documents, undated documents last', async () => {
    const { db, add } = store();
    const dated = await add('2026-06-09', 'Lösa möten');
    const undated = await add('2026-09-01', 'Lösa möten');
    const doc = db.prepare('SELECT metadata FROM documents WHERE id = ?').get(undated) as { metadata: string };
    saveDocument(db, undated, { metadata: { ...JSON.parse(doc.metadata), date: '' } });
    const overview = getSeriesOverview(db, 'Lösa möten');
    expect(overview.saved).toBe(false);
    expect(overview.year).toBe(2026);
    expect(overview.meetings.map((m) => [m.date, m.documentId])).toEqual([
      ['2026-06-09', dated],
      [null, undated],
    ]);
  });

  it('reports an unknown series', () => {
    const { db } = store();
    const e = refusal(() => getSeriesOverview(db, 'Finns inte'));
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('Det finns ingen serie som heter "Finns inte".');
  });
});

describe('series: delete', () => {
  it('refuses while documents use the series, and deletes once none do', async () => {
    const { db, add } = store();
    saveSeries(db, PLAN);
    const a = await add('2026-06-09');
    const b = await add('2026-10-14');
    const e = refusal(() => deleteSeries(db, SERIES));
    expect(e.code).toBe('series_in_use');
    expect(e.message).toBe(`Serien "${SERIES}" används av 2 dokument och kan inte tas bort. Byt serie på dokumenten först.`);
    expect(listSeries(db)).toHaveLength(1);

    // One moved to another series, one in the trash: neither keeps the series alive.
    const doc = db.prepare('SELECT metadata FROM documents WHERE id = ?').get(a) as { metadata: string };
    saveDocument(db, a, { metadata: { ...JSON.parse(doc.metadata), series: 'Samråd 2027' } });
    setTrashed(db, b, true);
    deleteSeries(db, SERIES);
    expect(listSeries(db).map((s) => s.name)).toEqual(['Samråd 2027']);
    expect(refusal(() => deleteSeries(db, SERIES)).code).toBe('not_found');
  });
});
