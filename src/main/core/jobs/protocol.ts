import type { Task } from './tasks';

/** What the host sends a worker: one task, and how to open the store it works on. */
export type JobRequest = { task: Task; dbPath: string; nativeBinding?: string | undefined };

/** What a worker answers: the task's result, or the error as plain data (classes do not cross threads). */
export type JobReply = { ok: true; value: unknown } | { ok: false; code: string; message: string; known: boolean };
