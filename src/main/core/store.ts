import { openDatabase, type Db, type OpenOptions } from './db';
import { openError } from './store/open-errors';
import { syncBuiltinTemplates } from './templates/template-repo';

/** The app's store: the database, migrated, with the built-in templates present. */
export function openStore(file: string, opts: OpenOptions = {}): Db {
  const db = openDatabase(file, opts);
  try {
    syncBuiltinTemplates(db);
  } catch (e) {
    // The first write of a session: a full disk or a read-only file shows here, named as such.
    db.close();
    throw openError(e, file);
  }
  return db;
}
