import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { backupBeforeMigration } from './backup';
import { MinnesError } from './errors';
import { migrations, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path to a better_sqlite3.node built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
};

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Reads the 16-byte header without opening the file as a database, so a foreign file is never touched. */
function assertLooksLikeSqlite(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    if (n < 16 || buf.toString('latin1') !== SQLITE_MAGIC) {
      throw new MinnesError('not_a_database', `Filen ${file} är inte en Minnes-databas (inte SQLite). Den har inte ändrats.`);
    }
  } finally {
    closeSync(fd);
  }
}

function construct(file: string, opts: OpenOptions & { readonly?: boolean }): Db {
  try {
    return new Database(file, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(msg)) {
      throw new MinnesError(
        'native_module_mismatch',
        'better-sqlite3 är byggd för en annan körmiljö (Electron eller Node). Kör "npm rebuild better-sqlite3" för Node, eller "npm start" för appen.',
      );
    }
    if (/file is not a database|SQLITE_NOTADB/i.test(msg)) {
      throw new MinnesError('not_a_database', `Filen ${file} är inte en Minnes-databas. Den har inte ändrats.`);
    }
    if (/unable to open|SQLITE_CANTOPEN|directory does not exist/i.test(msg)) {
      throw new MinnesError('cannot_open', `Databasen ${file} kan inte öppnas (finns mappen, och får du skriva där?).`);
    }
    throw e;
  }
}

function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses a database written by a newer Minnes, or a damaged one, before anything can write to it:
 * the checks run on a read-only connection, so the file stays byte-identical. quick_check reads every
 * page (about 30 ms for 36 MB), which is cheap next to saving into a broken file and making it worse.
 * Returns the schema version found (0 for a new file), so that a pending migration can be backed up first.
 */
function inspectExisting(file: string, opts: OpenOptions): number {
  if (!existsSync(file) || statSync(file).size === 0) return 0;
  const ro = construct(file, { ...opts, readonly: true });
  try {
    const v = readUserVersion(ro);
    if (v > SCHEMA_VERSION) {
      throw new MinnesError(
        'database_too_new',
        `Databasen ${file} kommer från en nyare version av Minnes (schema ${v}, den här versionen kan ${SCHEMA_VERSION}). Uppdatera Minnes; filen har inte ändrats.`,
      );
    }
    if (ro.pragma('quick_check(1)', { simple: true }) !== 'ok') throw damaged(file);
    return v;
  } catch (e) {
    if (e instanceof MinnesError) throw e;
    if (/^SQLITE_CORRUPT/.test(String((e as { code?: unknown }).code))) throw damaged(file);
    throw new MinnesError('not_a_database', `Filen ${file} är inte en läsbar Minnes-databas. Den har inte ändrats.`);
  } finally {
    ro.close();
  }
}

function damaged(file: string): MinnesError {
  return new MinnesError(
    'database_corrupt',
    `Databasen ${file} är skadad. Den har inte ändrats; återställ den från en säkerhetskopia (minnes backup --restore <fil>).`,
  );
}

/** Applies every pending migration in one transaction: all or nothing. */
export function migrate(db: Db): void {
  const current = readUserVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new MinnesError('database_too_new', 'Databasen kommer från en nyare version av Minnes.');
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) migrations[v]?.(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  assertLooksLikeSqlite(file);
  const version = inspectExisting(file, opts);
  const db = construct(file, opts);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The original is saved before a migration touches it (nothing to save for a new or current file).
    if (version > 0 && version < SCHEMA_VERSION) backupBeforeMigration(file, version, opts);
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
