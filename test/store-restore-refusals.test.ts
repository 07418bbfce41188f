import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupTo, KEEP_BEFORE_MIGRATION, restoreFrom } from '../src/main/core/backup';
import { saveDocument } from '../src/main/core/document-store';
import { listDocuments } from '../src/main/core/documents-repo';
import { isMinnesError } from '../src/main/core/errors';
import { backupHandlers } from '../src/main/core/handlers/backups';
import type { CoreContext } from '../src/main/core/handlers/context';
import { migrations, SCHEMA_VERSION } from '../src/main/core/migrations';
import { createFromTemplate } from '../src/main/core/new-document';
import { openStore } from '../src/main/core/store';
import { assertSound, sha256 } from './support/store-checks';
import { useTmpDir } from './support/tmp';
import { errorOf } from './support/error-of';

const tmp = useTmpDir();

function storeWithDoc(file: string): void {
  const db = openStore(file);
  const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Demokrati' });
  saveDocument(db, doc.id, { metadata: { ...doc.metadata, place: 'Rosenbad' } });
  db.close();
}

/** A sound copy of a current store, then given an old schema number: its tables no longer match it. */
async function mismatchedCopy(from: string, to: string, userVersion: number): Promise<void> {
  const db = openStore(from);
  await backupTo(db, to);
  db.close();
  const raw = new Database(to);
  raw.pragma(`user_version = ${userVersion}`);
  raw.pragma('application_id = 0');
  raw.close();
}

describe('restoring a copy whose user_version does not match its tables', () => {
  it.each([3, 5, SCHEMA_VERSION])('user_version %i: refused, and the main file keeps its bytes (no safety copy either)', async (v) => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDoc(file);
    const bad = join(tmp(), 'kopia.sqlite');
    if (v === SCHEMA_VERSION) {
      // The current number over the tables of schema 1.
      const raw = new Database(bad);
      migrations[0]!(raw);
      raw.pragma(`user_version = ${SCHEMA_VERSION}`);
      raw.close();
    } else await mismatchedCopy(file, bad, v);
    const before = sha256(file);
    const e = errorOf(() => restoreFrom(file, bad));
    expect(isMinnesError(e)).toBe(true);
    expect(e.message).toMatch(/schemaversionen stämmer inte med tabellerna\)\. Databasen har inte ändrats\.$/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(assertSound(file)).toBe(1);
  });

  it('over the app (restoreBackup): refused before the open connection closes, so not even a checkpoint changes the main file', async () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDoc(file);
    const db = openStore(file);
    // Work that is only in the WAL: closing the connection would fold it into the main file.
    createFromTemplate(db, 'samrad', { date: '2026-09-01' });
    expect(existsSync(`${file}-wal`)).toBe(true);
    mkdirSync(join(dir, 'backups'));
    await mismatchedCopy(file, join(dir, 'backups', 'minnes-2026-01-01.sqlite'), 4);
    const before = sha256(file);
    const walBefore = sha256(`${file}-wal`);
    const ctx: CoreContext = { db, dbPath: file, host: 'browser' };
    await expect(backupHandlers(ctx).restoreBackup({ name: 'minnes-2026-01-01.sqlite' })).rejects.toThrow(/schemaversionen stämmer inte/);
    expect(sha256(file)).toBe(before);
    expect(sha256(`${file}-wal`)).toBe(walBefore);
    expect(listDocuments(ctx.db)).toHaveLength(2); // the app keeps working on the same connection
    ctx.db.close();
    expect(assertSound(file)).toBe(2);
  });
});

describe('before-migration copies', () => {
  it(`are bounded: the newest ${KEEP_BEFORE_MIGRATION} are kept, however often an old database is opened`, () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    for (let i = 0; i < 6; i++) {
      rmSync(file, { force: true });
      const raw = new Database(file);
      migrations[0]!(raw);
      raw.pragma('user_version = 1');
      raw.close();
      openStore(file).close();
    }
    const copies = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('minnes-before-migration-'));
    expect(copies).toHaveLength(KEEP_BEFORE_MIGRATION);
    expect(assertSound(file)).toBe(0);
  });

  it('a database the migrations would fail on adds no copy at all', () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDoc(file);
    const raw = new Database(file);
    raw.pragma('user_version = 2'); // v3 would add columns that are already there
    raw.pragma('application_id = 0');
    raw.close();
    for (let i = 0; i < 4; i++) expect(() => openStore(file)).toThrow(/stämmer inte med tabellerna/);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
