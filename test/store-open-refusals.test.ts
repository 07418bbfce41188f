import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isMinnesError } from '../src/main/core/errors';
import { MINNES_APPLICATION_ID, migrations, SCHEMA_VERSION } from '../src/main/core/migrations';
import { createFromTemplate } from '../src/main/core/new-document';
import { saveDocument } from '../src/main/core/document-store';
import { openStore } from '../src/main/core/store';
import { assertSound, cli, journalBytes, mountTmpfs, sha256 } from './support/store-checks';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const mounts: Array<() => void> = [];
afterEach(() => {
  for (const release of mounts.splice(0)) release();
});

function storeWithDoc(file: string): string {
  const db = openStore(file);
  const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Demokrati' });
  saveDocument(db, doc.id, { metadata: { ...doc.metadata, place: 'Rosenbad' } });
  db.close();
  return doc.id;
}

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isMinnesError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

/** openStore and `minnes list` both refuse with `message` in one line, exit 1, and the file keeps its bytes. */
async function refusedUnchanged(dir: string, file: string, message: RegExp): Promise<string> {
  const isFile = existsSync(file) && statSync(file).isFile();
  const before = isFile ? sha256(file) : null;
  const header = isFile ? safeJournal(file) : null;
  const e = errorOf(() => openStore(file));
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain('\n');
  const r = await cli(dir, 'list', '--db', file);
  expect(r.code).toBe(1);
  expect(r.lines).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/unexpected error|at .*\.ts:\d+/);
  if (before) expect(sha256(file)).toBe(before);
  if (header) expect(safeJournal(file)).toEqual(header);
  return e.code;
}

function safeJournal(file: string): [number, number] | null {
  try {
    return journalBytes(file);
  } catch {
    return null;
  }
}

describe('files that are not ours are never touched', () => {
  it('a foreign SQLite file with tables of its own (user_version 0) is refused, not given our tables, not switched to WAL', async () => {
    const dir = tmp();
    const file = join(dir, 'kunder.sqlite');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT); INSERT INTO kunder (namn) VALUES ('Anna')`);
    raw.close();
    expect(journalBytes(file)).toEqual([1, 1]);
    expect(
      await refusedUnchanged(dir, file, /inte en Minnes-databas \(den har tabeller från ett annat program\)\. Den har inte ändrats/),
    ).toBe('not_a_database');
    expect(journalBytes(file)).toEqual([1, 1]);
    expect(readdirSync(dir)).toEqual(['kunder.sqlite']);
  });

  it('a foreign file with a conflicting documents table is refused the same way (it used to be left in WAL mode)', async () => {
    const dir = tmp();
    const file = join(dir, 'other.sqlite');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE documents (id TEXT, body BLOB)`);
    raw.close();
    await refusedUnchanged(dir, file, /inte en Minnes-databas/);
    expect(journalBytes(file)).toEqual([1, 1]);
  });

  it('a foreign SQLite file in WAL mode is refused read-only: main bytes and header unchanged', async () => {
    const dir = tmp();
    const file = join(dir, 'app.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hej')`);
    raw.close();
    expect(journalBytes(file)).toEqual([2, 2]);
    await refusedUnchanged(dir, file, /inte en Minnes-databas \(den har tabeller från ett annat program\)/);
    expect(journalBytes(file)).toEqual([2, 2]);
  });

  it("a foreign file without tables but with another program's application id is refused", async () => {
    const dir = tmp();
    const file = join(dir, 'tom.sqlite');
    const raw = new Database(file);
    raw.pragma('application_id = 1598903374'); // what Fossil writes
    raw.close();
    await refusedUnchanged(dir, file, /inte en Minnes-databas \(den tillhör ett annat program\)/);
  });

  it('a new empty file (0 bytes, or a fresh SQLite file with nothing in it) is initialised as before', () => {
    const dir = tmp();
    const zero = join(dir, 'noll.sqlite');
    writeFileSync(zero, '');
    const fresh = join(dir, 'fresh.sqlite');
    new Database(fresh).exec('VACUUM');
    for (const file of [zero, fresh]) {
      const db = openStore(file);
      expect(db.pragma('application_id', { simple: true })).toBe(MINNES_APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
      storeWithDoc(file);
      expect(assertSound(file)).toBe(1);
    }
  });

  it('a Minnes database whose user_version does not match its tables is refused before any copy or write', async () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDoc(file);
    const raw = new Database(file);
    raw.pragma('user_version = 3'); // tables of the current schema, the number of an old one
    raw.pragma('application_id = 0');
    raw.close();
    expect(await refusedUnchanged(dir, file, /schemaversion \(3\) stämmer inte med tabellerna/)).toBe('schema_mismatch');
    expect(existsSync(join(dir, 'backups'))).toBe(false); // no before-migration copy per failed open
  });
});

describe('exact messages at open', () => {
  it('--db naming a folder', async () => {
    const dir = tmp();
    const folder = join(dir, 'mapp');
    mkdirSync(folder);
    await refusedUnchanged(dir, folder, /pekar på en mapp, inte en fil/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('--db through a file (ENOTDIR)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'fil.txt'), 'x');
    await refusedUnchanged(dir, join(dir, 'fil.txt', 'minnes.sqlite'), /sökvägen till databasen är en fil, inte en mapp/);
  });

  it('a good database in a folder that cannot be written (read-only mount): said so, not "not a database"; bytes unchanged', async (ctx) => {
    const mnt = mountTmpfs('8m');
    if (!mnt) return ctx.skip();
    mounts.push(mnt.release);
    const file = join(mnt.dir, 'minnes.sqlite');
    storeWithDoc(file);
    mnt.remount('ro');
    const code = await refusedUnchanged(mnt.dir, file, /Databasen ligger i en mapp som inte går att skriva i: /);
    expect(code).toBe('read_only');
    // A new database there is refused with the same line.
    await refusedUnchanged(mnt.dir, join(mnt.dir, 'ny.sqlite'), /mapp som inte går att skriva i/);
    mnt.remount('rw');
    expect(assertSound(file)).toBe(1);
  });

  it('a full disk (tmpfs): a new database, and a save into an existing one, say the disk is full; the store stays sound', async (ctx) => {
    const mnt = mountTmpfs('2m');
    if (!mnt) return ctx.skip();
    mounts.push(mnt.release);
    const file = join(mnt.dir, 'minnes.sqlite');
    const id = storeWithDoc(file);
    const filler = join(mnt.dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024, 0x55));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const before = sha256(file);
    const created = errorOf(() => openStore(join(mnt.dir, 'ny.sqlite')));
    expect(created.message).toMatch(/Disken är full|inte plats på disken/);

    // The existing one: either refused at open with that line, or opened and the save refused with it.
    let message = '';
    try {
      const db = openStore(file);
      try {
        const words = Array.from({ length: 200_000 }, (_, i) => `ord${i}`).join(' ');
        saveDocument(db, id, { metadata: { date: '2026-06-09', theme: words } as never });
      } finally {
        db.close();
      }
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Disken är full|inte plats på disken/);
    const r = await cli(mnt.dir, 'new', '--template', 'samrad', '--db', join(mnt.dir, 'ny2.sqlite'));
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.stderr).toMatch(/Disken är full|inte plats på disken/);
    expect(sha256(file)).toBe(before);
    rmSync(filler, { force: true });
    expect(assertSound(file)).toBe(1);
  });
});

describe('databases from before the application id', () => {
  it('a Minnes database at schema 6 (no application id) is still accepted and migrated', () => {
    const file = join(tmp(), 'minnes.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    for (let v = 0; v < 6; v++) migrations[v]!(raw);
    raw.pragma('user_version = 6');
    raw.close();
    const db = openStore(file);
    expect(db.pragma('application_id', { simple: true })).toBe(MINNES_APPLICATION_ID);
    db.close();
    storeWithDoc(file);
    expect(assertSound(file)).toBe(1);
  });
});
