import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupTo, restoreFrom } from '../../core/backup';
import { resolveDbPath } from '../../core/paths';
import { parse, str } from '../args';
import { UsageError, type CliIo } from '../io';
import { withStore } from '../store';

/**
 * `backup --out <file>`: a verified copy of the store, made while it is open (online backup API).
 * `backup --restore <file>`: puts a verified backup in place of the store; the app must be closed,
 * and the replaced database is kept in backups/ (its path is printed).
 */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, restore: { type: 'string' } }, { min: 0, max: 0 });
  const out = str(values.out);
  const from = str(values.restore);
  if (out !== undefined && from !== undefined) throw new UsageError('give either --out or --restore, not both');
  if (out !== undefined) {
    await withStore(io, str(values.db), (db) => backupTo(db, resolve(io.cwd, out)));
    return 0;
  }
  if (from === undefined) throw new UsageError('--out <file> or --restore <file> is required');
  // Restore does not open the store: a database that cannot be opened is exactly when it is needed.
  const dbPath = resolve(io.cwd, resolveDbPath(str(values.db), io.env));
  mkdirSync(dirname(dbPath), { recursive: true });
  const safety = restoreFrom(dbPath, resolve(io.cwd, from));
  io.stdout(safety ? `Återställd. Den tidigare databasen finns kvar i ${safety}\n` : 'Återställd.\n');
  return 0;
}
