import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUSES, TRANSITIONS, type Status } from '../src/shared/domain';
import { dispatch } from '../src/main/core/dispatch';
import { loadDocument } from '../src/main/core/document-store';
import { createHandlers } from '../src/main/core/handlers';
import { importIntoStore } from '../src/main/core/import-document';
import { listRevisions } from '../src/main/core/revisions';
import { openStore } from '../src/main/core/store';
import { changeStatus, newVersion, restoreRevision } from '../src/main/core/workflow';
import { readFileSync } from 'node:fs';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = readFileSync(join(__dirname, 'fixtures', 'samrad-2026-06-09.txt'));

async function setup() {
  const dbPath = join(tmp(), 'm.sqlite');
  const db = openStore(dbPath);
  const doc = await importIntoStore(db, SEED, 'seed.txt');
  return { db, dbPath, id: doc.id, handlers: createHandlers({ db, dbPath, host: 'browser' }) };
}

/** Brings a fresh document to `status` along the allowed path. */
function walkTo(db: ReturnType<typeof openStore>, id: string, status: Status): void {
  const path: Status[] = ['granskning', 'justerad', 'registrerad'];
  for (const step of path.slice(0, Math.max(0, path.indexOf(status) + 1))) {
    changeStatus(db, id, { status: step, approvedBy: 'Karin Åström', dnr: 'A2026/01234', registeredOn: '2026-06-12' });
  }
}

describe('status workflow', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const));
  for (const [from, to] of pairs) {
    const allowed = TRANSITIONS[from].includes(to);
    it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, async () => {
      const { db, id } = await setup();
      walkTo(db, id, from);
      expect(loadDocument(db, id).status).toBe(from);
      const before = db.prepare('SELECT * FROM documents WHERE id = ?').get(id);
      const attempt = () => changeStatus(db, id, { status: to, approvedBy: 'Karin Åström', dnr: 'A2026/01234' });
      if (allowed) {
        expect(attempt().status).toBe(to);
      } else {
        expect(attempt).toThrow(/kan inte|redan|Registrerade/);
        expect(db.prepare('SELECT * FROM documents WHERE id = ?').get(id)).toEqual(before);
      }
      db.close();
    });
  }

  it('records who approved and when, and locks the minutes', async () => {
    const { db, id } = await setup();
    walkTo(db, id, 'justerad');
    const doc = loadDocument(db, id);
    expect(doc).toMatchObject({ status: 'justerad', approvedBy: 'Karin Åström', readOnly: true });
    expect(doc.approvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(() => changeStatus(db, id, { status: 'justerad' })).toThrow(/redan/);
    db.close();
  });

  it('needs an approver, and a valid Dnr to register', async () => {
    const { db, id } = await setup();
    changeStatus(db, id, { status: 'granskning' });
    expect(() => changeStatus(db, id, { status: 'justerad', approvedBy: '  ' })).toThrow(/vem som justerade/);
    changeStatus(db, id, { status: 'justerad', approvedBy: 'K. Å.' });
    for (const bad of ['', '2026/01234', 'A26/01234', 'A2026-01234', 'a2026/01234', 'A2026/', 'ABCD2026/1']) {
      expect(() => changeStatus(db, id, { status: 'registrerad', dnr: bad }), bad).toThrow(/diarienummer|Diarienumret/i);
    }
    expect(loadDocument(db, id).status).toBe('justerad');
    const reg = changeStatus(db, id, { status: 'registrerad', dnr: 'Fi2026/00123', registeredOn: '2026-06-12' });
    // The registration time carries its zone: the chosen day, at the time of registering.
    expect(reg).toMatchObject({ status: 'registrerad', metadata: { dnr: 'Fi2026/00123' } });
    expect(reg.registeredAt).toMatch(/^2026-06-12T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    db.close();
  });

  it('refuses to register a secrecy marking without its legal ground, and records one given at registration', async () => {
    const { db, id } = await setup();
    changeStatus(db, id, { status: 'granskning' });
    changeStatus(db, id, { status: 'justerad', approvedBy: 'K. Å.' });
    const secret = { secrecy: 'sekretess' as const, secrecyReference: ' ', secrecyDecidedBy: 'K. Å.' };
    expect(() => changeStatus(db, id, { status: 'registrerad', dnr: 'A2026/00001', secrecy: secret })).toThrow(/sekretessgrunden/);
    expect(loadDocument(db, id).status).toBe('justerad');
    const reg = changeStatus(db, id, {
      status: 'registrerad',
      dnr: 'A2026/00001',
      secrecy: { ...secret, secrecyReference: 'OSL 15 kap. 1 §' },
    });
    expect(reg.metadata).toMatchObject({ secrecy: 'sekretess', secrecyReference: 'OSL 15 kap. 1 §', secrecyDecidedBy: 'K. Å.' });
    db.close();
  });

  it('snapshots a revision at every status change; edits in review are recorded', async () => {
    const { db, id, handlers } = await setup();
    changeStatus(db, id, { status: 'granskning' });
    const doc = loadDocument(db, id);
    expect((await dispatch(handlers, 'saveDocument', { id, metadata: { ...doc.metadata, theme: 'Ändrat under granskning' } })).ok).toBe(
      true,
    );
    changeStatus(db, id, { status: 'justerad', approvedBy: 'Karin' });
    expect(listRevisions(db, id).map((r) => r.reason)).toEqual(['status:justerad', 'edit', 'status:granskning']);
    db.close();
  });

  it('changes a locked document only through a new version linked to it', async () => {
    const { db, id } = await setup();
    walkTo(db, id, 'registrerad');
    const draft = newVersion(db, id);
    expect(draft).toMatchObject({ status: 'utkast', parentId: id, readOnly: false, title: loadDocument(db, id).title });
    expect(() => newVersion(db, draft.id)).toThrow(/ändra utkastet direkt/);
    db.close();
  });

  it('restores a draft from a revision, keeping the state it replaces', async () => {
    const { db, id, handlers } = await setup();
    const doc = loadDocument(db, id);
    const saved = await dispatch(handlers, 'saveVersion', { id });
    const revisionId = (saved as { ok: true; value: Array<{ id: number }> }).value[0]!.id;
    await dispatch(handlers, 'saveDocument', { id, metadata: { ...doc.metadata, theme: 'Helt annat tema' } });
    const diff = await dispatch(handlers, 'diffRevisions', { before: revisionId, after: null });
    expect(diff.ok).toBe(true);
    const restored = restoreRevision(db, revisionId);
    expect(restored.metadata.theme).toBe(doc.metadata.theme);
    expect(listRevisions(db, id)[0]?.reason).toBe('restore');
    db.close();
  });
});

describe('locked minutes through the handler table', () => {
  it('refuses every change by any channel and leaves the stored bytes untouched', async () => {
    const { db, id, handlers } = await setup();
    walkTo(db, id, 'justerad');
    const snapshot = () => db.prepare('SELECT * FROM documents WHERE id = ?').get(id);
    const before = snapshot();
    const doc = loadDocument(db, id);
    const attempts: Array<[string, unknown]> = [
      ['saveDocument', { id, metadata: { ...doc.metadata, theme: 'Smygändring' } }],
      ['saveDocument', { id, content: doc.content }],
      ['renameDocument', { id, title: 'Nytt namn' }],
      ['trashDocument', { id }],
      ['saveVersion', { id }],
      ['changeStatus', { id, status: 'utkast' }],
    ];
    for (const [channel, payload] of attempts) {
      const r = await dispatch(handlers, channel, payload);
      expect(r.ok, channel).toBe(false);
    }
    expect(snapshot()).toEqual(before);
    db.close();
  });
});
