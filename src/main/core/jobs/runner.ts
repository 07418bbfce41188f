import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { MessageText } from '../../../shared/i18n/format';
import { MinnesError, msg, userError } from '../errors';
import type { JobReply, JobRequest } from './protocol';
import type { JobKind, ResultOf, Task } from './tasks';

export type JobBudget = {
  /** Wall-clock time a job may take before it is ended. */
  timeMs: number;
  /** The worker's V8 heap (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb: number;
};

export const DEFAULT_BUDGET: JobBudget = { timeMs: 60_000, memoryMb: 512 };

export type JobInfo = { id: string; kind: JobKind; label: string; elapsedMs: number };

export type JobRunnerOptions = {
  /** The built worker entry (out/node/job-worker.cjs, out/main/job-worker.js). */
  script: string;
  /** Read at each job: a restore may put another file in place. */
  dbPath: () => string;
  nativeBinding?: string | undefined;
  budget?: Partial<JobBudget>;
};

/** What the user is told the job was ("Importen avbröts …"). */
export const JOB_LABELS: Record<JobKind, string> = {
  import: 'Importen',
  export: 'Exporten',
  package: 'Diariepaketet',
  takeaways: 'Medskicksrapporten',
  backup: 'Säkerhetskopieringen',
  restore: 'Återställningen',
  check: 'Kontrollen av databasen',
};

/** The same names as the subject of an error message, in the UI's language. */
const JOB_SUBJECTS: Record<JobKind, MessageText> = {
  import: msg('errors.job.import'),
  export: msg('errors.job.export'),
  package: msg('errors.job.package'),
  takeaways: msg('errors.job.takeaways'),
  backup: msg('errors.job.backup'),
  restore: msg('errors.job.restore'),
  check: msg('errors.job.check'),
};

type Running = { info: Omit<JobInfo, 'elapsedMs'>; startedAt: number; end: (error: MinnesError) => void };

const kindOf = (task: Task): JobKind => (task.kind === 'export' && task.format === 'zip' ? 'package' : task.kind);

/**
 * Runs each heavy task in a worker thread of its own, so the thread that answers the user
 * (Electron main, the browser host) only waits. A job over its time or memory budget, or one the
 * user cancels, is ended by terminating its thread; the host itself keeps running.
 */
export class JobRunner {
  private readonly running = new Map<string, Running>();
  readonly budget: JobBudget;

  constructor(private readonly opts: JobRunnerOptions) {
    this.budget = { ...DEFAULT_BUDGET, ...opts.budget };
  }

  list(): JobInfo[] {
    const now = Date.now();
    return [...this.running.values()].map((r) => ({ ...r.info, elapsedMs: now - r.startedAt }));
  }

  /** True when a job was running and has been ended. */
  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job) return false;
    job.end(userError('cancelled', 'errors.job.cancelled', { job: JOB_SUBJECTS[job.info.kind] }));
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }

  run<T extends Task>(task: T): Promise<ResultOf<T>> {
    const kind = kindOf(task);
    const label = JOB_LABELS[kind];
    const job = JOB_SUBJECTS[kind];
    const id = randomUUID();
    const request: JobRequest = { task, dbPath: this.opts.dbPath(), nativeBinding: this.opts.nativeBinding };
    const transfer = task.kind === 'import' ? [copyOut(task)] : [];
    const worker = new Worker(this.opts.script, {
      workerData: request,
      transferList: transfer,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb },
      stdout: false,
      stderr: false,
    });
    return new Promise<ResultOf<T>>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(id);
        fn();
      };
      const end = (error: MinnesError) =>
        finish(() => {
          void worker.terminate();
          reject(error);
        });
      const seconds = Math.round(this.budget.timeMs / 100) / 10;
      const timer = setTimeout(
        () => end(userError('job_timeout', 'errors.job.timeout', { job, seconds: String(seconds) })),
        this.budget.timeMs,
      );
      this.running.set(id, { info: { id, kind, label }, startedAt: Date.now(), end });
      worker.once('message', (reply: JobReply) =>
        finish(() => {
          if (reply.ok) resolve(reply.value as ResultOf<T>);
          else if (reply.known) reject(new MinnesError(reply.code, reply.text ?? reply.message));
          else reject(new Error(reply.message));
          void worker.terminate();
        }),
      );
      worker.once('error', (e: Error & { code?: string }) =>
        end(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? userError('job_memory', 'errors.job.memory', { job, mb: String(this.budget.memoryMb) })
            : userError('job_failed', 'errors.job.failed', { job }),
        ),
      );
      worker.once('exit', () => end(userError('job_failed', 'errors.job.exited', { job })));
    });
  }
}

/** The file's bytes in a buffer of their own, so they can be moved to the worker without copying again. */
function copyOut(task: Extract<Task, { kind: 'import' }>): ArrayBuffer {
  const own = new Uint8Array(task.data.byteLength);
  own.set(task.data);
  task.data = own;
  return own.buffer;
}
