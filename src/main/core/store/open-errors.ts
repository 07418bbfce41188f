import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MessageText } from '../../../shared/i18n/format';
import { MinnesError, msg, userError } from '../errors';

/**
 * Why a database could not be opened (or first written), in one line that names the file
 * and never suggests that a sound database is damaged or foreign: a user told that may delete it.
 * SQLite's codes and the file system's errno mean the same things here, so both are mapped.
 */
export function openError(e: unknown, file: string): MinnesError {
  if (e instanceof MinnesError) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  // Extended codes (SQLITE_IOERR_SHMSIZE, SQLITE_READONLY_DBMOVED, …) share their primary code's meaning.
  let primary = code.match(/^SQLITE_[A-Z]+/)?.[0] ?? code;
  // SQLite reports a full disk met while making its WAL index or journal as an I/O error; the
  // free space tells which it was.
  if ((primary === 'SQLITE_IOERR' || primary === 'SQLITE_CANTOPEN' || primary === 'EIO') && diskFull(dirname(file))) primary = 'ENOSPC';
  switch (primary) {
    case 'SQLITE_READONLY':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return readOnlyFolder(file);
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return userError('disk_full', 'errors.store.diskFull', { file });
    case 'SQLITE_IOERR':
    case 'EIO':
      return userError('io_error', 'errors.store.ioError', { file });
    case 'EISDIR':
      return isFolder(file);
    case 'ENOTDIR':
    case 'EEXIST':
      return userError('not_a_folder', 'errors.store.notAFolder', { file });
    case 'ENOENT':
      return userError('cannot_open', 'errors.store.noFolder', { folder: dirname(file) });
    case 'SQLITE_CANTOPEN':
      return userError('cannot_open', 'errors.store.cantOpen', { file });
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return userError('database_busy', 'errors.store.busy', { file });
    case 'SQLITE_NOTADB':
      return notMinnes(file, msg('errors.store.notMinnes.notSqliteDatabase'));
    case 'SQLITE_CORRUPT':
      return damaged(file);
    default:
      return userError('cannot_open', 'errors.store.openFailed', { file, detail: e instanceof Error ? e.message : String(e) });
  }
}

/** Less than a page of room for the WAL index (32 KB) and a few pages: nothing more can be written. */
function diskFull(dir: string): boolean {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize < 256 * 1024;
  } catch {
    return false;
  }
}

export function readOnlyFolder(file: string): MinnesError {
  return userError('read_only', 'errors.store.readOnlyFolder', { folder: dirname(file) });
}

export function isFolder(file: string): MinnesError {
  return userError('is_folder', 'errors.store.isFolder', { file });
}

/** `why` is one of errors.store.notMinnes.*. */
export function notMinnes(file: string, why: MessageText): MinnesError {
  return userError('not_a_database', 'errors.store.notMinnes', { file, why });
}

export function damaged(file: string): ReturnType<typeof userError> {
  return userError('database_corrupt', 'errors.store.damaged', { file });
}
