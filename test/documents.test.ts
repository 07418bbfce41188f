import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/main/core/store';
import { createHandlers } from '../src/main/core/handlers';
import { dispatch } from '../src/main/core/dispatch';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

function core() {
  const dbPath = join(tmp(), 'm.sqlite');
  const db = openStore(dbPath);
  return { db, handlers: createHandlers({ db, dbPath, host: 'browser' }) };
}

describe('documents through the handler table', () => {
  it('creates, lists and gets documents; they survive reopening the file', async () => {
    const { db, handlers } = core();
    const a = await dispatch(handlers, 'createDocument', { templateKey: 'samrad', metadata: { date: '2026-06-09' } });
    expect(a.ok).toBe(true);
    const list = await dispatch(handlers, 'listDocuments', {});
    expect(list).toMatchObject({ ok: true, value: [{ meetingDate: '2026-06-09', status: 'utkast', templateKey: 'samrad' }] });
    const file = db.name;
    db.close();
    const reopened = openStore(file);
    const again = await dispatch(createHandlers({ db: reopened, dbPath: file, host: 'browser' }), 'listDocuments', {});
    expect(again).toMatchObject({ ok: true, value: [{ meetingDate: '2026-06-09' }] });
    reopened.close();
  });

  it('rejects a bad payload and an unknown channel with a Swedish message, changing nothing', async () => {
    const { db, handlers } = core();
    const bad = await dispatch(handlers, 'createDocument', { templateKey: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await dispatch(handlers, 'createDocument', { templateKey: 'samrad', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const badDate = await dispatch(handlers, 'createDocument', { metadata: { date: '2026-02-30' } });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Datumet finns inte/) } });
    const unknown = await dispatch(handlers, 'dropTables', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch(handlers, 'listDocuments', {})).toEqual({ ok: true, value: [] });
    db.close();
  });

  it('reports a missing document clearly', async () => {
    const { db, handlers } = core();
    const r = await dispatch(handlers, 'getDocument', { id: 'abcdefgh1234' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Det finns inget dokument med id abcdefgh1234.' } });
    db.close();
  });
});
