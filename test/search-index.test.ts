import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../src/main/core/db';
import { saveDocument } from '../src/main/core/document-store';
import { importIntoStore } from '../src/main/core/import-document';
import { searchDocuments } from '../src/main/core/search';
import { INLINE_INDEX_CHARS, startSearchIndexer } from '../src/main/core/search-index';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';

/**
 * The index is kept current by the writers, never by a search: ordinary minutes are indexed in the
 * save's own transaction; long ones are queued and indexed by the host's indexer, or at close.
 */

const tmp = useTmpDir();
const pending = (db: Db) => db.prepare('SELECT count(*) FROM fts_pending').pluck().get() as number;
const md = (body: string) => Buffer.from(`---\ntitle: Samråd\ndate: 2026-03-01\n---\n\n${body}\n`);
const long = (word: string) =>
  `${'Deltagarna diskuterade förslaget och återkom med synpunkter. '.repeat(Math.ceil(INLINE_INDEX_CHARS / 60) + 10)}${word}`;

async function store() {
  const file = join(tmp(), 'm.sqlite');
  const db = openStore(file);
  const doc = await importIntoStore(db, md('Början.'), 'x.md');
  return { file, db, doc };
}

describe('the search index', () => {
  it('an ordinary save is searchable at once, with nothing left for a search to do', async () => {
    const { db, doc } = await store();
    const edit = await importIntoStore(db, md('Nu om språkcaféer.'), 'y.md');
    saveDocument(db, doc.id, { content: edit.content });
    expect(pending(db)).toBe(0);
    expect(searchDocuments(db, 'språkcaféer').map((h) => h.id)).toContain(doc.id);
    db.close();
  });

  it('a long save is queued, a search does not index it, and the indexer or the close does', async () => {
    const { file, db, doc } = await store();
    const edit = await importIntoStore(db, md(long('mentorskapsprogrammet')), 'y.md');
    saveDocument(db, doc.id, { content: edit.content });
    expect(pending(db)).toBe(1);
    expect(searchDocuments(db, 'mentorskapsprogrammet').map((h) => h.id)).toEqual([edit.id]); // the import was indexed at insert
    expect(pending(db)).toBe(1);

    const stop = startSearchIndexer(
      () => db,
      (e) => {
        throw e;
      },
    );
    await expect.poll(() => pending(db), { timeout: 5000 }).toBe(0);
    stop();
    expect(
      searchDocuments(db, 'mentorskapsprogrammet')
        .map((h) => h.id)
        .sort(),
    ).toEqual([doc.id, edit.id].sort());

    // Without an indexer (the CLI), closing indexes what is queued.
    const again = await importIntoStore(db, md(long('studiebesöken')), 'z.md');
    saveDocument(db, doc.id, { content: again.content });
    expect(pending(db)).toBe(1);
    db.close();
    const reopened = openStore(file);
    expect(pending(reopened)).toBe(0);
    expect(searchDocuments(reopened, 'studiebesöken').map((h) => h.id)).toContain(doc.id);
    reopened.close();
  });
});
