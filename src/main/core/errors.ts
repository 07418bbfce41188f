import { renderText } from '../../shared/i18n/catalogue';
import type { MessageKey } from '../../shared/i18n/catalogue';
import type { MessageParams, MessageText } from '../../shared/i18n/format';

/**
 * An error the user caused or can fix: its message is shown as is (one line). Made from a key of
 * the message catalogue, it also carries that key, so the renderer can show it in the user's
 * language; the CLI and the logs read the Swedish `message`.
 */
export class MinnesError extends Error {
  readonly text: MessageText | undefined;
  constructor(
    readonly code: string,
    message: string | MessageText,
  ) {
    super(typeof message === 'string' ? message : renderText('sv', message));
    this.name = 'MinnesError';
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/** A MinnesError from the catalogue: `userError('locked', 'errors.document.inTrash')`. */
export function userError(code: string, key: MessageKey, params?: MessageParams): MinnesError {
  return new MinnesError(code, params ? { key, params } : { key });
}

/** A message for later rendering, as a parameter of another (a status word inside a sentence). */
export function msg(key: MessageKey, params?: MessageParams): MessageText {
  return params ? { key, params } : { key };
}

export function isMinnesError(e: unknown): e is MinnesError {
  return e instanceof MinnesError;
}
