import { readPreferences, writePreferences } from '../settings/preferences';
import type { CoreContext, HandlerGroup } from './context';

export function preferenceHandlers(ctx: CoreContext): HandlerGroup<'getPreferences' | 'setPreferences'> {
  return {
    getPreferences: () => readPreferences(ctx.db),
    setPreferences: (input) => writePreferences(ctx.db, input),
  };
}
