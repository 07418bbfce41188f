import { openDatabase, type Db, type OpenOptions } from './db';
import { syncBuiltinTemplates } from './templates/template-repo';

/** The app's store: the database, migrated, with the built-in templates present. */
export function openStore(file: string, opts: OpenOptions = {}): Db {
  const db = openDatabase(file, opts);
  syncBuiltinTemplates(db);
  return db;
}
