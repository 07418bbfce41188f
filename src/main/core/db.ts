import { accessSync, closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backupBeforeMigration } from './backup';
import { MinnesError, msg, userError } from './errors';
import { migrations, SCHEMA_VERSION } from './migrations';
import { identifyStore } from './store/identify';
import { beginSession, staleSessions } from './store/sessions';
import { isFolder, notMinnes, openError, readOnlyFolder } from './store/open-errors';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path to a better_sqlite3.node built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
};

const SQLITE_MAGIC = 'SQLite format 3\0';

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw openError(e, file);
  }
}

/** Reads the 16-byte header without opening the file as a database, so a foreign file is never touched. */
function assertLooksLikeSqlite(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw openError(e, file);
  }
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    if (n < 16 || buf.toString('latin1') !== SQLITE_MAGIC) throw notMinnes(file, msg('errors.store.notMinnes.notSqlite'));
  } catch (e) {
    throw openError(e, file);
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
    const detail = e instanceof Error ? e.message : String(e);
    if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(detail)) {
      throw userError('native_module_mismatch', 'errors.store.nativeMismatch');
    }
    throw openError(e, file);
  }
}

function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQLite needs to write the file and, for its WAL and journal, the folder; both are checked up front. */
function assertWritable(file: string, exists: boolean): void {
  try {
    accessSync(dirname(file), constants.W_OK);
    if (exists) accessSync(file, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw readOnlyFolder(file);
    throw openError(e, file);
  }
}

/**
 * Refuses what Minnes must not write to — a file of another program, one from a newer Minnes, a
 * damaged one, one whose schema does not match its version — before anything can write to it: the
 * checks run on a read-only connection, so the file stays byte-identical (not even switched to WAL).
 * `check` adds the whole-file check (after an unclean shutdown; see store/sessions). Returns the
 * schema version found (0 for a new file).
 */
function inspectExisting(file: string, opts: OpenOptions, check: boolean): number {
  const st = statOrNull(file);
  if (st?.isDirectory()) throw isFolder(file);
  if (!st || st.size === 0) {
    assertWritable(file, st !== null);
    return 0;
  }
  assertLooksLikeSqlite(file);
  let ro: Db | undefined;
  try {
    ro = construct(file, { ...opts, readonly: true });
    const { version } = identifyStore(ro, file, opts, { check });
    assertWritable(file, true);
    return version;
  } catch (e) {
    // A WAL database cannot even be read where its -shm file cannot be made: that is the folder's
    // fault, not the file's. What identifyStore decided (foreign, damaged, …) stands as it is.
    if (!(e instanceof MinnesError) || e.code === 'cannot_open') assertWritable(file, true);
    throw openError(e, file);
  } finally {
    ro?.close();
  }
}

/** Applies every pending migration in one transaction: all or nothing. */
export function migrate(db: Db): void {
  const current = readUserVersion(db);
  if (current > SCHEMA_VERSION) {
    throw userError('database_too_new', 'errors.store.tooNewShort');
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) migrations[v]?.(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const stale = staleSessions(file);
  const version = inspectExisting(file, opts, stale.length > 0);
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
    throw openError(e, file);
  }
  const endSession = beginSession(file, stale);
  const close = db.close.bind(db);
  db.close = () => {
    close();
    endSession();
    return db;
  };
  return db;
}
