import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variablesInContent } from '../src/shared/lexical/walk';
import { dispatch } from '../src/main/core/dispatch';
import { loadDocument, saveDocument } from '../src/main/core/document-store';
import { createHandlers } from '../src/main/core/handlers';
import { createFromTemplate } from '../src/main/core/new-document';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

function setup() {
  const dbPath = join(tmp(), 'm.sqlite');
  const db = openStore(dbPath);
  return { db, dbPath, handlers: createHandlers({ db, dbPath, host: 'browser' }) };
}

describe('documents from templates', () => {
  it('starts a Samråd draft with the eight sections, the template version and live variables', () => {
    const { db } = setup();
    const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09', department: 'Arbetsmarknadsdepartementet' });
    expect(doc.content.sections.map((s) => s.heading)).toHaveLength(8);
    expect(doc.templateKey).toBe('samrad');
    expect(doc.templateVersion).toBe(1);
    expect(doc.title).toBe('Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026');
    expect(variablesInContent(doc.content)).toEqual(expect.arrayContaining(['Datum', 'värd', 'tema', 'plats', 'departement']));
    expect(doc.metadata.place).toBe('Regeringskansliets lokaler i Stockholm');
    db.close();
  });

  it('saves metadata and content, recomputing title, date and search text', () => {
    const { db } = setup();
    const doc = createFromTemplate(db, 'samrad');
    saveDocument(db, doc.id, {
      metadata: { ...doc.metadata, department: 'Finansdepartementet', date: '2026-11-12', theme: 'Skatter' },
    });
    const saved = loadDocument(db, doc.id);
    expect(saved.title).toMatch(/Finansdepartementet den 12 november 2026$/);
    expect(saved.meetingDate).toBe('2026-11-12');
    const text = (db.prepare('SELECT plain_text FROM documents WHERE id = ?').get(doc.id) as { plain_text: string }).plain_text;
    expect(text).toContain('Skatter');
    db.close();
  });
});

describe('documents that must not change', () => {
  it('refuses every change to approved minutes and leaves the stored bytes as they were', async () => {
    const { db, handlers } = setup();
    const doc = createFromTemplate(db, 'samrad');
    db.prepare(`UPDATE documents SET status = 'justerad' WHERE id = ?`).run(doc.id);
    const before = db.prepare('SELECT * FROM documents WHERE id = ?').get(doc.id);
    const r = await dispatch(handlers, 'saveDocument', { id: doc.id, metadata: { ...doc.metadata, theme: 'Ändrat' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await dispatch(handlers, 'renameDocument', { id: doc.id, title: 'Nytt' })).ok).toBe(false);
    expect((await dispatch(handlers, 'trashDocument', { id: doc.id })).ok).toBe(false);
    expect(db.prepare('SELECT * FROM documents WHERE id = ?').get(doc.id)).toEqual(before);
    expect(loadDocument(db, doc.id)).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/låst/) });
    db.close();
  });

  it('opens a document saved by a newer app read-only and never overwrites it', async () => {
    const { db, handlers } = setup();
    const doc = createFromTemplate(db, 'samrad');
    const future = JSON.stringify({ ...doc.content, version: 99, sections: doc.content.sections.map((s) => ({ ...s, newField: 1 })) });
    db.prepare('UPDATE documents SET content = ? WHERE id = ?').run(future, doc.id);
    const opened = await dispatch(handlers, 'getDocument', { id: doc.id });
    expect(opened).toMatchObject({ ok: true, value: { readOnly: true, readOnlyReason: expect.stringMatching(/nyare version/) } });
    const r = await dispatch(handlers, 'saveDocument', { id: doc.id, metadata: doc.metadata });
    expect(r.ok).toBe(false);
    expect((db.prepare('SELECT content FROM documents WHERE id = ?').get(doc.id) as { content: string }).content).toBe(future);
    db.close();
  });
});

describe('documents view actions', () => {
  it('duplicates, renames, trashes and restores', async () => {
    const { db, handlers } = setup();
    const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09' });
    const copy = await dispatch(handlers, 'duplicateDocument', { id: doc.id });
    expect(copy.ok).toBe(true);
    await dispatch(handlers, 'renameDocument', { id: doc.id, title: 'Vårsamrådet' });
    await dispatch(handlers, 'trashDocument', { id: doc.id });
    const listed = await dispatch(handlers, 'listDocuments', {});
    expect(listed).toMatchObject({ ok: true, value: [{ title: expect.stringMatching(/den 9 juni 2026/) }] });
    const trash = await dispatch(handlers, 'listDocuments', { trash: true });
    expect(trash).toMatchObject({ ok: true, value: [{ title: 'Vårsamrådet' }] });
    await dispatch(handlers, 'restoreDocument', { id: doc.id });
    expect(((await dispatch(handlers, 'listDocuments', {})) as { value: unknown[] }).value).toHaveLength(2);
    db.close();
  });

  it('rejects an empty title with a message', async () => {
    const { db, handlers } = setup();
    const doc = createFromTemplate(db, 'fritt');
    expect(await dispatch(handlers, 'renameDocument', { id: doc.id, title: '   ' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Titeln får inte vara tom/) },
    });
    db.close();
  });
});
