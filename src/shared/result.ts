import type { MessageText } from './i18n/format';

/**
 * The envelope every IPC / HTTP call returns: never a thrown error across a process boundary.
 * `message` is Swedish; `text`, when the host made the message from the catalogue, lets the
 * renderer show it in the user's language.
 */
export type ErrorInfo = { code: string; message: string; text?: MessageText };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Thrown on the renderer side when a call's result is not ok; carries the core's message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly text?: MessageText,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
