import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  explain,
  fsyncDir,
  fsyncPath,
  hasSqliteHeader,
  openReadOnly,
  removeWithSidecars,
  sameFile,
  snapshot,
  tempBeside,
} from './backup-files';
import type { Db, OpenOptions } from './db';
import { MinnesError, reasonOf, userError } from './errors';
import { SCHEMA_VERSION } from './migrations';
import { identifyStore } from './store/identify';

/**
 * Backups (DESIGN, decision 3): copies made with SQLite itself, so a copy is always a consistent
 * database, and only ever put in place whole (decision 8: temp file, fsync, rename).
 */

export type BackupInfo = { path: string; name: string; createdAt: string; size: number };

const DAILY = /^minnes-\d{4}-\d{2}-\d{2}\.sqlite$/;
const ANY_BACKUP = /^minnes-.+\.sqlite$/;
const BEFORE_MIGRATION = /^minnes-before-migration-v\d+-.+\.sqlite$/;
export const KEEP_BEFORE_MIGRATION = 3;

/** The automatic copies live next to the database, so they move with it. */
export function backupsDir(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups');
}

function assertTarget(target: string, dbFile: string): void {
  const name = basename(target);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw userError('no_folder', 'errors.backup.noFolder', { folder: dir });
  if (existsSync(target) && statSync(target).isDirectory()) throw userError('is_folder', 'errors.file.isFolder', { name });
  if (sameFile(target, dbFile)) throw userError('bad_target', 'errors.backup.overDatabase');
}

/**
 * Copies the open database to `file` with SQLite's online backup API (the app may keep working
 * meanwhile). The copy is checked before it replaces anything at `file`; on any failure nothing
 * is left behind.
 */
export async function backupTo(db: Db, file: string): Promise<void> {
  const target = resolve(file);
  const name = basename(target);
  assertTarget(target, db.name);
  const tmp = tempBeside(target);
  const alias = `minnes_copy_${randomBytes(4).toString('hex')}`;
  let attached = false;
  try {
    await db.backup(tmp);
    // Checked through the same connection, so this also works where the driver needs a special native
    // binding (Electron). The copy inherits WAL mode; a backup must be one self-contained file.
    db.prepare(`ATTACH DATABASE ? AS ${alias}`).run(tmp);
    attached = true;
    db.pragma(`${alias}.journal_mode = DELETE`);
    const check: unknown = db.pragma(`${alias}.integrity_check`, { simple: true });
    db.exec(`DETACH DATABASE ${alias}`);
    attached = false;
    if (check !== 'ok') {
      throw userError('backup_failed', 'errors.backup.notSound', { detail: String(check) });
    }
    fsyncPath(tmp, 'r+');
    renameSync(tmp, target);
  } catch (e) {
    if (attached) db.exec(`DETACH DATABASE ${alias}`);
    removeWithSidecars(tmp);
    throw explain(e, name);
  }
  fsyncDir(dirname(target));
}

function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A file-name-safe UTC timestamp, e.g. 2026-06-09T08-15-00Z. */
function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

function uniquePath(path: string): string {
  let candidate = path;
  for (let i = 2; existsSync(candidate); i++) candidate = path.replace(/\.sqlite$/, `-${i}.sqlite`);
  return candidate;
}

function ensureBackupsDir(dbPath: string): string {
  const dir = backupsDir(dbPath);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw explain(e, 'backups');
  }
  return dir;
}

/**
 * At most one automatic copy a day (`backups/minnes-YYYY-MM-DD.sqlite`, local date), keeping the
 * newest `keep` (7). Only files of exactly that pattern are ever deleted. Returns the new copy, or
 * null when today's already exists.
 */
export async function autoBackup(db: Db, dbPath: string, opts: { now?: Date; keep?: number } = {}): Promise<string | null> {
  const dir = ensureBackupsDir(dbPath);
  const target = join(dir, `minnes-${localDay(opts.now ?? new Date())}.sqlite`);
  const made = existsSync(target) ? null : target;
  if (made) await backupTo(db, made);
  // ISO dates sort as text; at least today's copy is always kept.
  const daily = readdirSync(dir)
    .filter((n) => DAILY.test(n))
    .sort()
    .reverse();
  for (const old of daily.slice(Math.max(1, opts.keep ?? 7))) rmSync(join(dir, old), { force: true });
  return made;
}

/**
 * Saves the database as it is before a schema migration changes it, to
 * `backups/minnes-before-migration-v<from>-<time>.sqlite`. Called by openDatabase; if no copy can
 * be made the migration does not run. Returns the copy, or null when there is nothing to migrate.
 */
export function backupBeforeMigration(dbPath: string, fromVersion: number, opts: OpenOptions = {}): string | null {
  if (!(fromVersion > 0 && fromVersion < SCHEMA_VERSION) || !existsSync(dbPath)) return null;
  const dest = uniquePath(join(ensureBackupsDir(dbPath), `minnes-before-migration-v${fromVersion}-${stamp(new Date())}.sqlite`));
  try {
    snapshot(dbPath, dest, opts);
  } catch (e) {
    throw userError('backup_failed', 'errors.backup.beforeMigration', { reason: reasonOf(e) });
  }
  pruneBeforeMigration(dirname(dest), dest);
  return dest;
}

/**
 * Keeps the newest KEEP_BEFORE_MIGRATION copies: a database that keeps failing to open must not
 * fill the disk with copies of itself. The one just made is always kept.
 */
function pruneBeforeMigration(dir: string, made: string): void {
  const copies = readdirSync(dir)
    .filter((n) => BEFORE_MIGRATION.test(n))
    .map((n) => ({ path: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => (a.path === made ? -1 : b.path === made ? 1 : b.mtime - a.mtime || b.path.localeCompare(a.path)));
  for (const old of copies.slice(KEEP_BEFORE_MIGRATION)) removeWithSidecars(old.path);
}

/** Every backup next to the database (automatic, before migration, before restore), newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => ANY_BACKUP.test(n))
    .flatMap((name) => {
      const path = join(dir, name);
      const st = statSync(path);
      return st.isFile() ? [{ path, name, createdAt: st.mtime.toISOString(), size: st.size }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Why a would-be backup is refused; each message names the file. */
type BadBackup =
  | 'errors.backup.missing'
  | 'errors.backup.notSqlite'
  | 'errors.backup.cantOpen'
  | 'errors.backup.damaged'
  | 'errors.backup.schemaMismatch'
  | 'errors.backup.notMinnes';

/** Opens a would-be backup read-only and refuses anything that is not a sound Minnes database this version can read. */
function openVerifiedBackup(file: string, opts: OpenOptions): Db {
  const name = basename(file);
  const bad = (why: BadBackup) => userError('bad_backup', why, { name });
  if (!existsSync(file) || !statSync(file).isFile()) throw bad('errors.backup.missing');
  if (!hasSqliteHeader(file)) throw bad('errors.backup.notSqlite');
  let ro: Db;
  try {
    ro = openReadOnly(file, opts);
  } catch {
    throw bad('errors.backup.cantOpen');
  }
  try {
    let check: unknown;
    try {
      check = ro.pragma('integrity_check', { simple: true });
    } catch {
      check = 'unreadable';
    }
    if (check !== 'ok') throw bad('errors.backup.damaged');
    let found: { version: number; empty: boolean };
    try {
      // Also dry-runs the pending migrations on an in-memory copy: a copy they would fail on is
      // refused here, not after it has replaced a working database.
      found = identifyStore(ro, file, opts, { check: false, schema: true }); // integrity_check just ran
    } catch (e) {
      const code = e instanceof MinnesError ? e.code : '';
      if (code === 'database_too_new') {
        const version = ro.pragma('user_version', { simple: true }) as number;
        throw userError('backup_too_new', 'errors.backup.tooNew', { name, version: String(version), supported: String(SCHEMA_VERSION) });
      }
      if (code === 'database_corrupt') throw bad('errors.backup.damaged');
      if (code === 'schema_mismatch') throw bad('errors.backup.schemaMismatch');
      throw bad('errors.backup.notMinnes');
    }
    if (found.empty) throw bad('errors.backup.notMinnes');
    return ro;
  } catch (e) {
    ro.close();
    throw e;
  }
}

/**
 * Folds the WAL of the current database into the file, so that removing the WAL loses nothing.
 * Our connection is then the last one, and closing it removes the WAL; if the WAL is still there,
 * someone else (the app) has the database open and replacing it now would lose their work.
 */
function releaseCurrent(dbPath: string, opts: OpenOptions): void {
  if (!existsSync(`${dbPath}-wal`)) return;
  try {
    const db = new Database(dbPath, { fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    return; // a damaged database: its WAL is kept raw in the safety copy
  }
  if (existsSync(`${dbPath}-wal`)) {
    throw userError('database_in_use', 'errors.backup.inUse');
  }
}

/**
 * The slow half of a restore, safe to run while the app keeps its connection (a worker does it):
 * verifies the backup and copies it, by SQLite from the verified connection (WAL included), to a
 * temporary file beside the database. Returns that file for `swapInRestore`; the database is untouched.
 */
export function stageRestore(dbPath: string, backupFile: string, opts: OpenOptions = {}, tmp = tempBeside(resolve(dbPath))): string {
  const target = resolve(dbPath);
  const source = resolve(backupFile);
  if (sameFile(target, source)) throw userError('bad_backup', 'errors.backup.isDatabase');
  const ro = openVerifiedBackup(source, opts);
  try {
    mkdirSync(dirname(target), { recursive: true });
    ro.prepare('VACUUM INTO ?').run(tmp);
    fsyncPath(tmp, 'r+');
    return tmp;
  } catch (e) {
    removeWithSidecars(tmp);
    throw explain(e, basename(target));
  } finally {
    ro.close();
  }
}

/** Where a restore of `dbPath` is staged; the caller names it so that it can clean up after a cancelled job. */
export function stagingFile(dbPath: string): string {
  return tempBeside(resolve(dbPath));
}

/** Drops a staged copy that will not be used (the job was cancelled or failed). */
export function discardStaged(staged: string): void {
  removeWithSidecars(staged);
}

/**
 * The quick half, for when nothing holds the database open: the current database is saved to
 * `backups/minnes-before-restore-<time>.sqlite` and replaced by the staged copy in one rename.
 * Returns that safety copy (null when there was no database).
 */
export function swapInRestore(dbPath: string, staged: string, opts: OpenOptions = {}): string | null {
  const target = resolve(dbPath);
  let safety: string | null = null;
  try {
    if (existsSync(target)) {
      releaseCurrent(target, opts);
      safety = uniquePath(join(ensureBackupsDir(target), `minnes-before-restore-${stamp(new Date())}.sqlite`));
      snapshot(target, safety, opts);
    }
    // A WAL or shared-memory file left beside the new database would be read as part of it.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(staged, target);
  } catch (e) {
    removeWithSidecars(staged);
    throw explain(e, basename(target));
  }
  fsyncDir(dirname(target));
  return safety;
}

/** Replaces the database with a verified backup, in one go: for the CLI, where nothing else holds it. */
export function restoreFrom(dbPath: string, backupFile: string, opts: OpenOptions = {}): string | null {
  return swapInRestore(dbPath, stageRestore(dbPath, backupFile, opts), opts);
}
