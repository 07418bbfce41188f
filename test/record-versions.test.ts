import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDocument, saveDocument, setTrashed } from '../src/main/core/document-store';
import { exportStored } from '../src/main/core/export-document';
import { listDocuments } from '../src/main/core/documents-repo';
import { importIntoStore } from '../src/main/core/import-document';
import { migrations } from '../src/main/core/migrations';
import { listRevisions } from '../src/main/core/revisions';
import { searchDocuments } from '../src/main/core/search';
import { getSeriesOverview, listSeries } from '../src/main/core/series-repo';
import { openStore } from '../src/main/core/store';
import { collectTakeaways } from '../src/main/core/takeaways';
import { changeStatus, newVersion, restoreRevision } from '../src/main/core/workflow';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SERIES = 'Samråd integration 2026';
const SECTIONS_MD = readFileSync(join(__dirname, 'fixtures', 'samrad-sections.md'), 'utf8');
// The seed without its Dnr (the record gets one when registered) and, optionally, on another date.
const seed = (date = '2026-06-09') =>
  Buffer.from(
    SECTIONS_MD.replace(/^dnr: .*\n/m, '')
      .replace(/^date: .*$/m, `date: ${date}`)
      .replace(/^title: .*\n/m, ''),
    'utf8',
  );

type Db = ReturnType<typeof openStore>;

function approve(db: Db, id: string): void {
  changeStatus(db, id, { status: 'granskning' });
  changeStatus(db, id, { status: 'justerad', approvedBy: 'Karin Åström' });
}

/** Replaces a word in the document's text, as typing in the editor would. */
function edit(db: Db, id: string, from: string, to: string): void {
  const doc = loadDocument(db, id);
  const content = JSON.parse(JSON.stringify(doc.content).replaceAll(from, to)) as typeof doc.content;
  saveDocument(db, id, { content });
}

/** The June meeting approved, a version 2 approved, a version 3 being written, and a second meeting in the series. */
async function threeVersions() {
  const db = openStore(join(tmp(), 'm.sqlite'));
  const v1 = (await importIntoStore(db, seed(), 'juni.md', { series: SERIES })).id;
  const other = (await importIntoStore(db, seed('2026-10-14'), 'oktober.md', { series: SERIES })).id;
  approve(db, v1);
  const v2 = newVersion(db, v1).id;
  edit(db, v2, 'Långsiktighet', 'Uthållighet');
  approve(db, v2);
  const v3 = newVersion(db, v2).id;
  edit(db, v3, 'projekttrötthet', 'bidragströtthet');
  return { db, v1, v2, v3, other };
}

describe('a record and its versions', () => {
  it('Ny version twice gives one record with versions 1, 2 and 3, each replacing the one before', async () => {
    const { db, v1, v2, v3 } = await threeVersions();
    const d3 = loadDocument(db, v3);
    expect(d3).toMatchObject({ recordId: v1, version: 3, replacesVersion: 2, replacesStatus: 'justerad', latestVersion: 3 });
    expect(d3.parentId).toBe(v2);
    expect(d3.versions.map((v) => [v.id, v.version, v.status])).toEqual([
      [v1, 1, 'justerad'],
      [v2, 2, 'justerad'],
      [v3, 3, 'utkast'],
    ]);
    // The old versions stay readable, and say why they cannot be changed.
    const d1 = loadDocument(db, v1);
    expect(d1).toMatchObject({ readOnly: true, version: 1, latestVersion: 3 });
    expect(d1.readOnlyReason).toMatch(/ersatts av version 3/);
    expect(() => saveDocument(db, v1, { content: d1.content })).toThrow(/ersatts av version 3/);
    // …and exportable as they were approved.
    const body = strFromU8(unzipSync((await exportStored(db, v1, 'docx')).bytes)['word/document.xml']!);
    expect(body).toContain('Långsiktighet');
    expect(body).not.toContain('Uthållighet');
    db.close();
  });

  it('counts the record once in the list, the series timeline, search and the year’s takeaways', async () => {
    const { db, v1, v2, v3, other } = await threeVersions();

    const list = listDocuments(db);
    expect(list.map((d) => d.id).sort()).toEqual([v2, other].sort());
    const row = list.find((d) => d.id === v2);
    expect(row).toMatchObject({ version: 2, status: 'justerad', newerDraft: { id: v3, version: 3, status: 'utkast' } });

    const timeline = getSeriesOverview(db, SERIES).meetings.filter((m) => m.documentId);
    expect(timeline.map((m) => [m.date, m.documentId, m.version])).toEqual([
      ['2026-06-09', v2, 2],
      ['2026-10-14', other, 1],
    ]);
    expect(listSeries(db).find((s) => s.name === SERIES)?.documentCount).toBe(2);

    // A word in every version: one hit, the approved version 2. A word only in the draft: found, as version 3.
    expect(searchDocuments(db, 'förtroende').filter((h) => [v1, v2, v3].includes(h.id))).toEqual([
      expect.objectContaining({ id: v2, version: 2 }),
    ]);
    expect(searchDocuments(db, 'bidragströtthet').map((h) => [h.id, h.version])).toEqual([[v3, 3]]);
    expect(
      searchDocuments(db, 'projekttrötthet')
        .map((h) => h.id)
        .sort(),
    ).toEqual([v2, other].sort());

    // The takeaways are those approved in version 2, once, not the draft's and not version 1's.
    const groups = collectTakeaways(db, SERIES, { year: 2026 });
    expect(groups.map((g) => g.documentId)).toEqual([v2, other]);
    expect(groups[0]?.items[0]?.keyPhrase).toBe('Uthållighet');
    db.close();
  });

  it('shows a record whose only versions are drafts by its latest draft, and the approved version again when that draft is trashed', async () => {
    const { db, v2, v3 } = await threeVersions();
    setTrashed(db, v3, true);
    expect(listDocuments(db).find((d) => d.id === v2)?.newerDraft).toBeNull();
    expect(listDocuments(db, { trash: true }).map((d) => [d.id, d.version])).toEqual([[v3, 3]]);

    const fresh = (await importIntoStore(db, seed('2026-12-01'), 'dec.md', { series: SERIES })).id;
    expect(listDocuments(db).find((d) => d.id === fresh)).toMatchObject({ version: 1, status: 'utkast', newerDraft: null });
    db.close();
  });

  it('refuses Ny version of a version that has already been replaced, and changes nothing', async () => {
    const { db, v1, v2 } = await threeVersions();
    const count = () => db.prepare('SELECT COUNT(*) FROM documents').pluck().get();
    const before = count();
    expect(() => newVersion(db, v1)).toThrow('Version 1 har redan ersatts av version 3. Bara den senaste versionen kan få en ny version');
    expect(() => newVersion(db, v2)).toThrow(/ersatts av version 3/);
    expect(count()).toBe(before);
    db.close();
  });

  it('restoring a revision of registered minutes makes the next version of the record and keeps its Dnr', async () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    const v1 = (await importIntoStore(db, seed(), 'juni.md', { series: SERIES })).id;
    edit(db, v1, 'Långsiktighet', 'Tidig text');
    changeStatus(db, v1, { status: 'granskning' });
    const early = listRevisions(db, v1).find((r) => r.reason === 'status:granskning')!.id;
    edit(db, v1, 'Tidig text', 'Slutlig text');
    changeStatus(db, v1, { status: 'justerad', approvedBy: 'Karin Åström' });
    changeStatus(db, v1, { status: 'registrerad', dnr: 'A2026/01234', registeredOn: '2026-06-12' });
    const registered = db.prepare('SELECT * FROM documents WHERE id = ?').get(v1);

    const v2 = restoreRevision(db, early);
    expect(v2).toMatchObject({
      recordId: v1,
      version: 2,
      parentId: v1,
      replacesVersion: 1,
      replacesStatus: 'registrerad',
      status: 'utkast',
    });
    expect(v2.metadata.dnr).toBe('A2026/01234');
    expect(JSON.stringify(v2.content)).toContain('Tidig text');
    expect(listRevisions(db, v2.id).map((r) => r.reason)).toEqual(['ny-version-från-revision']);
    // The registered version is untouched, and the list still shows the record once.
    expect(db.prepare('SELECT * FROM documents WHERE id = ?').get(v1)).toEqual(registered);
    expect(listDocuments(db).map((d) => [d.id, d.newerDraft?.id])).toEqual([[v1, v2.id]]);
    // Version 1 is no longer the latest: a second restore from it is refused, not a third copy.
    expect(() => restoreRevision(db, early)).toThrow(/ersatts av version 2/);
    db.close();
  });
});

describe('migration to records', () => {
  it('turns parent_id chains of an older database into records with numbered versions', () => {
    const file = join(tmp(), 'old.sqlite');
    const raw = new Database(file);
    // Off only so that the hand-made loop below can be inserted at all.
    raw.pragma('foreign_keys = OFF');
    for (const m of migrations.slice(0, 5)) m(raw);
    raw.pragma('user_version = 5');
    const insert = raw.prepare(
      `INSERT INTO documents (id, title, status, parent_id, created_at, updated_at) VALUES (?, 'Samråd', ?, ?, ?, ?)`,
    );
    // a ← b ← c, and d a second draft the old "Ny version" made of a; e on its own; f ↔ g a loop made by hand.
    const rows: Array<[string, string, string | null, string]> = [
      ['a', 'registrerad', null, '2026-01-01'],
      ['b', 'justerad', 'a', '2026-02-01'],
      ['e', 'utkast', null, '2026-02-15'],
      ['d', 'utkast', 'a', '2026-03-01'],
      ['c', 'utkast', 'b', '2026-04-01'],
      ['f', 'utkast', 'g', '2026-05-01'],
      ['g', 'utkast', 'f', '2026-05-02'],
    ];
    for (const [id, status, parent, at] of rows) insert.run(id, status, parent, at, at);
    raw.close();

    const db = openStore(file);
    const got = db.prepare('SELECT id, record_id, version_no FROM documents ORDER BY id').all();
    expect(got).toEqual([
      { id: 'a', record_id: 'a', version_no: 1 },
      { id: 'b', record_id: 'a', version_no: 2 },
      { id: 'c', record_id: 'a', version_no: 4 },
      { id: 'd', record_id: 'a', version_no: 3 },
      { id: 'e', record_id: 'e', version_no: 1 },
      { id: 'f', record_id: 'f', version_no: 1 },
      { id: 'g', record_id: 'g', version_no: 1 },
    ]);
    // The record is one row of the list: its latest approved version, with the newest draft beside it.
    expect(listDocuments(db).map((d) => [d.id, d.newerDraft?.id ?? null])).toEqual(
      expect.arrayContaining([
        ['b', 'c'],
        ['e', null],
      ]),
    );
    expect(listDocuments(db).map((d) => d.id)).not.toContain('d');
    expect(loadDocument(db, 'd')).toMatchObject({ readOnly: true, version: 3, latestVersion: 4 });
    // Versions made from now on continue the numbering.
    changeStatus(db, 'c', { status: 'granskning' });
    changeStatus(db, 'c', { status: 'justerad', approvedBy: 'K' });
    expect(newVersion(db, 'c')).toMatchObject({ recordId: 'a', version: 5, replacesVersion: 4 });
    db.close();
  });
});
