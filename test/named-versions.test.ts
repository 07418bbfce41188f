import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../src/main/core/dispatch';
import { createHandlers } from '../src/main/core/handlers';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

describe('a saved version may have a name', () => {
  it('keeps the name in the history, leaves an unnamed one unnamed, and refuses a name too long', async () => {
    const dbPath = join(tmp(), 'm.sqlite');
    const db = openStore(dbPath);
    const handlers = createHandlers({ db, dbPath, host: 'browser' });
    const created = await dispatch(handlers, 'createDocument', { templateKey: 'samrad' });
    const id = (created as { ok: true; value: { id: string } }).value.id;

    await dispatch(handlers, 'saveVersion', { id, name: '  Före justering ' });
    await dispatch(handlers, 'saveVersion', { id });
    await dispatch(handlers, 'saveVersion', { id, name: '   ' });
    const list = await dispatch(handlers, 'listRevisions', { id });
    expect(list.ok).toBe(true);
    const names = (list as { ok: true; value: { name: string | null; reason: string }[] }).value.map((r) => [r.reason, r.name]);
    expect(names).toEqual([
      ['save', null],
      ['save', null],
      ['save', 'Före justering'],
    ]);

    const long = await dispatch(handlers, 'saveVersion', { id, name: 'x'.repeat(201) });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('högst 200 tecken') } });
    db.close();
  });
});
