import { contract, isChannel, type Handlers } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { renderText } from '../../shared/i18n/catalogue';
import { isMinnesError, msg } from './errors';
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
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `Okänt anrop: ${channel}` } };
  const parsed = contract[channel].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    return { ok: false, error: { code: 'invalid_input', message: `Ogiltiga uppgifter${where}: ${first?.message ?? 'okänt fel'}` } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (isMinnesError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.text ? { text: e.text } : {}) } };
    // A full disk or a damaged file is not a bug: the user gets a line they can act on (and it is still logged).
    const known = explainSqliteError(e);
    log(`[minnes] ${channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (known) return { ok: false, error: { code: known.code, message: known.message } };
    const text = msg('errors.internal');
    return { ok: false, error: { code: 'internal', message: renderText('sv', text), text } };
  }
}
