import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../src/shared/contract';
import { dispatch } from '../src/main/core/dispatch';
import { duplicateDocument, loadDocument, saveDocument, setTrashed } from '../src/main/core/document-store';
import { listDocuments } from '../src/main/core/documents-repo';
import { documentHandlers } from '../src/main/core/handlers/documents';
import { workflowHandlers } from '../src/main/core/handlers/workflow';
import type { CoreContext } from '../src/main/core/handlers/context';
import { importIntoStore } from '../src/main/core/import-document';
import { MINNES_APPLICATION_ID, migrations } from '../src/main/core/migrations';
import { createFromTemplate } from '../src/main/core/new-document';
import { snapshot } from '../src/main/core/revisions';
import { openStore } from '../src/main/core/store';
import { assertSound, cli } from './support/store-checks';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');

/** An envelope whose editor state is `levels` JSON levels deep: past SQLite's JSON limit (1000) at 1,200. */
function deepContent(levels: number): string {
  const nest = `${'['.repeat(levels)}${']'.repeat(levels)}`;
  return `{"format":"minnes/sections","version":1,"sections":[{"key":"s","heading":"Djup","printHeading":true,"guidance":"","carryOver":false,"state":{"root":{"type":"root","version":1,"children":${nest}}}}]}`;
}

function setup() {
  const dir = tmp();
  const file = join(dir, 'minnes.sqlite');
  const db = openStore(file);
  const ctx: CoreContext = { db, dbPath: file, host: 'browser' };
  return { dir, file, db, docs: documentHandlers(ctx) as unknown as Handlers };
}

describe('a document whose content cannot be loaded (1,200 levels deep, written directly by SQL)', () => {
  it('still lists, opens with a message, exports raw, is restored from an earlier revision and can be trashed', async () => {
    const { dir, file, db, docs } = setup();
    const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Demokrati' });
    const good = loadDocument(db, doc.id);
    const revision = snapshot(db, doc.id, 'save');
    const deep = deepContent(1200);
    db.prepare('UPDATE documents SET content = ? WHERE id = ?').run(deep, doc.id);
    // The premise: SQLite's JSON functions cannot read it.
    expect(() => db.prepare(`SELECT json_extract(content, '$.version') FROM documents WHERE id = ?`).get(doc.id)).toThrow(/malformed JSON/);

    expect(listDocuments(db).map((d) => d.id)).toEqual([doc.id]);
    const opened = await dispatch(docs, 'getDocument', { id: doc.id }, () => {});
    expect(opened).toMatchObject({ ok: false, error: { code: 'content_unreadable' } });
    const message = opened.ok ? '' : opened.error.message;
    expect(message).toMatch(/går inte att läsa in \(det är för djupt nästlat\)/);
    expect(message).toMatch(/slänga det, spara det som rå JSON .*återställa en tidigare version/);
    expect(message).not.toContain('\n');
    // Whatever needs the content says the same, instead of failing somewhere deeper.
    expect(() => duplicateDocument(db, doc.id)).toThrow(/går inte att läsa in/);

    // Raw export: the stored bytes, untouched.
    db.close();
    const r = await cli(dir, 'export', doc.id, '--db', file, '--out', 'raw.json');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'raw.json'), 'utf8')).toBe(deep);

    // Restored from the earlier revision: the last good content is back and loads.
    const again = openStore(file);
    const ctx: CoreContext = { db: again, dbPath: file, host: 'browser' };
    const restored = await dispatch(workflowHandlers(ctx) as unknown as Handlers, 'restoreRevision', { revisionId: revision }, () => {});
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    expect(loadDocument(again, doc.id).content).toEqual(good.content);

    // And, deep again, it can still be trashed and brought back.
    again.prepare('UPDATE documents SET content = ? WHERE id = ?').run(deep, doc.id);
    setTrashed(again, doc.id, true);
    expect(listDocuments(again, { trash: true }).map((d) => d.id)).toEqual([doc.id]);
    setTrashed(again, doc.id, false);
    again.close();
    expect(assertSound(file)).toBe(1);
  });

  it('saving content deeper than the limit is refused before it is stored: the last good content stays', async () => {
    const { file, db, docs } = setup();
    const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09' });
    const stored = () => (db.prepare('SELECT content FROM documents WHERE id = ?').get(doc.id) as { content: string }).content;
    const before = stored();
    const content = JSON.parse(deepContent(600)) as typeof doc.content;
    expect(() => saveDocument(db, doc.id, { content })).toThrow(/för djupt nästlat.*Det som redan var sparat finns kvar/);
    const viaApi = await dispatch(docs, 'saveDocument', { id: doc.id, metadata: doc.metadata, content }, () => {});
    expect(viaApi).toMatchObject({ ok: false, error: { code: 'content_too_deep' } });
    expect(stored()).toBe(before);
    db.close();
    expect(assertSound(file)).toBe(1);
  });

  it('a database from before migration 7 with such a row migrates (the backfill cannot fail) and gets the application id', () => {
    const file = join(tmp(), 'minnes.sqlite');
    const raw = new Database(file);
    for (let v = 0; v < 6; v++) migrations[v]!(raw);
    raw.pragma('user_version = 6');
    const insert = raw.prepare(
      `INSERT INTO documents (id, title, content, record_id, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-01-01', '2026-01-01')`,
    );
    insert.run('djup', 'Djupt', deepContent(1200), 'djup');
    insert.run('vanlig', 'Vanligt', deepContent(3), 'vanlig');
    insert.run('trasig', 'Trasigt', '{"format":', 'trasig');
    raw.close();

    const db = openStore(file);
    expect(db.pragma('application_id', { simple: true })).toBe(MINNES_APPLICATION_ID);
    const versions = db.prepare('SELECT id, content_version FROM documents ORDER BY id').all();
    expect(versions).toEqual([
      { id: 'djup', content_version: null },
      { id: 'trasig', content_version: null },
      { id: 'vanlig', content_version: 1 },
    ]);
    expect(() => loadDocument(db, 'trasig')).toThrow(/inte giltig JSON/);
    db.close();
    expect(assertSound(file)).toBe(3);
  });
});

describe('every multi-step write is one transaction', () => {
  it('an import whose read-back fails leaves no row (it used to answer an error and keep the row)', async () => {
    const { file, db } = setup();
    // Spoils what the import just wrote, so that loading it back fails after the insert.
    db.exec(
      `CREATE TEMP TRIGGER spoil AFTER INSERT ON documents BEGIN UPDATE documents SET metadata = '{"date":5}' WHERE rowid = new.rowid; END`,
    );
    const count = () => db.prepare('SELECT count(*) FROM documents').pluck().get();
    await expect(importIntoStore(db, readFileSync(SEED), 'samrad.txt')).rejects.toThrow();
    expect(count()).toBe(0);
    expect(() => createFromTemplate(db, 'samrad')).toThrow();
    expect(count()).toBe(0);
    db.exec('DROP TRIGGER spoil');
    const ok = await importIntoStore(db, readFileSync(SEED), 'samrad.txt');
    expect(count()).toBe(1);
    expect(loadDocument(db, ok.id).title).toBe(ok.title);
    db.close();
    expect(assertSound(file)).toBe(1);
  });
});
