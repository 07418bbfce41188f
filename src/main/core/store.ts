import { openDatabase, type Db, type OpenOptions } from './db';
import { refreshSearchIndex } from './search-index';
import { openError } from './store/open-errors';
import { syncBuiltinTemplates } from './templates/builtin-sync';

/**
 * The app's store: the database, migrated, with the built-in templates present. Documents queued
 * for the search index (search-index.ts) are indexed at close, and at the next open when a process
 * ended without closing, so that a search never has to.
 */
export function openStore(file: string, opts: OpenOptions = {}): Db {
  const db = openDatabase(file, opts);
  try {
    syncBuiltinTemplates(db);
    refreshSearchIndex(db);
  } catch (e) {
    // The first write of a session: a full disk or a read-only file shows here, named as such.
    db.close();
    throw openError(e, file);
  }
  const close = db.close.bind(db);
  db.close = () => {
    try {
      refreshSearchIndex(db);
    } catch {
      // The index catches up at the next open; closing must not fail for it.
    }
    return close();
  };
  return db;
}
