import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../src/main/core/documents-repo';
import { setTrashed } from '../src/main/core/document-store';
import { createFromTemplate } from '../src/main/core/new-document';
import { openStore } from '../src/main/core/store';
import { listDocumentPage, pageQuery, type ListPageQuery } from '../src/main/core/store/list-page';
import { addManyDocuments } from './support/many-documents';
import { cli } from './support/store-checks';
import { useTmpDir } from './support/tmp';

/** The documents list a page at a time over a real store: same order as the whole list, stable while others write. */

const tmp = useTmpDir();

function allPages(db: ReturnType<typeof openStore>, q: Omit<ListPageQuery, 'after'>, between?: (page: number) => void): string[][] {
  const pages: string[][] = [];
  let after: string | undefined;
  for (;;) {
    const p = listDocumentPage(db, { ...q, ...(after === undefined ? {} : { after }) });
    expect(p.items.length).toBeLessThanOrEqual(q.limit);
    pages.push(p.items.map((d) => d.id));
    if (p.next === null) return pages;
    after = p.next;
    between?.(pages.length);
  }
}

describe('listDocumentPage', () => {
  it('pages through in exactly the order of the whole list, with counts and series from the first page', () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    addManyDocuments(db, 230);
    const whole = listDocuments(db).map((d) => d.id);
    const pages = allPages(db, { limit: 50 });
    expect(pages.map((p) => p.length)).toEqual([50, 50, 50, 50, 30]);
    expect(pages.flat()).toEqual(whole);
    const first = listDocumentPage(db, { limit: 50 });
    expect(first.total).toBe(230);
    expect(first.series).toEqual(['Referensgrupp', 'Samråd demokrati', 'Samråd integration']);
    // Undated drafts first, then the newest meeting.
    expect(first.items[0]?.meetingDate).toBeNull();
    db.close();
  });

  it('stays stable while documents are created, saved and trashed between pages: no row twice, none that stayed skipped', () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    addManyDocuments(db, 200);
    const before = new Set(listDocuments(db).map((d) => d.id));
    const trashed = new Set<string>();
    const seen = allPages(db, { limit: 30 }, (page) => {
      // New minutes land before the cursor (undated, today) and after it (an old date).
      createFromTemplate(db, 'samrad', { theme: `Ny ${page}` });
      createFromTemplate(db, 'samrad', { date: '2015-03-0' + ((page % 9) + 1), theme: `Gammal ${page}` });
      const victim = [...before].find((id) => !trashed.has(id) && Number(id.slice(1)) % 5 !== 0 && Number(id.slice(1)) % 11 === page);
      if (victim) {
        setTrashed(db, victim, true);
        trashed.add(victim);
      }
    }).flat();
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) if (!trashed.has(id)) expect(seen).toContain(id);
    db.close();
  });

  it('filters by series and status in SQL, and the trash pages on its own', () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    addManyDocuments(db, 120);
    const whole = listDocuments(db);
    const drafts = whole.filter((d) => d.status === 'utkast');
    const wanted = whole.filter((d) => d.series === 'Samråd demokrati' && d.status === 'justerad').map((d) => d.id);
    const p = listDocumentPage(db, { limit: 200, series: 'Samråd demokrati', status: 'justerad' });
    expect(p.items.map((d) => d.id)).toEqual(wanted);
    expect(p.total).toBe(wanted.length);
    const thrown = drafts.slice(0, 7).map((d) => d.id);
    for (const id of thrown) setTrashed(db, id, true);
    expect(allPages(db, { limit: 3, trash: true }).flat().sort()).toEqual(thrown.sort());
    expect(listDocumentPage(db, { limit: 50 }).total).toBe(113);
    db.close();
  });

  it('reads a page through the sort-order index, not by sorting the whole table', () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    addManyDocuments(db, 2000);
    // The outer query's own steps (parent 0): a sort there would read every row before the first page.
    const plan = (q: ListPageQuery) => {
      const { sql, params } = pageQuery(q);
      const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { parent: number; detail: string }[];
      return steps.filter((r) => r.parent === 0).map((r) => r.detail);
    };
    for (const q of [{ limit: 50 }, { limit: 50, after: '2020-01-01|x|y' }]) {
      expect(plan(q)[0]).toMatch(/^SEARCH d USING INDEX documents_list_order \(deleted_at=\?/);
      expect(plan(q).join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    db.close();
  });

  it('minnes list --limit N prints the first N in the list order; --json too; a bad limit is a usage error', async () => {
    const dir = tmp();
    const file = join(dir, 'm.sqlite');
    const db = openStore(file);
    addManyDocuments(db, 1200);
    const firstIds = listDocuments(db).map((d) => d.id);
    db.close();
    const r = await cli(dir, 'list', '--limit', '20', '--db', file);
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[0]),
    ).toEqual(firstIds.slice(0, 20));
    const j = await cli(dir, 'list', '--json', '--limit', '3', '--db', file);
    expect((JSON.parse(j.stdout) as { id: string }[]).map((d) => d.id)).toEqual(firstIds.slice(0, 3));
    // Without a limit, every one of them, read in pages.
    const all = await cli(dir, 'list', '--json', '--db', file);
    expect((JSON.parse(all.stdout) as { id: string }[]).map((d) => d.id)).toEqual(firstIds);
    const bad = await cli(dir, 'list', '--limit', '0', '--db', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a whole number/);
  });
});
