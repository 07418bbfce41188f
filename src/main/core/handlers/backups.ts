import { join } from 'node:path';
import { autoBackup, backupsDir, discardStaged, listBackups, stagingFile, swapInRestore } from '../backup';
import { userError } from '../errors';
import { runHeavy } from '../jobs/heavy';
import { openStore } from '../store';
import { checkStore } from '../store/check-store';
import type { CoreContext, HandlerGroup } from './context';

type Keys = 'checkDatabase' | 'listBackups' | 'createBackup' | 'restoreBackup';

const summary = (b: { name: string; createdAt: string; size: number }) => ({ name: b.name, createdAt: b.createdAt, size: b.size });

/** Backups in the folder beside the database (a restore is verified before it replaces anything), and the whole-file check. */
export function backupHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    checkDatabase: () => checkStore(ctx),
    listBackups: () => listBackups(ctx.dbPath).map(summary),
    createBackup: async () => {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const file = join(backupsDir(ctx.dbPath), `minnes-manuell-${stamp}.sqlite`);
      await runHeavy(ctx, { kind: 'backup', file });
      const made = listBackups(ctx.dbPath).find((b) => b.path === file);
      if (!made) throw userError('backup_failed', 'errors.backup.notCreated');
      return summary(made);
    },
    restoreBackup: async (input) => {
      const backup = listBackups(ctx.dbPath).find((b) => b.name === input.name);
      if (!backup) throw userError('not_found', 'errors.backup.notFound', { name: input.name });
      // Verified and copied in a worker while the app keeps serving, and refused before our
      // connection closes: closing it checkpoints the WAL into the main file.
      const nativeBinding = ctx.openOptions?.nativeBinding;
      const staged = stagingFile(ctx.dbPath);
      await runHeavy(ctx, { kind: 'restore', dbPath: ctx.dbPath, file: backup.path, staged, nativeBinding }).catch((e: unknown) => {
        discardStaged(staged); // a cancelled or ended job leaves its half-written copy
        throw e;
      });
      // Today's automatic backup first, so even the state just before the restore can be found again.
      await autoBackup(ctx.db, ctx.dbPath).catch(() => null);
      ctx.db.close();
      try {
        return { safetyCopy: swapInRestore(ctx.dbPath, staged, ctx.openOptions) };
      } finally {
        // Whatever happened, the app keeps a working store: the restored one, or the untouched original.
        ctx.db = openStore(ctx.dbPath, ctx.openOptions);
      }
    },
  };
}
