import { MinnesError } from './errors';

/**
 * SQLite failures the user can understand and often fix (a full disk, a write-protected folder,
 * a damaged file), turned into one clear Swedish line. Everything else stays a bug (null), so
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
      return new MinnesError(
        'disk_full',
        'Det finns inte plats på disken, så ändringen kunde inte sparas. Det som redan var sparat finns kvar. Frigör utrymme och försök igen.',
      );
    case 'SQLITE_IOERR':
      return new MinnesError(
        'io_error',
        'Databasen kunde inte läsas eller skrivas (fel på disken eller nätverksenheten). Det som redan var sparat finns kvar. Försök igen.',
      );
    case 'SQLITE_READONLY':
      return new MinnesError('read_only', 'Databasen är skrivskyddad (filen eller mappen går inte att skriva i). Inget har sparats.');
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new MinnesError(
        'database_corrupt',
        'Databasen är skadad. Inget har ändrats; återställ den från en säkerhetskopia (minnes backup --restore <fil>).',
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new MinnesError('database_busy', 'Databasen används av ett annat program just nu. Försök igen om en stund.');
    case 'SQLITE_CANTOPEN':
      return new MinnesError('cannot_open', 'Databasen kan inte öppnas (finns mappen, och får du skriva där?).');
    default:
      return null;
  }
}
