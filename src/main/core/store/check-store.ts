import type { CoreContext } from '../handlers/context';
import { runHeavy } from '../jobs/heavy';
import { damaged } from './open-errors';
import { renderText } from '../../../shared/i18n/catalogue';
import type { MessageText } from '../../../shared/i18n/format';
import { msg } from '../errors';

/**
 * The whole-file check as the user sees it: on demand ("Kontrollera databasen", `minnes check`) and
 * once in the background after the app has settled, in a worker so that nothing waits for it.
 */

export type StoreCheck = { ok: boolean; message: string; text: MessageText };

export async function checkStore(ctx: CoreContext): Promise<StoreCheck> {
  const { ok } = await runHeavy(ctx, { kind: 'check' });
  const at = new Date().toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
  const text = ok ? msg('errors.store.checkedWhole', { at }) : damaged(ctx.dbPath).text;
  return { ok, message: renderText('sv', text), text };
}

/** Long enough after start that the first paint, the first list and the daily backup come first. */
const IDLE_DELAY_MS = 60_000;

/** Schedules the background check; a damaged store is reported through `report` (the log, a notice). */
export function scheduleIdleCheck(ctx: CoreContext, report: (message: string) => void, delayMs = IDLE_DELAY_MS): void {
  const timer = setTimeout(() => {
    checkStore(ctx).then(
      (r) => !r.ok && report(r.message),
      (e: unknown) => report(`Databasen kunde inte kontrolleras: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, delayMs);
  timer.unref(); // never keeps a host alive on its own
}
