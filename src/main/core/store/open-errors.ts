import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { MinnesError } from '../errors';

/**
 * Why a database could not be opened (or first written), in one Swedish line that names the file
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
      return new MinnesError(
        'disk_full',
        `Disken är full: ${file} kan inte öppnas eller sparas. Det som redan var sparat finns kvar; frigör utrymme och försök igen.`,
      );
    case 'SQLITE_IOERR':
    case 'EIO':
      return new MinnesError(
        'io_error',
        `Databasen kunde inte läsas eller skrivas (fel på disken eller nätverksenheten): ${file}. Det som redan var sparat finns kvar.`,
      );
    case 'EISDIR':
      return isFolder(file);
    case 'ENOTDIR':
    case 'EEXIST':
      return new MinnesError('not_a_folder', `En del av sökvägen till databasen är en fil, inte en mapp: ${file}.`);
    case 'ENOENT':
      return new MinnesError('cannot_open', `Mappen för databasen finns inte: ${dirname(file)}.`);
    case 'SQLITE_CANTOPEN':
      return new MinnesError('cannot_open', `Databasen kan inte öppnas: ${file} (finns mappen, och får du läsa och skriva där?).`);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new MinnesError('database_busy', `Databasen används av ett annat program just nu: ${file}. Försök igen om en stund.`);
    case 'SQLITE_NOTADB':
      return notMinnes(file, 'inte en SQLite-databas');
    case 'SQLITE_CORRUPT':
      return damaged(file);
    default:
      return new MinnesError('cannot_open', `Databasen ${file} kunde inte öppnas (${e instanceof Error ? e.message : String(e)}).`);
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
  return new MinnesError(
    'read_only',
    `Databasen ligger i en mapp som inte går att skriva i: ${dirname(file)}. Inget har ändrats; flytta den eller ge skrivrättighet.`,
  );
}

export function isFolder(file: string): MinnesError {
  return new MinnesError('is_folder', `Databasen pekar på en mapp, inte en fil: ${file}.`);
}

export function notMinnes(file: string, why: string): MinnesError {
  return new MinnesError('not_a_database', `Filen ${file} är inte en Minnes-databas (${why}). Den har inte ändrats.`);
}

export function damaged(file: string): MinnesError {
  return new MinnesError(
    'database_corrupt',
    `Databasen ${file} är skadad. Den har inte ändrats; återställ den från en säkerhetskopia (minnes backup --restore <fil>).`,
  );
}
