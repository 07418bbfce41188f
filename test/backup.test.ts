import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupCommand } from '../src/main/cli/commands/backup';
import type { CliIo } from '../src/main/cli/io';
import { autoBackup, backupBeforeMigration, backupTo, listBackups, restoreFrom } from '../src/main/core/backup';
import type { Db } from '../src/main/core/db';
import { saveDocument, loadDocument } from '../src/main/core/document-store';
import { isMinnesError } from '../src/main/core/errors';
import { migrations, SCHEMA_VERSION } from '../src/main/core/migrations';
import { createFromTemplate } from '../src/main/core/new-document';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';
import { errorOf } from './support/error-of';

const tmp = useTmpDir();

function rows(db: Db): unknown[] {
  return db.prepare('SELECT id, title, status, metadata, content, plain_text FROM documents ORDER BY id').all();
}

function rowsIn(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return rows(db);
  } finally {
    db.close();
  }
}

function check(file: string): { integrity: unknown; journal: unknown; version: unknown } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/** A store with two documents, closed again so that only the main file is on disk. */
function storeWithDocs(dir: string): string {
  const file = join(dir, 'minnes.sqlite');
  const db = openStore(file);
  const a = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Demokrati' });
  saveDocument(db, a.id, { metadata: { ...a.metadata, place: 'Rosenbad' } });
  createFromTemplate(db, 'samrad', { date: '2026-09-01' });
  db.close();
  return file;
}

describe('backupTo and restoreFrom', () => {
  it('round-trips: restoring a backup brings back exactly the documents it held, and keeps the replaced db', async () => {
    const dir = tmp();
    const file = storeWithDocs(dir);
    const out = join(tmp(), 'kopia.sqlite');
    const db = openStore(file);
    const before = rows(db);
    await backupTo(db, out);
    // Work goes on after the backup: a new document and an edit.
    const c = createFromTemplate(db, 'samrad', { date: '2026-10-01' });
    saveDocument(db, c.id, { metadata: { ...c.metadata, theme: 'Efter kopian' } });
    const after = rows(db);
    db.close();

    expect(check(out)).toEqual({ integrity: 'ok', journal: 'delete', version: SCHEMA_VERSION });
    expect(readdirSync(join(out, '..'))).toEqual(['kopia.sqlite']); // no temp file, no -wal beside the copy

    const safety = restoreFrom(file, out);
    expect(rowsIn(file)).toEqual(before);
    expect(safety).toMatch(/backups[/\\]minnes-before-restore-.+\.sqlite$/);
    expect(rowsIn(safety!)).toEqual(after);
    const reopened = openStore(file);
    expect(loadDocument(reopened, (before[0] as { id: string }).id).metadata.place).toBe('Rosenbad');
    reopened.close();
  });

  it('refuses to write the backup over the database itself, or into a missing folder', async () => {
    const file = storeWithDocs(tmp());
    const db = openStore(file);
    await expect(backupTo(db, file)).rejects.toThrow(/själva databasen/);
    await expect(backupTo(db, join(tmp(), 'saknas', 'x.sqlite'))).rejects.toMatchObject({ code: 'no_folder' });
    db.close();
  });

  it.each([
    ['a damaged backup', 'damaged', /är skadad\. Databasen har inte ändrats\.$/],
    ['a file that is not SQLite', 'text', /inte SQLite\)\. Databasen har inte ändrats\.$/],
    ['a backup from a newer Minnes', 'newer', /nyare version av Minnes .* Databasen har inte ändrats\.$/],
    ['a SQLite file that is not Minnes', 'foreign', /ingen Minnes-databas\. Databasen har inte ändrats\.$/],
    ['a missing file', 'missing', /finns inte eller är ingen fil\. Databasen har inte ändrats\.$/],
  ])('refuses %s and leaves the database byte-identical', async (_label, kind, message) => {
    const dir = tmp();
    const file = storeWithDocs(dir);
    const bad = join(tmp(), 'bad.sqlite');
    if (kind === 'damaged') {
      const db = openStore(file);
      await backupTo(db, bad);
      db.close();
      const bytes = readFileSync(bad);
      // Garbage over the pages after the schema page: the header is fine, the content is not.
      for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 131) % 251;
      writeFileSync(bad, bytes);
    } else if (kind === 'text') {
      writeFileSync(bad, 'Minnesanteckningar, men inte en databas.\n');
    } else if (kind === 'newer' || kind === 'foreign') {
      const raw = new Database(bad);
      raw.exec('CREATE TABLE documents (id TEXT)');
      raw.pragma(`user_version = ${kind === 'newer' ? SCHEMA_VERSION + 1 : 0}`);
      raw.close();
    }
    const original = readFileSync(file);
    const e = errorOf(() => restoreFrom(file, bad));
    expect(isMinnesError(e)).toBe(true);
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(message);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(false); // no safety copy either: nothing was started
  });

  it('refuses to restore while something holds the database open (its work would be lost)', async () => {
    const file = storeWithDocs(tmp());
    const holder = openStore(file);
    const out = join(tmp(), 'kopia.sqlite');
    await backupTo(holder, out);
    const before = rows(holder);
    expect(errorOf(() => restoreFrom(file, out))).toMatchObject({ code: 'database_in_use' });
    expect(rows(holder)).toEqual(before);
    holder.close();
  });
});

describe('automatic backups', () => {
  it('makes at most one a day and keeps the newest seven, deleting only its own pattern', async () => {
    const file = storeWithDocs(tmp());
    const dir = join(file, '..', 'backups');
    const db = openStore(file);
    const made: Array<string | null> = [];
    for (let day = 1; day <= 10; day++) {
      const now = new Date(2026, 5, day, 9, 0);
      made.push(await autoBackup(db, file, { now }));
      if (day === 3) {
        expect(await autoBackup(db, file, { now: new Date(2026, 5, 3, 17, 0) })).toBeNull();
        writeFileSync(join(dir, 'anteckning.txt'), 'rör inte');
        writeFileSync(join(dir, 'minnes-before-migration-v1-2026-06-03T09-00-00Z.sqlite'), 'rör inte');
      }
    }
    db.close();
    expect(made.every((p) => p !== null)).toBe(true);
    const daily = readdirSync(dir)
      .filter((n) => /^minnes-\d{4}-\d{2}-\d{2}\.sqlite$/.test(n))
      .sort();
    expect(daily).toEqual(['04', '05', '06', '07', '08', '09', '10'].map((d) => `minnes-2026-06-${d}.sqlite`));
    expect(existsSync(join(dir, 'anteckning.txt'))).toBe(true);
    expect(existsSync(join(dir, 'minnes-before-migration-v1-2026-06-03T09-00-00Z.sqlite'))).toBe(true);
    expect(check(join(dir, 'minnes-2026-06-10.sqlite')).integrity).toBe('ok');

    const listed = listBackups(file);
    expect(listed.map((b) => b.name)).toHaveLength(8);
    expect(listed[0]).toMatchObject({ name: 'minnes-2026-06-10.sqlite', path: join(dir, 'minnes-2026-06-10.sqlite') });
    expect(listed[0]!.size).toBeGreaterThan(0);
    const times = listed.map((b) => b.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('lists nothing when there is no backups folder', () => {
    expect(listBackups(join(tmp(), 'minnes.sqlite'))).toEqual([]);
  });
});

describe('backup before migration', () => {
  /** A database as the first Minnes release left it: only migration 1 applied, one document. */
  function v1Database(file: string): void {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrations[0]!(db);
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO documents (id, title, created_at, updated_at, content) VALUES ('d1', 'Gammalt möte', 'x', 'x', NULL)`).run();
    db.close();
  }

  it('saves the original, unmigrated, before openStore migrates it', () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    v1Database(file);
    const db = openStore(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const copies = readdirSync(join(dir, 'backups'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^minnes-before-migration-v1-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/);
    const copy = join(dir, 'backups', copies[0]!);
    expect(check(copy)).toMatchObject({ integrity: 'ok', version: 1 });
    const raw = new Database(copy, { readonly: true });
    expect(raw.prepare(`SELECT name FROM sqlite_schema WHERE name = 'templates'`).get()).toBeUndefined();
    expect(raw.prepare('SELECT title FROM documents').all()).toEqual([{ title: 'Gammalt möte' }]);
    raw.close();
  });

  it('copies nothing for a new database, a current one, or a missing file', () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    openStore(file).close();
    openStore(file).close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(backupBeforeMigration(join(dir, 'saknas.sqlite'), 1)).toBeNull();
    expect(backupBeforeMigration(file, SCHEMA_VERSION)).toBeNull();
  });
});

describe('minnes backup', () => {
  function io(cwd: string) {
    const out = { stdout: '', stderr: '' };
    const cli: CliIo = { stdout: (s) => (out.stdout += s), stderr: (s) => (out.stderr += s), env: {}, cwd };
    return { cli, out };
  }

  it('--out writes a sound copy and exits 0', async () => {
    const file = storeWithDocs(tmp());
    const cwd = tmp();
    const { cli } = io(cwd);
    expect(await backupCommand(['--out', 'kopia.sqlite', '--db', file], cli)).toBe(0);
    expect(check(join(cwd, 'kopia.sqlite')).integrity).toBe('ok');
    expect(rowsIn(join(cwd, 'kopia.sqlite'))).toEqual(rowsIn(file));
  });

  it('--out into a missing folder fails with one clear line (exit 1 in runCli) and writes nothing', async () => {
    const file = storeWithDocs(tmp());
    const cwd = tmp();
    const e = await backupCommand(['--out', 'saknas/kopia.sqlite', '--db', file], io(cwd).cli).catch((x: unknown) => x);
    expect(isMinnesError(e)).toBe(true);
    expect((e as Error).message).toMatch(/^Mappen .*saknas finns inte\.$/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--restore puts a backup back and says where the replaced database went', async () => {
    const file = storeWithDocs(tmp());
    const cwd = tmp();
    const { cli, out } = io(cwd);
    await backupCommand(['--out', 'kopia.sqlite', '--db', file], cli);
    const before = rowsIn(file);
    const db = openStore(file);
    createFromTemplate(db, 'samrad', {});
    db.close();
    expect(await backupCommand(['--restore', 'kopia.sqlite', '--db', file], cli)).toBe(0);
    expect(rowsIn(file)).toEqual(before);
    expect(out.stdout).toMatch(/^Återställd\. Den tidigare databasen finns kvar i .*minnes-before-restore-.*\.sqlite\n$/);
  });

  it('wrong usage is a usage error', async () => {
    await expect(backupCommand([], io(tmp()).cli)).rejects.toThrow(/--out <file> or --restore <file>/);
    await expect(backupCommand(['--out', 'a', '--restore', 'b'], io(tmp()).cli)).rejects.toThrow(/either/);
  });
});
