/** The envelope every IPC / HTTP call returns: never a thrown error across a process boundary. */
export type ErrorInfo = { code: string; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Thrown on the renderer side when a call's result is not ok; carries the core's Swedish message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
