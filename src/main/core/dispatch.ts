import { contract, isChannel, type Handlers } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { errorInfo, isMinnesError, minnesErrorInfo, msg } from './errors';
import { explainSqliteError } from './sqlite-errors';

export type Logger = (message: string) => void;

/**
 * The one gate every call from a renderer passes (IPC or HTTP): unknown channel, bad payload,
 * a user-fixable error and a bug each become a Result, so nothing throws across the boundary.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  log: Logger = console.error,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: errorInfo('unknown_channel', 'errors.unknownChannel', { channel }) };
  const parsed = contract[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    // The schema's own words (Swedish) stay as they are; the sentence around them follows the UI.
    const detail = first?.message ?? msg('errors.unknownError');
    const error = first?.path.length
      ? errorInfo('invalid_input', 'errors.invalidInput.at', { path: first.path.join('.'), detail })
      : errorInfo('invalid_input', 'errors.invalidInput', { detail });
    return { ok: false, error };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (isMinnesError(e)) return { ok: false, error: minnesErrorInfo(e) };
    // A full disk or a damaged file is not a bug: the user gets a line they can act on (and it is still logged).
    const known = explainSqliteError(e);
    log(`[minnes] ${channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (known) return { ok: false, error: minnesErrorInfo(known) };
    return { ok: false, error: errorInfo('internal', 'errors.internal') };
  }
}
