import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../src/shared/contract';
import { runCli } from '../src/main/cli/main';
import type { CliIo } from '../src/main/cli/io';
import { backupTo } from '../src/main/core/backup';
import { dispatch } from '../src/main/core/dispatch';
import { loadDocument, saveDocument } from '../src/main/core/document-store';
import { isMinnesError } from '../src/main/core/errors';
import { writeFileAtomic } from '../src/main/core/files/atomic-write';
import { SCHEMA_VERSION } from '../src/main/core/migrations';
import { createFromTemplate } from '../src/main/core/new-document';
import { explainSqliteError } from '../src/main/core/sqlite-errors';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');

async function run(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, cwd };
  return { code: await runCli(args, io), stdout, stderr };
}

function storeWithDoc(file: string): string {
  const db = openStore(file);
  const doc = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Demokrati' });
  db.close();
  return doc.id;
}

function integrity(db: Database.Database): unknown {
  return db.pragma('integrity_check', { simple: true });
}

// Damaged pages: test/store-open-check.test.ts (found at open after a crash, or by the first read).
describe('a newer or foreign database', () => {
  function newer(file: string): void {
    const raw = new Database(file);
    raw.exec('CREATE TABLE documents (id TEXT)');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    raw.close();
  }

  it.each([
    ['a newer version', newer, /nyare version av Minnes/],
    ['not SQLite', (f: string) => writeFileSync(f, 'Minnesanteckningar\n'.repeat(500)), /inte en Minnes-databas/],
  ])('%s: openStore and the CLI say so in one line and leave the file byte-identical', async (_label, make, message) => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    make(file);
    const before = readFileSync(file);
    const listing = readdirSync(dir).sort();

    expect(() => openStore(file)).toThrow(message);
    const r = await run(dir, 'list', '--db', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);

    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});

/**
 * "Disk full": a 4 MB tmpfs filled to the last page (mounting works as root, as tests and CI run).
 * Where it cannot be mounted, the same code paths are driven by a write that fails differently:
 * a missing folder (ENOENT) for files, and max_page_count (SQLITE_FULL) for the database.
 * (Not a path under a regular file: writeFileAtomic's cleanup then throws ENOTDIR itself, unexplained.)
 */
describe('a write that fails (disk full)', () => {
  let disk = '';
  let mounted = false;

  beforeAll(() => {
    disk = mkdtempSync(join(tmpdir(), 'minnes-full-'));
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  /** Fills the tmpfs until ENOSPC; returns how to give the space back. */
  function fill(): () => void {
    const filler = join(disk, 'filler');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024, 0x55);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    } finally {
      closeSync(fd);
    }
    return () => rmSync(filler);
  }

  /**
   * A target whose write will fail, with an old version already there (on the tmpfs). `attempt`
   * runs while the disk is full; afterwards the old file must be unchanged and nothing else left.
   */
  async function failingWrite(name: string, attempt: (target: string) => Promise<void> | void): Promise<void> {
    if (!mounted) {
      const dir = tmp();
      await attempt(join(dir, 'saknas', name));
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    const target = join(disk, name);
    writeFileSync(target, 'den tidigare versionen');
    const release = fill();
    try {
      await attempt(target);
    } finally {
      release();
    }
    expect(readFileSync(target, 'utf8')).toBe('den tidigare versionen');
    expect(readdirSync(disk)).toEqual([name]); // no temp file, no half file
    rmSync(target);
  }

  const expected = () => (mounted ? /inte plats på disken/ : /finns inte/);

  it('writeFileAtomic throws one clear line and keeps the old file', async () => {
    await failingWrite('utkast.pdf', (target) => {
      let err: unknown;
      try {
        writeFileAtomic(target, Buffer.alloc(1024 * 1024, 1));
      } catch (e) {
        err = e;
      }
      expect(isMinnesError(err)).toBe(true);
      expect((err as Error).message).toMatch(expected());
    });
  });

  it('minnes render and minnes export exit 1 with one line and keep the old file', async () => {
    const work = tmp();
    const dbFile = join(work, 'minnes.sqlite');
    const id = (await run(work, 'import', SEED, '--db', dbFile)).stdout.trim();
    for (const [name, args] of [
      ['render.pdf', ['render', SEED, '--out']],
      ['export.docx', ['export', id, '--db', dbFile, '--out']],
    ] as const) {
      await failingWrite(name, async (target) => {
        const r = await run(work, ...args, target);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(expected());
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      });
    }
  });

  it('backupTo fails clearly and leaves no half backup', async () => {
    const dbFile = join(tmp(), 'minnes.sqlite');
    storeWithDoc(dbFile);
    const db = openStore(dbFile);
    await failingWrite('kopia.sqlite', async (target) => {
      const err: unknown = await backupTo(db, target).catch((e: unknown) => e);
      expect(isMinnesError(err)).toBe(true);
      expect((err as Error).message).toMatch(mounted ? /inte plats på disken/ : /finns inte/);
    });
    db.close();
  });

  it('a save that hits a full disk is refused clearly; the saved content stays and the database is sound', async () => {
    const file = join(mounted ? disk : tmp(), 'minnes.sqlite');
    const id = storeWithDoc(file);
    const db = openStore(file);
    const before = loadDocument(db, id);
    const release = mounted ? fill() : (db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`), () => {});

    // A big paste: far more than the free space (or the page limit).
    const big = structuredClone(before.content);
    const words = Array.from({ length: 30_000 }, (_, i) => `ord${i}`).join(' ');
    big.sections[0]!.state = { root: { ...big.sections[0]!.state.root, children: [] } };
    (big.sections[0]!.state.root.children as unknown[]).push({
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      children: [{ type: 'text', version: 1, text: words, format: 0, detail: 0, mode: 'normal', style: '' }],
    });
    let err: unknown;
    try {
      saveDocument(db, id, { content: big, metadata: { ...before.metadata, theme: 'Aldrig sparad' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeDefined();
    const explained = explainSqliteError(err);
    expect(explained).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/Det som redan var sparat finns kvar/) });

    // The app's gate reports it as that line, not as an internal error.
    const handlers = { appInfo: () => Promise.reject(err) } as unknown as Handlers;
    expect(await dispatch(handlers, 'appInfo', {}, () => {})).toEqual({
      ok: false,
      error: { code: 'disk_full', message: explained!.message, text: { key: 'errors.sqlite.diskFull' } },
    });

    expect(loadDocument(db, id)).toEqual(before);
    expect(integrity(db)).toBe('ok');
    release();
    if (!mounted) db.pragma('max_page_count = 1073741823');
    saveDocument(db, id, { metadata: { ...before.metadata, theme: 'Sparad efteråt' } });
    db.close();

    const again = openStore(file);
    expect(integrity(again)).toBe('ok');
    expect(loadDocument(again, id).metadata.theme).toBe('Sparad efteråt');
    again.close();
    if (mounted) for (const f of readdirSync(disk)) rmSync(join(disk, f));
    expect(existsSync(join(disk, 'filler'))).toBe(false);
  });
});
