import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Db, OpenOptions } from './db';
import { userError, type MinnesError } from './errors';
import { explainSqliteError } from './sqlite-errors';

/** File-level helpers for backup.ts: temp names, fsync, one-line errors, and SQLite snapshots of a file. */

const SQLITE_MAGIC = 'SQLite format 3\0';

export function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

export function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** One clear line for whatever went wrong while writing `name`; a known MinnesError passes through. */
export function explain(e: unknown, name: string): MinnesError {
  const sqlite = explainSqliteError(e);
  if (sqlite) return sqlite;
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return userError('disk_full', 'errors.backup.diskFull', { name });
    case 'ENOENT':
    case 'ENOTDIR':
      return userError('no_folder', 'errors.file.noFolder', { name });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return userError('no_permission', 'errors.file.noPermission', { name });
    default:
      return userError('backup_failed', 'errors.backup.writeFailed', { name, detail: e instanceof Error ? e.message : String(e) });
  }
}

export function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable where the platform allows it (not on Windows; the data itself is already synced). */
export function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir, 'r');
  } catch {
    /* best effort */
  }
}

export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

export function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export function openReadOnly(file: string, opts: OpenOptions): Db {
  return new Database(file, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
}

/**
 * A consistent one-file copy of the database at `src` (including what is still only in its WAL),
 * made by SQLite (VACUUM INTO). A damaged database cannot be vacuumed: then its raw bytes and WAL
 * are kept instead, because a damaged original is still worth more than none.
 */
export function snapshot(src: string, dest: string, opts: OpenOptions): void {
  const tmp = tempBeside(dest);
  try {
    const ro = openReadOnly(src, opts);
    try {
      ro.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      ro.close();
    }
  } catch {
    removeWithSidecars(tmp);
    try {
      copyFileSync(src, tmp);
      if (existsSync(`${src}-wal`)) copyFileSync(`${src}-wal`, `${dest}-wal`);
    } catch (e) {
      removeWithSidecars(tmp);
      rmSync(`${dest}-wal`, { force: true });
      throw explain(e, basename(dest));
    }
  }
  try {
    fsyncPath(tmp, 'r+');
    renameSync(tmp, dest);
  } catch (e) {
    removeWithSidecars(tmp);
    throw explain(e, basename(dest));
  }
  fsyncDir(dirname(dest));
}
