import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../core/db';
import { resolveDbPath } from '../core/paths';
import { openStore } from '../core/store';
import { openError } from '../core/store/open-errors';
import type { CliIo } from './io';

/** Opens the shared store for one command and closes it when the command (sync or async) is done. */
export function withStore<T>(io: CliIo, dbFlag: string | undefined, fn: (db: Db, path: string) => T): T {
  const path = resolve(io.cwd, resolveDbPath(dbFlag, io.env));
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    // A path through a file (ENOTDIR), an unwritable folder: one line naming the path, not an errno.
    throw openError(e, path);
  }
  const db = openStore(path);
  let result: T;
  try {
    result = fn(db, path);
  } catch (e) {
    db.close();
    throw e;
  }
  if (result instanceof Promise) return result.finally(() => db.close()) as T;
  db.close();
  return result;
}
