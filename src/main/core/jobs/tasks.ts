import { backupTo, stageRestore } from '../backup';
import type { Db } from '../db';
import { exportStored, type ExportFormat } from '../export-document';
import { prepareImport, type PreparedImport } from '../import-document';
import { quickCheckOk } from '../store/integrity';
import { takeawaysDocx } from '../takeaways';

/**
 * The heavy work, as plain data in and out so that it can cross to a worker thread. Each task
 * reads the store (or copies it, for a backup) and never writes a document: writes stay on the
 * thread that owns the store, so a cancelled or killed job cannot have saved anything.
 */
export type Task =
  | { kind: 'import'; data: Uint8Array; fileName: string; templateKey?: string | undefined; series?: string | undefined }
  | { kind: 'export'; id: string; format: ExportFormat | 'zip'; preview?: boolean }
  | { kind: 'takeaways'; series: string; today: string; year?: number | undefined }
  | { kind: 'backup'; file: string }
  /** Verifying and copying a backup to restore; the host then swaps it in (backup.swapInRestore). */
  /** The whole-file check, on demand and at idle: reads every page, so never on the thread that serves. */
  | { kind: 'check' }
  | { kind: 'restore'; dbPath: string; file: string; staged: string; nativeBinding?: string | undefined };

/** Kept equal to the contract's JobKindSchema (checked where the runner lists jobs). */
export type JobKind = Task['kind'] | 'package';

export type ExportedBytes = { bytes: Uint8Array; fileName: string; undrawable: string[] };

export type TaskResult = {
  import: PreparedImport;
  export: ExportedBytes;
  takeaways: { bytes: Uint8Array };
  backup: Record<string, never>;
  restore: { staged: string };
  check: { ok: boolean };
};

export type ResultOf<T extends Task> = TaskResult[T['kind']];

/** A backup copies through the connection (ATTACH), so it needs one that may write; the rest only read. */
export const needsWritableConnection = (task: Task): boolean => task.kind === 'backup';

export async function runTask<T extends Task>(db: Db, task: T): Promise<ResultOf<T>> {
  return (await runAny(db, task)) as ResultOf<T>;
}

async function runAny(db: Db, task: Task): Promise<TaskResult[Task['kind']]> {
  switch (task.kind) {
    case 'import':
      return prepareImport(db, Buffer.from(task.data), task.fileName, { templateKey: task.templateKey, series: task.series });
    case 'export': {
      const r = await exportStored(db, task.id, task.format, { preview: task.preview === true && task.format === 'pdf' });
      return { bytes: r.bytes, fileName: r.fileName, undrawable: r.undrawable };
    }
    case 'takeaways':
      return { bytes: await takeawaysDocx(db, task.series, task.today, task.year ? { year: task.year } : {}) };
    case 'backup':
      await backupTo(db, task.file);
      return {};
    case 'check':
      return { ok: quickCheckOk(db) };
    case 'restore':
      return { staged: stageRestore(task.dbPath, task.file, task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}, task.staged) };
  }
}
