import { openDatabase, type Db } from '../core/db';
import { resolveDbPath } from '../core/paths';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIo } from './io';

/** Opens the shared store for one command and always closes it, even when the command fails. */
export function withStore<T>(io: CliIo, dbFlag: string | undefined, fn: (db: Db, path: string) => T): T {
  const path = resolve(io.cwd, resolveDbPath(dbFlag, io.env));
  mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path);
  try {
    return fn(db, path);
  } finally {
    db.close();
  }
}
