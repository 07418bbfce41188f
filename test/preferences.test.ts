import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/main/core/db';
import { dispatch } from '../src/main/core/dispatch';
import { createHandlers } from '../src/main/core/handlers';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

function open(file: string) {
  const db = openDatabase(file);
  return { db, handlers: createHandlers({ db, dbPath: file, host: 'browser' }) };
}

describe('the UI language as a stored preference', () => {
  it('is Swedish on a new store, and English after it is chosen, also after the store is reopened', async () => {
    const file = join(tmp(), 'prefs.sqlite');
    const first = open(file);
    expect(await dispatch(first.handlers, 'getPreferences', {})).toEqual({ ok: true, value: { uiLanguage: 'sv' } });
    expect(await dispatch(first.handlers, 'setPreferences', { uiLanguage: 'en' })).toEqual({ ok: true, value: { uiLanguage: 'en' } });
    first.db.close();
    const again = open(file);
    expect(await dispatch(again.handlers, 'getPreferences', {})).toEqual({ ok: true, value: { uiLanguage: 'en' } });
    again.db.close();
  });

  it('refuses a language the app does not have, and keeps the one chosen', async () => {
    const { db, handlers } = open(join(tmp(), 'bad.sqlite'));
    await dispatch(handlers, 'setPreferences', { uiLanguage: 'en' });
    const refused = await dispatch(handlers, 'setPreferences', { uiLanguage: 'de' });
    expect(refused.ok).toBe(false);
    expect(await dispatch(handlers, 'getPreferences', {})).toEqual({ ok: true, value: { uiLanguage: 'en' } });
    db.close();
  });

  it('a damaged or unknown row falls back to the default instead of stopping the app', async () => {
    const { db, handlers } = open(join(tmp(), 'damaged.sqlite'));
    db.prepare(`INSERT INTO preferences (name, value) VALUES ('uiLanguage', '{not json'), ('fromNewerVersion', '1')`).run();
    expect(await dispatch(handlers, 'getPreferences', {})).toEqual({ ok: true, value: { uiLanguage: 'sv' } });
    db.close();
  });
});
