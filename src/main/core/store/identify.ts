import Database from 'better-sqlite3';
import type { Db, OpenOptions } from '../db';
import { msg, userError, type MinnesError } from '../errors';
import { MINNES_APPLICATION_ID, migrations, SCHEMA_VERSION } from '../migrations';
import { quickCheckOk } from './integrity';
import { damaged, notMinnes } from './open-errors';

/**
 * Tells a Minnes database from everything else, on a read-only connection, so that nothing that is
 * not ours is ever written: the application id in the header says "Minnes" from schema 7 on; an
 * older Minnes file is recognised by its user_version and tables matching what that version made.
 */

/** The first schema that writes MINNES_APPLICATION_ID. */
const APP_ID_SINCE = 7;

const nativeOpts = (opts: OpenOptions) => (opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});

type Fingerprint = Map<string, string>; // table → its columns, in order

function fingerprint(db: Db, tables?: Iterable<string>): Fingerprint {
  const names =
    tables ?? (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[]);
  const out: Fingerprint = new Map();
  for (const name of names) {
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[];
    if (cols.length > 0) out.set(name, cols.join(','));
  }
  return out;
}

const expected = new Map<number, Fingerprint>();

/** The tables and columns that schema `version` has, made by running the migrations in memory. */
function expectedSchema(version: number, opts: OpenOptions): Fingerprint {
  const cached = expected.get(version);
  if (cached) return cached;
  const mem = new Database(':memory:', nativeOpts(opts));
  try {
    for (let v = 0; v < version; v++) migrations[v]?.(mem);
    const fp = fingerprint(mem);
    expected.set(version, fp);
    return fp;
  } finally {
    mem.close();
  }
}

/** True when every table Minnes ever makes has exactly the columns that `version` gave it. */
export function schemaMatches(db: Db, version: number, opts: OpenOptions): boolean {
  const want = expectedSchema(version, opts);
  const known = [...expectedSchema(SCHEMA_VERSION, opts).keys()];
  const have = fingerprint(db, known);
  if (have.size !== want.size) return false;
  for (const [table, cols] of want) if (have.get(table) !== cols) return false;
  return true;
}

/**
 * Runs the pending migrations on an in-memory copy, so a file they would fail on is refused before
 * anything (a WAL switch, a before-migration copy, a restore) has touched the real one.
 */
export function dryRunMigrations(db: Db, opts: OpenOptions): void {
  const image = db.serialize();
  // A copy of a WAL database still says WAL in its header (bytes 18–19), which an in-memory
  // database cannot be; 1 is the rollback journal. The pages themselves already include the WAL.
  if (image.length >= 20) image[18] = image[19] = 1;
  const mem = new Database(image, nativeOpts(opts));
  try {
    const from = mem.pragma('user_version', { simple: true }) as number;
    mem.transaction(() => {
      for (let v = from; v < SCHEMA_VERSION; v++) migrations[v]?.(mem);
    })();
  } finally {
    mem.close();
  }
}

export type Identity = { version: number; empty: boolean };

/**
 * What the file at `file` is, or a MinnesError saying why Minnes must not open it. `db` is a
 * read-only connection; nothing here writes. `check` asks for the whole-file check (quick_check)
 * and `schema` for comparing every table with what its version made; both also run whenever the
 * file is not plainly ours at this version (it is about to be migrated, or it predates the
 * application id), since then something is about to write much of it. Our own current file after a
 * clean close opens reading a few pages only.
 */
export function identifyStore(
  db: Db,
  file: string,
  opts: OpenOptions,
  { check = true, schema = check }: { check?: boolean; schema?: boolean } = {},
): Identity {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare(`SELECT count(*) FROM sqlite_schema`).pluck().get() as number;
  const ours = appId === MINNES_APPLICATION_ID;
  if (appId !== 0 && !ours) return refuse(notMinnes(file, msg('errors.store.notMinnes.otherApp')));
  if (objects === 0 && version === 0) return { version: 0, empty: true };
  if (version > SCHEMA_VERSION) {
    return refuse(
      userError('database_too_new', 'errors.store.tooNew', { file, version: String(version), supported: String(SCHEMA_VERSION) }),
    );
  }
  const hasDocuments = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'documents'`).get() !== undefined;
  if (!ours && (version === 0 || !hasDocuments)) return refuse(notMinnes(file, msg('errors.store.notMinnes.otherTables')));
  const unusual = !ours || version < SCHEMA_VERSION;
  if ((check || unusual) && !quickCheckOk(db)) return refuse(damaged(file));
  if (!ours && version >= APP_ID_SINCE) return refuse(mismatch(file, version));
  if ((schema || unusual) && !schemaMatches(db, version, opts)) return refuse(mismatch(file, version));
  if (version < SCHEMA_VERSION) {
    try {
      dryRunMigrations(db, opts);
    } catch {
      return refuse(mismatch(file, version));
    }
  }
  return { version, empty: false };
}

export function mismatch(file: string, version: number): MinnesError {
  return userError('schema_mismatch', 'errors.store.schemaMismatch', { file, version: String(version) });
}

function refuse(e: MinnesError): never {
  throw e;
}
