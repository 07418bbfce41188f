import { MinnesError, userError } from './errors';

/**
 * SQLite failures the user can understand and often fix (a full disk, a write-protected folder,
 * a damaged file), turned into one clear line (Swedish, and a catalogue key for the UI's language). Everything else stays a bug (null), so
 * constraint violations and the like are still logged as internal errors.
 *
 * Duck-typed on better-sqlite3's `SqliteError.code` (e.g. SQLITE_IOERR_WRITE) so that this module
 * does not load the native driver and can be used wherever errors are reported.
 */
export function explainSqliteError(e: unknown): MinnesError | null {
  if (e instanceof MinnesError) return e;
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  // Extended codes (SQLITE_IOERR_FSYNC, SQLITE_READONLY_DBMOVED, …) share their primary code's meaning.
  const primary = code.match(/^SQLITE_[A-Z]+/)?.[0];
  switch (primary) {
    case 'SQLITE_FULL':
      return userError('disk_full', 'errors.sqlite.diskFull');
    case 'SQLITE_IOERR':
      return userError('io_error', 'errors.sqlite.ioError');
    case 'SQLITE_READONLY':
      return userError('read_only', 'errors.sqlite.readOnly');
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return userError('database_corrupt', 'errors.sqlite.corrupt');
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return userError('database_busy', 'errors.sqlite.busy');
    case 'SQLITE_CANTOPEN':
      return userError('cannot_open', 'errors.sqlite.cantOpen');
    default:
      return null;
  }
}
