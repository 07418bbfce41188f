import { renderText } from '../../shared/i18n/catalogue';
import type { MessageKey } from '../../shared/i18n/catalogue';
import type { MessageParam, MessageParams, MessageText } from '../../shared/i18n/format';
import type { ErrorInfo } from '../../shared/result';

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
export function userError(code: string, key: MessageKey, params?: MessageParams): MinnesError & { readonly text: MessageText } {
  return new MinnesError(code, params ? { key, params } : { key }) as MinnesError & { readonly text: MessageText };
}

/** A message for later rendering, as a parameter of another (a status word inside a sentence). */
export function msg(key: MessageKey, params?: MessageParams): MessageText {
  return params ? { key, params } : { key };
}

export function isMinnesError(e: unknown): e is MinnesError {
  return e instanceof MinnesError;
}

/**
 * Why something failed, as a parameter of another message: a MinnesError's own message (in the
 * reader's language when it has a key), else the error's text as it is.
 */
export function reasonOf(e: unknown): MessageParam {
  if (e instanceof MinnesError) return e.text ?? e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Items joined with ", " as one parameter (the items may be messages themselves). */
export function msgList(items: readonly MessageParam[]): MessageParam {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  return rest.length === 0 ? first : msg('errors.list', { first, rest: msgList(rest) });
}

/** The error envelope of a Result, from the catalogue: Swedish `message`, and `text` for the renderer. */
export function errorInfo(code: string, key: MessageKey, params?: MessageParams): ErrorInfo {
  const text = msg(key, params);
  return { code, message: renderText('sv', text), text };
}

/** A MinnesError as the envelope of a Result. */
export function minnesErrorInfo(e: MinnesError): ErrorInfo {
  return { code: e.code, message: e.message, ...(e.text ? { text: e.text } : {}) };
}
