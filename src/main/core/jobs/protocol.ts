import type { MessageText } from '../../../shared/i18n/format';
import type { Task } from './tasks';

/** What the host sends a worker: one task, and how to open the store it works on. */
export type JobRequest = { task: Task; dbPath: string; nativeBinding?: string | undefined };

/**
 * What a worker answers: the task's result, or the error as plain data (classes do not cross
 * threads); a known error keeps its catalogue key, so the UI can still show it in its language.
 */
export type JobReply = { ok: true; value: unknown } | { ok: false; code: string; message: string; text?: MessageText; known: boolean };
